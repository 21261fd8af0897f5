using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>How an actor-like name is used in its sentence.</summary>
public enum MentionRole
{
    /// <summary>The name stands for an actor ("Moscow said", "Kazakhstan signed").</summary>
    Actor,

    /// <summary>The name is where something happened ("talks in Almaty").</summary>
    Location,
}

/// <summary>An actor recognized in a sentence, with the dictionary entry and rule that matched.</summary>
public sealed record ActorMention(
    int Sentence,
    TextSpan Span,
    string Text,
    ActorCode Code,
    string Name,
    MentionRole Role = MentionRole.Actor,
    string Entry = "",
    string Rule = "",
    double Confidence = 1.0)
{
    /// <summary>For a reference ("they", "both countries"): the mentions it stands for.</summary>
    public IReadOnlyList<ActorMention> Antecedents { get; init; } = [];

    /// <summary>
    /// The kind of actor: "state", "organization", "person", "region", "group" (one mention per member of a fixed
    /// group, same span), "sector" (a company, or a country cue with an agent word: KAZGOV, UZBMIL), "reference" (one
    /// mention per antecedent, see <see cref="Antecedents"/>), or "imported" (a TABARI/PETRARCH dictionary entry).
    /// </summary>
    public string Kind { get; init; } = "state";
}

/// <summary>What a time expression says: a point, or the start or end of a span.</summary>
public enum TimeRole
{
    Point,
    Since,
    Until,
    Range,
}

/// <summary>A date found in a sentence (or supplied by context), with the rule that read it.</summary>
public sealed record TimeMention(int Sentence, TextSpan Span, string Text, DateValue Value, TimeRole Role = TimeRole.Point, string Rule = "")
{
    /// <summary>The end of a range ("from 1999 to 2004").</summary>
    public DateValue? End { get; init; }

    /// <summary>True when the value was worked out from another date ("earlier that year", "on Tuesday").</summary>
    public bool Relative { get; init; }
}

/// <summary>An actor as it takes part in an event: its code, display name and where it was named.</summary>
public sealed record EventActor(ActorCode Code, string Name, TextSpan? Span = null);

/// <summary>One actor doing something to another, stated in one sentence.</summary>
public sealed class EventMention
{
    public required int Sentence { get; init; }

    public required EventActor Source { get; init; }

    public required EventActor Target { get; init; }

    public required EventCode Code { get; set; }

    /// <summary>The words that made the event.</summary>
    public required TextSpan Trigger { get; init; }

    /// <summary>The id of the pattern or model that produced the event.</summary>
    public required string Rule { get; init; }

    public DateValue Date { get; set; }

    /// <summary>True when <see cref="Date"/> is the document's report date, not the event's own.</summary>
    public bool DateIsReportDate { get; set; }

    public List<Quantity> Quantities { get; } = [];

    public Place? Location { get; set; }

    /// <summary>Shared by all mentions of one real-world event within a document.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>True when the mention expands a symmetric act (sign, meet) into one of its pairs.</summary>
    public bool Symmetric { get; init; }

    public override string ToString() => $"{Source.Code}->{Target.Code} {Code} ({Rule})";
}

/// <summary>A stated relation that is not an event: membership, lease, trade volume, export share.</summary>
public sealed class Fact
{
    public required int Sentence { get; init; }

    public required EventActor Subject { get; init; }

    public required string Predicate { get; init; }

    public required EventActor Object { get; init; }

    public required TextSpan Trigger { get; init; }

    public required string Rule { get; init; }

    /// <summary>What the relation is about ("Baikonur Cosmodrome", "oil exports").</summary>
    public string? What { get; set; }

    public List<Quantity> Quantities { get; } = [];

    public DateValue? Start { get; set; }

    public DateValue? End { get; set; }

    /// <summary>The date the relation is stated for ("$24 billion in 2012").</summary>
    public DateValue? At { get; set; }
}
