namespace Dyad.Storage.Workbench;

/// <summary>
/// Events of an actor with one partner in one month, of one quad class and direction: the cell every analysis
/// (trends, balance, a dyad's series) adds up. <see cref="Month"/> is "YYYY-MM", or null when the event is undated;
/// <see cref="YearOnly"/> marks events known only to the year, which belong to no month.
/// </summary>
public sealed record PartnerCount(string Partner, string PartnerName, string? Month, bool YearOnly, int Quad, bool Outgoing, long Events, double GoldsteinSum);

/// <summary>How the events of a <see cref="WorkbenchQuery"/> are ordered.</summary>
public enum EventOrder
{
    /// <summary>Oldest first (undated last).</summary>
    Date,

    /// <summary>Newest first.</summary>
    DateDescending,

    /// <summary>Most cooperative first.</summary>
    GoldsteinDescending,

    /// <summary>Most hostile first.</summary>
    GoldsteinAscending,
}

/// <summary>
/// What the analysis and the workbench ask of the events table. Actors match on their first three letters (the
/// state) or the whole code; <see cref="Partner"/> is the other side of an event of <see cref="Actor"/>.
/// </summary>
public sealed record WorkbenchQuery
{
    public string? Actor { get; init; }

    public string? Partner { get; init; }

    /// <summary>First day included: "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? From { get; init; }

    /// <summary>Last day included.</summary>
    public string? To { get; init; }

    /// <summary>True: only events known to the year alone; false: only those known to the month or day; null: both.</summary>
    public bool? YearOnly { get; init; }

    /// <summary>Only events with no date.</summary>
    public bool Undated { get; init; }

    /// <summary>Quad classes to keep (1–4); empty keeps all.</summary>
    public IReadOnlyList<int> Quads { get; init; } = [];

    /// <summary>One document, by its id.</summary>
    public string? Doc { get; init; }

    /// <summary>Words that must all occur in the event's sentence (full-text search).</summary>
    public string? Text { get; init; }

    public EventOrder Order { get; init; } = EventOrder.Date;

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>
/// One stored event with its evidence: the sentence it was coded from and where in it the trigger stands.
/// <see cref="Ref"/> names it stably within a store (document, event id, source and target).
/// </summary>
public sealed record WorkbenchEvent(
    string Doc, string EventId, int Sentence, string Source, string SourceName, string Target, string TargetName, string Code,
    int Quad, double Goldstein, string? Date, string? DateStart, string Precision, bool ReportDate, int Mentions, string? Trigger,
    int TriggerStart, int TriggerEnd, string? Rule, string? Location, string? Published, int SentenceStart, string? SentenceText)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public EventRef Ref => new(Doc, EventId, Source, Target);

    /// <summary>The event's name as text (<see cref="EventRef.ToString"/>).</summary>
    public string Id => Ref.ToString();

    /// <summary>The trigger's start and end within the sentence, or null when the trigger lies outside it.</summary>
    public int[]? TriggerInSentence =>
        SentenceText is { } text && TriggerStart >= SentenceStart && TriggerEnd - SentenceStart <= text.Length && TriggerEnd > TriggerStart
            ? [TriggerStart - SentenceStart, TriggerEnd - SentenceStart]
            : null;
}

/// <summary>An event's name in the store: its document, its event id within it, and the ordered actor pair.</summary>
public readonly record struct EventRef(string Doc, string EventId, string Source, string Target)
{
    /// <summary>"doc|event_id|source|target", the form the CLI prints and the web API takes.</summary>
    public override string ToString() => $"{Doc}|{EventId}|{Source}|{Target}";

    public static bool TryParse(string? text, out EventRef value)
    {
        value = default;
        var parts = text?.Split('|');
        if (parts is not { Length: 4 } || parts.Any(string.IsNullOrEmpty))
            return false;
        value = new EventRef(parts[0], parts[1], parts[2], parts[3]);
        return true;
    }
}

/// <summary>An actor's total events as source or target, under its most frequent name.</summary>
public sealed record ActorTotal(string Code, string Name, long Events);

/// <summary>A stored sentence of a document.</summary>
public sealed record StoredSentence(int Index, int Start, int End, string Text);

/// <summary>
/// What a reviewer asks: reject an event, or change its source, target, code or date. Fields left null stay as coded.
/// </summary>
public sealed record CorrectionRequest(EventRef Event, string Author)
{
    public bool Reject { get; init; }

    public string? Source { get; init; }

    public string? SourceName { get; init; }

    public string? Target { get; init; }

    public string? TargetName { get; init; }

    public string? Code { get; init; }

    /// <summary>"YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? Date { get; init; }

    public string? Note { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is not a valid value.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Author))
            throw new ArgumentException("a correction needs an author");
        if (!Reject && Source is null && Target is null && Code is null && Date is null)
            throw new ArgumentException("a correction either rejects the event or changes its source, target, code or date");
        if (Source is not null && !Coding.ActorCode.TryParse(Source, out _))
            throw new ArgumentException($"source '{Source}' is not an actor code");
        if (Target is not null && !Coding.ActorCode.TryParse(Target, out _))
            throw new ArgumentException($"target '{Target}' is not an actor code");
        if (Code is not null && !(Coding.EventCode.TryParse(Code, out var code) && Coding.CameoTable.Default.Find(code) is not null))
            throw new ArgumentException($"code '{Code}' is not a CAMEO code");
        if (Date is not null && !(Date.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(Date, out _)))
            throw new ArgumentException($"date '{Date}' is not YYYY, YYYY-MM or YYYY-MM-DD");
    }
}

/// <summary>A stored correction: the event as coded (its anchor), the verdict, who made it and when.</summary>
public sealed record Correction(long Id, string Doc, string SentenceText, int TriggerOffset, string? Trigger, string Source, string Target, string Code,
    bool Reject, string? NewSource, string? NewSourceName, string? NewTarget, string? NewTargetName, string? NewCode, string? NewDate, string? Note,
    string Author, long AtMs, string BeforeJson);

/// <summary>Events from one state to another in one month, of one quad class; <see cref="Month"/> is null when undated.</summary>
public sealed record PairMonth(string Source, string Target, string? Month, bool YearOnly, int Quad, long Events, double GoldsteinSum);
