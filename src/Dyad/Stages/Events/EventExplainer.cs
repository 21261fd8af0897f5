using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Stages.Events;

/// <summary>Runs a pipeline on one text with tracing on and describes, step by step, how it was coded.</summary>
public static class EventExplainer
{
    /// <summary>The lines <c>dyad explain</c> prints: sentences, tokens, actors, dates, clauses, triggers, events, facts.</summary>
    public static IReadOnlyList<string> Explain(Pipeline.Pipeline pipeline, string text, DateOnly? published = null)
    {
        var document = new Document("explain", text, published);
        var analysis = pipeline.Run(document, trace: true);
        var lines = new List<string>();
        foreach (var a in analysis.Actors)
            lines.Add($"actor mention: sentence {a.Sentence} '{a.Text}' -> {a.Code} ({a.Name}; {a.Role}; {a.Kind}; entry {a.Entry}; rule {a.Rule})");
        foreach (var t in analysis.Times)
            lines.Add($"date mention: sentence {t.Sentence} '{t.Text}' -> {t.Value} ({t.Role}; rule {t.Rule})");
        foreach (var q in analysis.Quantities)
            lines.Add($"quantity: '{q.Text}' -> {q.Value} {q.Unit}{(q.Per is null ? string.Empty : " per " + q.Per)}");
        lines.AddRange(analysis.Trace);
        lines.Add("result:");
        foreach (var e in analysis.Events)
        {
            var info = CameoTable.Default.Find(e.Code);
            lines.Add($"  event {e.Source.Code} -> {e.Target.Code} {e.Code} ({info?.Name ?? "?"}; root {e.Code.Root}; goldstein {CameoInfo.Of(e.Code).Goldstein}) " +
                $"trigger '{e.Trigger.Slice(text)}' rule {e.Rule} date {(e.Date.IsKnown ? e.Date.ToString() : "none")} id {e.EventId}");
        }
        foreach (var f in analysis.Facts)
            lines.Add($"  fact {f.Subject.Code} {f.Predicate} {f.Object.Code}{(f.What is null ? string.Empty : " (" + f.What + ")")} rule {f.Rule}");
        if (analysis.Events.Count == 0 && analysis.Facts.Count == 0)
            lines.Add("  no events");
        foreach (var d in analysis.Diagnostics)
            lines.Add($"diagnostic: {d.Severity} {d.Stage}: {d.Message}");
        return lines;
    }
}
