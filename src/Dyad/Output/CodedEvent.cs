using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Output;

/// <summary>An actor as the output names it: its code, its name and, when the coder saw it, where in the text.</summary>
public sealed record CodedActor(string Code, string Name, TextSpan? Span = null);

/// <summary>A date as the output gives it: the ISO value at its precision, and whether it is only the report date.</summary>
public sealed record CodedDate(string Value, string Precision, bool ReportDate = false)
{
    /// <summary>A stored date value ("2014", "2014-05", "2014-05-29") with the precision its form says.</summary>
    public static CodedDate? FromValue(string? value) =>
        DateValue.TryParse(value, out var date) ? new CodedDate(date.Value, date.PrecisionName) : null;
}

/// <summary>Where an event happened.</summary>
public sealed record CodedPlace(string Name, string Country, string? Kind, double? Latitude, double? Longitude, TextSpan? Span = null);

/// <summary>
/// One event with the fields of the coding contract (spec: "Machine-readable output"). `dyad code`, `query`, every
/// export and the web API build this one record and write it with <see cref="ContractJson"/> or <see cref="EventColumns"/>.
/// </summary>
public sealed record CodedEvent
{
    public required string Doc { get; init; }

    public required int Sentence { get; init; }

    /// <summary>The sentence's offsets in the document's text (null when the store has no sentence row, as for bulk imports).</summary>
    public TextSpan? SentenceSpan { get; init; }

    /// <summary>The sentence, runs of whitespace folded to one space.</summary>
    public string? Text { get; init; }

    /// <summary>Null for the missing target of an intransitive act (code "---").</summary>
    public CodedActor? Source { get; init; }

    public CodedActor? Target { get; init; }

    public required string Code { get; init; }

    /// <summary>The code's short description from the CAMEO table.</summary>
    public string? Label { get; init; }

    public required string Root { get; init; }

    public required int Quad { get; init; }

    public required double Goldstein { get; init; }

    public string? Plover { get; init; }

    public CodedDate? Date { get; init; }

    public IReadOnlyList<Quantity> Quantities { get; init; } = [];

    public CodedPlace? Location { get; init; }

    public string EventId { get; init; } = string.Empty;

    public string? Trigger { get; init; }

    public TextSpan TriggerSpan { get; init; }

    public string? Rule { get; init; }

    public bool Symmetric { get; init; }

    /// <summary>How many mentions the event has (null for one line per mention).</summary>
    public int? Mentions { get; init; }

    /// <summary>The sentences of the mentions, when known.</summary>
    public IReadOnlyList<int>? MentionSentences { get; init; }

    /// <summary>The label, PLOVER type and Goldstein value of a code from the CAMEO table.</summary>
    public static (string? Label, string? Plover, double Goldstein) Describe(string code, GoldsteinScheme scheme = GoldsteinScheme.Gdelt)
    {
        if (!EventCode.TryParse(code, out var parsed))
            return (null, null, 0);
        var entry = CameoTable.Default.Find(parsed);
        return (entry?.Name, entry?.Plover, CameoTable.Default.Goldstein(parsed, scheme));
    }

    /// <summary>An actor of the output, or null for the "---" placeholder of an absent target.</summary>
    /// <summary>A span of one part of a long document (<see cref="Document.Offset"/>) as offsets into the whole text.</summary>
    internal static TextSpan Shift(TextSpan span, int offset) => offset == 0 ? span : span.Shift(offset);

    internal static TextSpan? Shift(TextSpan? span, int offset) => span is { } s ? Shift(s, offset) : null;

    internal static IReadOnlyList<Quantity> Shift(IReadOnlyList<Quantity> quantities, int offset) =>
        offset == 0 ? quantities : quantities.Select(q => q with { Span = Shift(q.Span, offset) }).ToList();

    public static CodedActor? Actor(string code, string? name, TextSpan? span = null) =>
        code == "---" ? null : new CodedActor(code, name ?? string.Empty, span);

    /// <summary>The record of one coded mention, written with <paramref name="source"/> and <paramref name="target"/> (swapped for a reciprocal line).</summary>
    public static CodedEvent From(Analysis analysis, EventMention e, EventActor source, EventActor target, OutputOptions options, IReadOnlyList<EventMention>? mentions = null)
    {
        var sentence = analysis.Sentences[e.Sentence];
        var info = CameoInfo.Of(e.Code, options.Goldstein);
        var place = e.Location;
        var o = analysis.Document.Offset;
        return new CodedEvent
        {
            Doc = analysis.Document.Id,
            Sentence = e.Sentence,
            SentenceSpan = Shift(sentence.Span, o),
            Text = ContractJson.Fold(sentence.Text),
            Source = Actor(source.Code.Value, source.Name, Shift(source.Span, o)),
            Target = Actor(target.Code.Value, target.Name, Shift(target.Span, o)),
            Code = e.Code.Value,
            Label = CameoTable.Default.Find(e.Code)?.Name,
            Root = e.Code.Root,
            Quad = (int)QuadClasses.Of(e.Code, options.Quads),
            Goldstein = info.Goldstein,
            Plover = info.Plover,
            Date = e.Date.IsKnown ? new CodedDate(e.Date.Value, e.Date.PrecisionName, e.DateIsReportDate) : null,
            Quantities = Shift(e.Quantities, o),
            Location = place is null ? null : new CodedPlace(place.Name, place.Country, place.Kind, place.Latitude, place.Longitude, Shift(place.Span, o)),
            EventId = e.EventId,
            Trigger = e.Trigger.End <= analysis.Document.Text.Length ? e.Trigger.Slice(analysis.Document.Text) : string.Empty,
            TriggerSpan = Shift(e.Trigger, o),
            Rule = e.Rule,
            Symmetric = e.Symmetric,
            Mentions = mentions?.Count,
            MentionSentences = mentions?.Select(m => m.Sentence).ToList(),
        };
    }
}

/// <summary>One fact with the fields of the coding contract; built by `code` and by the store alike.</summary>
public sealed record CodedFact
{
    public required string Doc { get; init; }

    public required int Sentence { get; init; }

    public TextSpan? SentenceSpan { get; init; }

    public string? Text { get; init; }

    public required CodedActor Subject { get; init; }

    public required string Predicate { get; init; }

    public required CodedActor Object { get; init; }

    public string? What { get; init; }

    public IReadOnlyList<Quantity> Quantities { get; init; } = [];

    /// <summary>The date the relation is stated for.</summary>
    public CodedDate? At { get; init; }

    public CodedDate? Start { get; init; }

    public CodedDate? End { get; init; }

    public string? Trigger { get; init; }

    public TextSpan TriggerSpan { get; init; }

    public string? Rule { get; init; }

    public static CodedFact From(Analysis analysis, Fact f)
    {
        var sentence = analysis.Sentences[f.Sentence];
        static CodedDate? D(DateValue? d) => d is { IsKnown: true } v ? new CodedDate(v.Value, v.PrecisionName) : null;
        var o = analysis.Document.Offset;
        return new CodedFact
        {
            Doc = analysis.Document.Id,
            Sentence = f.Sentence,
            SentenceSpan = CodedEvent.Shift(sentence.Span, o),
            Text = ContractJson.Fold(sentence.Text),
            Subject = new CodedActor(f.Subject.Code.Value, f.Subject.Name, CodedEvent.Shift(f.Subject.Span, o)),
            Predicate = f.Predicate,
            Object = new CodedActor(f.Object.Code.Value, f.Object.Name, CodedEvent.Shift(f.Object.Span, o)),
            What = f.What,
            Quantities = CodedEvent.Shift(f.Quantities, o),
            At = D(f.At),
            Start = D(f.Start),
            End = D(f.End),
            Trigger = f.Trigger.End <= analysis.Document.Text.Length ? f.Trigger.Slice(analysis.Document.Text) : string.Empty,
            TriggerSpan = CodedEvent.Shift(f.Trigger, o),
            Rule = f.Rule,
        };
    }
}
