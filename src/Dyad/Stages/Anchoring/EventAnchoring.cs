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
/// in the same paragraph ("Summit outcomes were…", "He also signed … during the visit"); else the
/// publication date with precision none and
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

    /// <summary>Words that open another clause between a trigger and a place.</summary>
    private static readonly HashSet<string> ClauseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "whose", "where", "while", "whereas", "because", ";",
    };

    /// <summary>Past participles that do not end in -ed.</summary>
    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "been", "made", "done", "taken", "given", "seen", "grown", "shown", "become", "come", "gone", "held", "kept", "led",
        "met", "paid", "sent", "spent", "built", "brought", "sought", "fought", "won", "begun", "had", "let", "set", "put",
        "told", "said", "left", "lost", "felt", "found", "stood", "broken", "chosen", "driven", "risen", "written", "struck",
    };

    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "already", "long", "never", "not", "since", "repeatedly", "recently", "now", "so", "far", "still", "steadily",
    };

    public string Name => "anchoring";

    public void Run(Analysis analysis)
    {
        var report = ReportDate(analysis);
        var times = analysis.Times.ToLookup(t => t.Sentence);
        var paragraphDate = ParagraphDates(analysis, times);
        var quantitiesBySentence = BySentence(analysis, analysis.Quantities, q => q.Span);
        var placesBySentence = BySentence(analysis, analysis.Places, p => p.Span);
        foreach (var group in analysis.Events.GroupBy(e => e.Sentence))
        {
            if (group.Key < 0 || group.Key >= analysis.Sentences.Count)
            {
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"event in unknown sentence {group.Key}"));
                continue;
            }
            var sentence = analysis.Sentences[group.Key];
            var own = times[group.Key].ToList();
            var quantities = quantitiesBySentence[group.Key].ToList();
            var places = placesBySentence[group.Key].Where(p => p.IsVenue).ToList();
            var triggers = group.Select(e => e.Trigger).Distinct().ToList();
            var tokens = sentence.Tokens as List<Token> ?? [.. sentence.Tokens];
            var present = tokens.Any(t => PresentCues.Contains(t.Text));
            foreach (var e in group)
            {
                if (!e.Date.IsKnown)
                    AnchorDate(e, own, tokens, present || IsPresentPerfect(tokens, e.Trigger) ? null : paragraphDate[group.Key], report);
                if (e.Quantities.Count == 0)
                {
                    foreach (var q in quantities)
                    {
                        if (q.Kind is "money" or "percent" || Nearest(triggers, q.Span) == e.Trigger)
                            e.Quantities.Add(q);
                    }
                }
                e.Location ??= Venue(places, e, tokens);
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
                AnchorFact(f, times[f.Sentence].ToList(), quantitiesBySentence[f.Sentence], paragraphDate[f.Sentence]);
        }
        if (analysis.Tracing)
            analysis.Trace.Add($"anchoring: report date {report?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}");
    }

    /// <summary>
    /// "Kazakhstan has expanded its cooperation": a trigger in the present perfect reports a state up to
    /// now, so the paragraph's past date does not carry over to it.
    /// </summary>
    private static bool IsPresentPerfect(List<Token> tokens, TextSpan trigger)
    {
        var at = -1;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (tokens[k].Span.Overlaps(trigger))
            {
                at = k;
                break;
            }
        }
        if (at < 0 || !(tokens[at].Text.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IrregularParticiples.Contains(tokens[at].Text)))
            return false;
        var j = at - 1;
        while (j >= 0 && j >= at - 3 && Adverbs.Contains(tokens[j].Text))
            j--;
        return j >= 0 && (tokens[j].Text.Equals("has", StringComparison.OrdinalIgnoreCase) || tokens[j].Text.Equals("have", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The publication date: the document's own, else the date line the date stage read.</summary>
    public static DateOnly? ReportDate(Analysis analysis)
    {
        if (analysis.Document.Published is { } published)
            return published;
        var line = analysis.Times.FirstOrDefault(t => t.Rule == DateRecognizer.DatelineRule);
        return line?.Value.Start;
    }

    private static void AnchorDate(EventMention e, List<TimeMention> own, List<Token> tokens, DateValue? context, DateOnly? report)
    {
        // A span ("since 9/11 … has increased") says when a state began, not when the event happened: it is
        // left to facts. A date in the trigger's own clause first, then one across "that"/"which" ("After X announced in 2009
        // that …, Y concluded"); never one in a "since" clause ("talks … since he assumed power in June 1982").
        var points = own.Where(t => t.Role is TimeRole.Point or TimeRole.Range && t.Rule != DateRecognizer.DatelineRule).ToList();
        var point = points.Where(t => SameClause(tokens, e.Trigger, t.Span, own)).MinBy(t => Distance(t.Span, e.Trigger))
            ?? points.Where(t => SameClause(tokens, e.Trigger, t.Span, own, sinceOnly: true)).MinBy(t => Distance(t.Span, e.Trigger));
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

    /// <summary>Annotations grouped by the sentence that contains them, found by binary search (no scan per sentence).</summary>
    private static ILookup<int, T> BySentence<T>(Analysis analysis, List<T> items, Func<T, TextSpan> span)
    {
        var starts = analysis.Sentences.Select(s => s.Span.Start).ToArray();
        return items.ToLookup(item =>
        {
            var at = Array.BinarySearch(starts, span(item).Start);
            var index = at >= 0 ? at : ~at - 1;
            return index >= 0 && analysis.Sentences[index].Span.Contains(span(item)) ? index : -1;
        });
    }

    private static void AnchorFact(Fact f, List<TimeMention> own, IEnumerable<Quantity> quantities, DateValue? context)
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
        // "Summit outcomes were the signings of a partnership": the summit's date, as for events.
        if (f.At is null && f.Start is null && f.End is null && context is { } c)
            f.At = c;
        if (f.Quantities.Count == 0)
        {
            // The value of the relation; "doubling in four years to $24 billion" keeps the amount, not the duration.
            var values = quantities.ToList();
            if (values.Any(q => q.Kind is "money" or "percent"))
                values.RemoveAll(q => q.Kind == "duration");
            f.Quantities.AddRange(values);
        }
    }

    /// <summary>
    /// The venue nearest the trigger in the trigger's own clause: a place after a relative word ("a group
    /// that had carried out attacks in Uzbekistan") belongs to another action. "to X" is a venue only for
    /// movements: visits and meetings, aid and deployments, attacks and incursions.
    /// </summary>
    private static Place? Venue(List<Place> places, EventMention e, List<Token> tokens)
    {
        var root = e.Code.Value is { Length: >= 2 } ? e.Code.Root : string.Empty;
        var movement = root is "04" or "07" or "18" or "19";
        var candidates = places.Where(p => (p.Venue is not ("to" or "into") || movement) && SameClause(tokens, e.Trigger, p.Span)).ToList();
        // A place the sentence puts the action in first, then a destination, then a wire dateline.
        return candidates.Where(p => p.Venue is not ("to" or "into" or "dateline")).MinBy(p => Distance(p.Span, e.Trigger))
            ?? candidates.Where(p => p.Venue != "dateline").MinBy(p => Distance(p.Span, e.Trigger))
            ?? candidates.MinBy(p => Distance(p.Span, e.Trigger));
    }

    /// <summary>
    /// True when no word that opens another clause stands between the two spans; "since" opens one
    /// unless a date follows it ("since he assumed power" does, "since 2010" does not).
    /// </summary>
    private static bool SameClause(List<Token> tokens, TextSpan trigger, TextSpan other, IReadOnlyList<TimeMention>? times = null, bool sinceOnly = false)
    {
        var from = Math.Min(trigger.End, other.End);
        var to = Math.Max(trigger.Start, other.Start);
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.Span.Start < from || t.Span.End > to)
                continue;
            if (!sinceOnly && ClauseBreaks.Contains(t.Text))
                return false;
            if (times is not null && t.Text.Equals("since", StringComparison.OrdinalIgnoreCase) && k + 1 < tokens.Count
                && !times.Any(m => m.Span.Start == tokens[k + 1].Span.Start))
                return false;
        }
        return true;
    }

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
