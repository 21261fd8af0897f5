using Dyad.Documents;
using Dyad.Output;

namespace Dyad.Storage;

/// <summary>
/// One stored event with its provenance. The positional fields are those of schema version 1; the evidence
/// (sentence, amounts) is in the init properties. <see cref="ToCoded"/> gives the record every output writes.
/// </summary>
public sealed record EventRecord(
    string Doc, string EventId, int Sentence, string Source, string SourceName, string Target, string TargetName,
    string Code, string Root, int Quad, double Goldstein, string? Date, string? DateStart, string Precision, bool ReportDate,
    int Mentions, string? Trigger, int TriggerStart, int TriggerEnd, string? Rule, string? Location, string? Country,
    double? Latitude, double? Longitude, string? Published)
{
    /// <summary>The sentence's offsets in the document's text (null without a sentence row, as for bulk-inserted events).</summary>
    public int? SentenceStart { get; init; }

    public int? SentenceEnd { get; init; }

    /// <summary>The sentence the event was coded from.</summary>
    public string? Text { get; init; }

    /// <summary>The amounts as the JSON array of the coding contract, or null.</summary>
    public string? Quantities { get; init; }

    public bool Symmetric { get; init; }

    /// <summary>The gazetteer kind of <see cref="Location"/>: capital, city, site, region, sea or country.</summary>
    public string? LocationKind { get; init; }

    /// <summary>The code's short description from the CAMEO table.</summary>
    public string? Label => CodedEvent.Describe(Code).Label;

    /// <summary>The event as the one record of the coding contract.</summary>
    public CodedEvent ToCoded()
    {
        var (label, plover, _) = CodedEvent.Describe(Code);
        return new CodedEvent
        {
            Doc = Doc,
            Sentence = Sentence,
            SentenceSpan = SentenceStart is { } s && SentenceEnd is { } e && e >= s ? new TextSpan(s, e) : null,
            Text = Text is null ? null : ContractJson.Fold(Text),
            Source = CodedEvent.Actor(Source, SourceName),
            Target = CodedEvent.Actor(Target, TargetName),
            Code = Code,
            Label = label,
            Root = Root,
            Quad = Quad,
            Goldstein = Goldstein,
            Plover = plover,
            Date = Date is null ? null : new CodedDate(Date, Precision, ReportDate),
            Quantities = ContractJson.ReadQuantities(Quantities),
            Location = Location is null ? null : new CodedPlace(Location, Country ?? "", LocationKind, Latitude, Longitude),
            EventId = EventId,
            Trigger = Trigger,
            TriggerSpan = TriggerEnd >= TriggerStart && TriggerStart >= 0 ? new TextSpan(TriggerStart, TriggerEnd) : default,
            Rule = Rule,
            Symmetric = Symmetric,
            Mentions = Mentions,
        };
    }
}

/// <summary>One stored fact with its provenance; the sentence is in the init properties.</summary>
public sealed record FactRecord(
    string Doc, int Sentence, string Subject, string SubjectName, string Predicate, string Object, string ObjectName,
    string? What, string? Quantities, string? At, string? Start, string? End, string? Trigger, int TriggerStart, int TriggerEnd, string? Rule)
{
    public int? SentenceStart { get; init; }

    public int? SentenceEnd { get; init; }

    public string? Text { get; init; }

    /// <summary>The fact as the one record of the coding contract.</summary>
    public CodedFact ToCoded() => new()
    {
        Doc = Doc,
        Sentence = Sentence,
        SentenceSpan = SentenceStart is { } s && SentenceEnd is { } e && e >= s ? new TextSpan(s, e) : null,
        Text = Text is null ? null : ContractJson.Fold(Text),
        Subject = new CodedActor(Subject, SubjectName),
        Predicate = Predicate,
        Object = new CodedActor(Object, ObjectName),
        What = What,
        Quantities = ContractJson.ReadQuantities(Quantities),
        At = CodedDate.FromValue(At),
        Start = CodedDate.FromValue(Start),
        End = CodedDate.FromValue(End),
        Trigger = Trigger,
        TriggerSpan = TriggerEnd >= TriggerStart && TriggerStart >= 0 ? new TextSpan(TriggerStart, TriggerEnd) : default,
        Rule = Rule,
    };
}

/// <summary>One month of a dyad's time series.</summary>
public sealed record SeriesPoint(string Month, long Events, double MeanGoldstein);

/// <summary>Events from one actor to another: how many, and their mean Goldstein value.</summary>
public sealed record DyadEdge(string Source, string SourceName, string Target, string TargetName, long Events, double MeanGoldstein)
{
    /// <summary>The first day of the earliest dated event on the edge.</summary>
    public string? First { get; init; }

    /// <summary>The first day of the latest dated event on the edge.</summary>
    public string? Last { get; init; }
}
