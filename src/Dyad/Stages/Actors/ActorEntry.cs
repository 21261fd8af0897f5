using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>How a dictionary phrase names its actor; decides the rules the recognizer applies.</summary>
public enum EntryForm
{
    /// <summary>A name: "Kazakhstan", "NATO", "Shanghai Cooperation Organisation".</summary>
    Name,

    /// <summary>An adjective: "Kazakh", "Western"; can be a cue for an agent word ("Uzbek forces").</summary>
    Adjective,

    /// <summary>A demonym: "Kazakhs", "Americans".</summary>
    Demonym,

    /// <summary>A capital: the government as subject ("Moscow said"), a location as venue ("talks in Almaty").</summary>
    Capital,

    /// <summary>A person: the code depends on the date (see <see cref="ActorDictionary.Resolve(ActorEntry, DateOnly, DateOnly)"/>).</summary>
    Person,
}

/// <summary>
/// One dictionary phrase (as tokens) that names an actor. <see cref="Id"/> is "file:key" and is what
/// <see cref="Pipeline.ActorMention.Entry"/> reports; people carry their id in <see cref="Person"/>.
/// </summary>
public sealed record ActorEntry(string Id, string[] Tokens, ActorCode Code, string Name, string Kind, EntryForm Form = EntryForm.Name)
{
    /// <summary>True for a form that is also an ordinary word or a person's name ("Jordan", "Turkey"): guarded by context.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>Matched without regard to case (imported TABARI/PETRARCH dictionaries).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>The last token may be a prefix of the text's token (TABARI entries without a trailing "_").</summary>
    public bool PrefixLast { get; init; }

    /// <summary>For a group ("the five countries of central Asia"): the member states, one mention each.</summary>
    public IReadOnlyList<ActorCode> Members { get; init; } = [];

    /// <summary>For a person: the id in people.tsv / offices.tsv.</summary>
    public string? Person { get; init; }

    /// <summary>For imported entries with date-restricted codes: the codes with their windows.</summary>
    public IReadOnlyList<Office> Offices { get; init; } = [];

    /// <summary>True for a capital (the government as subject, a place as venue).</summary>
    public bool IsCapital => Form == EntryForm.Capital;

    public override string ToString() => $"{string.Join(' ', Tokens)} -> {Code} ({Id})";
}

/// <summary>A term in which a code applies: an office held by a person, or a date-restricted dictionary code.</summary>
public sealed record Office(ActorCode Code, string Role, DateOnly? Start, DateOnly? End, string Comment = "")
{
    /// <summary>True when the term overlaps the period from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Overlaps(DateOnly from, DateOnly to) => (Start is null || Start <= to) && (End is null || End >= from);
}

/// <summary>An agent word ("forces", "government", "President") with the CAMEO sector it adds to a cue.</summary>
public sealed record AgentEntry(string[] Tokens, string Sector, bool Title, string Id)
{
    /// <summary>An imported PETRARCH prefix agent ("NGO~"): the sector goes before the cue's code.</summary>
    public bool Prefix { get; init; }

    /// <summary>Matched without regard to case (imported dictionaries).</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>
    /// What the word is without a country cue: null or "no" (not an actor), "context" (the country comes from the
    /// sentence's place, the document's dateline or, for state sectors, the previous sentence, else "---"), or a
    /// fixed three-letter head ("NGO": "rights groups" are NGOHRI).
    /// </summary>
    public string? Alone { get; init; }
}

/// <summary>A word or phrase that refers back to actors named before ("they", "the two states", "he").</summary>
public sealed record ReferenceEntry(string[] Tokens, bool Plural, string Kind, string Id)
{
    /// <summary>A definite event noun ("the visit", "the summit"): stands for the participants of the event named before.</summary>
    public bool Event { get; init; }
}
