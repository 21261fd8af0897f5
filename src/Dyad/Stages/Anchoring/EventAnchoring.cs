using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Dates;

namespace Dyad.Stages.Anchoring;

/// <summary>
/// Gives each event mention and fact its date, amounts and place. Runs after the event coder and the
/// facts, before events are merged.
/// <list type="bullet">
/// <item>Date: the date of its own sentence nearest the trigger (a point or a range; "since 2010" and
/// "until 2050" are spans for facts, not the event's date); else the last date the text named earlier
/// in the same paragraph ("Summit outcomes were…", "He also signed … during the visit"); else a span of
/// its own sentence; else the publication date with precision none and
/// <see cref="EventMention.DateIsReportDate"/> set; else unknown.</item>
/// <item>Quantities: money and percentages of the sentence go to every event of the sentence; counts,
/// durations and measures to the event whose trigger is nearest.</item>
/// <item>Location: the venue of the sentence ("in Tashkent", "at a summit meeting in Turkmenbashi City",
/// a caption's place line), the one nearest the trigger; "to X" only when no other venue is named.</item>
/// </list>
/// </summary>
public sealed class EventAnchoring : IStage
{
    /// <summary>Words that put a sentence in the present, so the paragraph's past date does not carry over.</summary>
    private static readonly HashSet<string> PresentCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "currently", "now", "today", "nowadays", "presently",
    };

    public string Name => "anchoring";

    public void Run(Analysis analysis)
    {
        var report = ReportDate(analysis);
        var times = analysis.Times.ToLookup(t => t.Sentence);
        var paragraphDate = ParagraphDates(analysis, times);
        foreach (var group in analysis.Events.GroupBy(e => e.Sentence))
        {
            if (group.Key < 0 || group.Key >= analysis.Sentences.Count)
            {
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"event in unknown sentence {group.Key}"));
                continue;
            }
            var sentence = analysis.Sentences[group.Key];
            var own = times[group.Key].ToList();
            var quantities = analysis.QuantitiesIn(sentence).ToList();
            var places = analysis.PlacesIn(sentence).Where(p => p.IsVenue).ToList();
            var triggers = group.Select(e => e.Trigger).Distinct().ToList();
            var present = sentence.Tokens.Any(t => PresentCues.Contains(t.Text));
            foreach (var e in group)
            {
                if (!e.Date.IsKnown)
                    AnchorDate(e, own, present ? null : paragraphDate[group.Key], report);
                if (e.Quantities.Count == 0)
                {
                    foreach (var q in quantities)
                    {
                        if (q.Kind is "money" or "percent" || Nearest(triggers, q.Span) == e.Trigger)
                            e.Quantities.Add(q);
                    }
                }
                e.Location ??= Venue(places, e.Trigger);
            }
        }
        // Until a merging stage gives ids, each mention is its own event.
        var counter = 0;
        foreach (var e in analysis.Events)
        {
            if (e.EventId.Length == 0)
                e.EventId = $"e{++counter}";
        }
        foreach (var f in analysis.Facts)
        {
            if (f.Sentence >= 0 && f.Sentence < analysis.Sentences.Count)
                AnchorFact(analysis, f, times[f.Sentence].ToList());
        }
        if (analysis.Tracing)
            analysis.Trace.Add($"anchoring: report date {report?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}");
    }

    /// <summary>The publication date: the document's own, else the date line the date stage read.</summary>
    public static DateOnly? ReportDate(Analysis analysis)
    {
        if (analysis.Document.Published is { } published)
            return published;
        var line = analysis.Times.FirstOrDefault(t => t.Rule == DateRecognizer.DatelineRule);
        return line?.Value.Start;
    }

    private static void AnchorDate(EventMention e, List<TimeMention> own, DateValue? context, DateOnly? report)
    {
        var point = own.Where(t => t.Role is TimeRole.Point or TimeRole.Range && t.Rule != DateRecognizer.DatelineRule)
            .MinBy(t => Distance(t.Span, e.Trigger));
        if (point is not null)
        {
            e.Date = point.Value;
            return;
        }
        if (context is { } c)
        {
            e.Date = c;
            return;
        }
        var since = own.Where(t => t.Role == TimeRole.Since).MinBy(t => Distance(t.Span, e.Trigger));
        if (since is not null)
        {
            e.Date = since.Value;
            return;
        }
        if (report is { } r)
        {
            e.Date = DateValue.Reported(r);
            e.DateIsReportDate = true;
        }
    }

    /// <summary>
    /// For each sentence, the last date named (not worked out, not a span's end) in the earlier sentences of
    /// its paragraph; null at a paragraph's start. Headings and captions are paragraphs of their own.
    /// </summary>
    private static DateValue?[] ParagraphDates(Analysis analysis, ILookup<int, TimeMention> times)
    {
        var text = analysis.Document.Text;
        var result = new DateValue?[analysis.Sentences.Count];
        DateValue? carried = null;
        for (var s = 0; s < analysis.Sentences.Count; s++)
        {
            var sentence = analysis.Sentences[s];
            if (s == 0 || StartsParagraph(text, analysis.Sentences[s - 1], sentence))
                carried = null;
            result[s] = carried;
            var named = times[s].LastOrDefault(t => t.Role is TimeRole.Point or TimeRole.Range && !t.Relative && t.Rule != DateRecognizer.DatelineRule);
            if (named is not null)
                carried = named.Value;
        }
        return result;
    }

    private static bool StartsParagraph(string text, Sentence previous, Sentence current)
    {
        if (previous.Kind != SentenceKind.Body || current.Kind != SentenceKind.Body)
            return true;
        var gap = text.AsSpan(previous.Span.End, Math.Max(0, current.Span.Start - previous.Span.End));
        var newline = gap.IndexOf('\n');
        if (newline < 0)
            return false;
        var rest = gap[(newline + 1)..];
        // A blank line, or an indented line (wire copy marks paragraphs so).
        return rest.Contains('\n') || (rest.Length > 0 && rest[0] is ' ' or '\t');
    }

    private static void AnchorFact(Analysis analysis, Fact f, List<TimeMention> own)
    {
        foreach (var t in own.OrderBy(t => Distance(t.Span, f.Trigger)))
        {
            switch (t.Role)
            {
                case TimeRole.Since:
                    f.Start ??= t.Value;
                    break;
                case TimeRole.Until:
                    f.End ??= t.Value;
                    break;
                case TimeRole.Range:
                    f.Start ??= t.Value;
                    f.End ??= t.End;
                    break;
                default:
                    if (t.Rule != DateRecognizer.DatelineRule)
                        f.At ??= t.Value;
                    break;
            }
        }
        if (f.Quantities.Count == 0)
            f.Quantities.AddRange(analysis.QuantitiesIn(analysis.Sentences[f.Sentence]));
    }

    private static Place? Venue(List<Place> places, TextSpan trigger) =>
        places.Where(p => p.Venue != "to").MinBy(p => Distance(p.Span, trigger))
        ?? places.MinBy(p => Distance(p.Span, trigger));

    private static TextSpan Nearest(List<TextSpan> triggers, TextSpan span) => triggers.MinBy(t => Distance(t, span));

    /// <summary>Characters between two spans; zero when they overlap.</summary>
    private static int Distance(TextSpan a, TextSpan b) =>
        a.Overlaps(b) ? 0 : a.End <= b.Start ? b.Start - a.End : a.Start - b.End;
}

public static class EventAnchoringExtensions
{
    /// <summary>Adds (or replaces) the anchoring stage; it goes after the events and facts, before merging.</summary>
    public static PipelineBuilder UseAnchoring(this PipelineBuilder builder) => builder.Replace(new EventAnchoring());
}
