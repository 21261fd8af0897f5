using System.Collections.Frozen;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Actors;

namespace Dyad.Stages.Events;

/// <summary>Actors standing together in a sentence: "Russia, Kazakhstan and Belarus", "Uzbekistan President Karimov".</summary>
internal sealed class ActorGroup
{
    public required int Start { get; init; }

    public required int End { get; set; }

    public List<ActorMention> Actors { get; } = [];

    public bool IsReference { get; set; }

    public IEnumerable<string> Heads => Actors.Select(a => a.Code.Head);

    public override string ToString() => string.Join("+", Actors.Select(a => a.Code.Value));
}

/// <summary>A clause: a run of tokens with one finite verb group, split at semicolons, conjunctions and relative words.</summary>
internal sealed class Clause
{
    public required int Start { get; init; }

    public int End { get; set; }

    /// <summary>The word that opened the clause ("that", "while", "and"…), or empty.</summary>
    public string Opener { get; init; } = string.Empty;

    /// <summary>Set when a reporting verb governs this clause ("announced that …").</summary>
    public ActorGroup? ReportedBy { get; set; }
}

/// <summary>
/// The shallow analysis of one sentence the coder works on: lower-case words, actor groups, clauses.
/// Our own POS-lite: closed word lists and suffixes, no parser.
/// </summary>
internal sealed class SentenceView
{
    internal static readonly FrozenSet<string> Titles = Set(
        "president", "presidents", "prime", "minister", "ministers", "foreign", "defense", "defence", "interior", "secretary", "secretary-general",
        "chairman", "chair", "chairs", "leader", "leaders", "king", "queen", "emir", "premier", "chancellor", "official", "officials",
        "spokesman", "spokeswoman", "ambassador", "envoy", "delegation", "government", "governments", "forces", "troops", "army", "military",
        "police", "court", "counterpart", "counterparts", "general", "commander", "head", "heads", "deputy", "vice", "cio", "state", "authorities",
        "centre", "center", "r", "l", "left", "right", "presidency", "administration", "regime", "leadership", "parliament", "senator", "sen", "mr", "mrs", "ms", "dr",
        "crown", "prince", "sheikh", "gen", "col", "lt", "former", "acting", "new", "then", "top", "senior", "soldiers", "firm", "company", "companies",
        "citizens", "nationals", "diplomats", "diplomat", "representatives", "representative", "office", "team", "and", "&", ",", "(", ")", "the", "of", "'s", "’s",
        "both", "his", "her", "their", "its", "-", "/", "nursultan", "vladimir", "alexander");

    internal static readonly FrozenSet<string> Prepositions = Set(
        "in", "at", "from", "into", "during", "since", "until", "near", "across", "through", "via", "like", "unlike", "than", "despite",
        "to", "with", "against", "on", "by", "for", "of", "about", "over", "between", "among", "under", "after", "before", "toward", "towards", "as", "without", "within", "upon");

    internal static readonly FrozenSet<string> Auxiliaries = Set(
        "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "can", "may", "might", "shall",
        "should", "must", "did", "does", "do", "not", "n't", "never", "also", "already", "still", "now", "then", "jointly", "formally", "finally",
        "eventually", "reportedly", "actively", "currently", "early", "recently", "officially", "lightly", "separately", "once", "again", "later", "allegedly", "supposedly");

    internal static readonly FrozenSet<string> BeForms = Set("is", "are", "was", "were", "be", "been", "being");

    internal static readonly FrozenSet<string> Determiners = Set(
        "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those", "another", "any", "no", "every", "each",
        "first", "second", "last", "recent", "official", "state", "continuing", "further", "new", "joint", "annual", "two", "three", "several",
        "'s", "’s", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "historic", "landmark", "major", "surprise", "brief", "planned", "proposed", "private", "two-day", "three-day", "week-long", "previous", "upcoming",
        "in", "at", "on", "of", "for", "with", "during", "after", "before", "by", "from", "following");

    private static readonly FrozenSet<string> ClauseOpeners = Set(
        ";", "while", "whereas", "although", "though", "because", "but", "after", "before", "when", "where", "which", "who", "whom", "that",
        "if", "unless", "whether", "since", "so", "whereby");

    private static readonly FrozenSet<string> PluralReferences = Set("they", "them", "their");

    private static readonly FrozenSet<string> PairNouns = Set(
        "states", "countries", "presidents", "leaders", "governments", "sides", "nations", "neighbors", "neighbours", "parties", "capitals");

    public SentenceView(Sentence sentence, IReadOnlyList<ActorMention> actors, string text, Discourse discourse)
    {
        Sentence = sentence;
        Tokens = sentence.Tokens as List<Token> ?? [.. sentence.Tokens];
        Words = [.. Tokens.Select(t => t.Text.ToLowerInvariant())];
        GroupAt = new ActorGroup?[Tokens.Count];
        ClauseAt = new int[Tokens.Count];
        BuildUnits(actors, text, discourse);
        BuildClauses();
    }

    public Sentence Sentence { get; }

    public List<Token> Tokens { get; }

    public string[] Words { get; }

    public List<ActorGroup> Groups { get; } = [];

    /// <summary>Actors named as places ("talks in Almaty"), with their token index.</summary>
    public List<(int Index, ActorMention Actor)> Locations { get; } = [];

    public ActorGroup?[] GroupAt { get; }

    public List<Clause> Clauses { get; } = [];

    public int[] ClauseAt { get; }

    public int Count => Words.Length;

    public Clause ClauseOf(int token) => Clauses[ClauseAt[token]];

    private void BuildUnits(IReadOnlyList<ActorMention> actors, string text, Discourse discourse)
    {
        var units = new List<(int Start, int End, List<ActorMention> Actors, bool Reference)>();
        foreach (var a in actors)
        {
            var (start, end) = TokenRange(a.Span);
            if (start < 0)
                continue;
            // "military aid", "security cooperation": an agent word of no known state used as an adjective is no actor.
            if (a.Code.Head == "---" && end - start == 1 && !Tokens[start].IsCapitalized && end < Count && Tokens[end].IsWord && !Tokens[end].IsCapitalized
                && !Prepositions.Contains(Words[end]) && !Auxiliaries.Contains(Words[end]) && Words[end] is not "and" and not "or")
                continue;
            if (a.Role == MentionRole.Location)
            {
                Locations.Add((start, a));
                continue;
            }
            var list = a.Antecedents.Count > 0 ? [.. a.Antecedents] : new List<ActorMention> { a };
            units.Add((start, end, list, a.Antecedents.Count > 0));
        }
        var covered = new bool[Count];
        foreach (var u in units)
        {
            for (var k = u.Start; k < u.End; k++)
                covered[k] = true;
        }
        foreach (var l in Locations)
            covered[l.Index] = true;
        for (var i = 0; i < Count; i++)
        {
            if (covered[i])
                continue;
            // "Russia-Kazakhstan border", "Nazarbayev-Karimov meeting", "U.S.-Kazakh relations": every part an actor.
            if (Tokens[i].Text.Contains('-', StringComparison.Ordinal) && Hyphenated(i, text) is { Count: >= 2 } parts)
            {
                units.Add((i, i + 1, parts, false));
                continue;
            }
            var w = Words[i];
            List<ActorMention>? referent = null;
            var end = i + 1;
            if (PluralReferences.Contains(w))
                referent = discourse.LastPair;
            else if ((w is "both" || (w is "two" && i > 0 && Words[i - 1] is "the")) && i + 1 < Count && PairNouns.Contains(Words[i + 1]))
            {
                referent = discourse.LastPair;
                end = i + 2;
            }
            else if (w is "he" or "she" && discourse.LastPerson is { } person)
                referent = [person];
            if (referent is { Count: > 0 })
            {
                var start = w is "two" ? i - 1 : i;
                units.Add((start, end, [.. referent.Select(r => r with { Sentence = Sentence.Index, Span = new TextSpan(Tokens[start].Span.Start, Tokens[end - 1].Span.End) })], true));
                i = end - 1;
            }
        }
        units.Sort((a, b) => a.Start.CompareTo(b.Start));
        ActorGroup? current = null;
        foreach (var u in units)
        {
            if (current is not null && u.Start >= current.End && Joinable(current.End, u.Start))
            {
                current.End = Math.Max(current.End, u.End);
            }
            else
            {
                if (current is not null && u.Start < current.End)
                {
                    // One reference with several antecedents comes as several mentions of one span.
                    if (u.Start == current.Start || u.End <= current.End)
                    {
                        foreach (var a in u.Actors.Where(a => !current.Actors.Any(x => x.Code.Head == a.Code.Head)))
                            current.Actors.Add(a);
                        current.IsReference |= u.Reference;
                    }
                    continue;
                }
                current = new ActorGroup { Start = u.Start, End = u.End };
                Groups.Add(current);
            }
            current.IsReference |= u.Reference;
            foreach (var a in u.Actors)
            {
                if (!current.Actors.Any(x => x.Code.Head == a.Code.Head))
                    current.Actors.Add(a);
            }
        }
        SplitCommaRuns(units);
        foreach (var g in Groups)
        {
            for (var k = g.Start; k < g.End; k++)
                GroupAt[k] = g;
        }
    }

    /// <summary>
    /// Commas join actors only in a list that ends with "and" ("Russia, Kazakhstan and Belarus"); without one
    /// the comma ends a phrase ("during a visit to Kyrgyzstan, Nazarbayev proposed"; "ODIHR, the OSCE body").
    /// </summary>
    private void SplitCommaRuns(List<(int Start, int End, List<ActorMention> Actors, bool Reference)> units)
    {
        for (var gi = 0; gi < Groups.Count; gi++)
        {
            var g = Groups[gi];
            var hasComma = false;
            var hasAnd = false;
            for (var k = g.Start; k < g.End; k++)
            {
                hasComma |= Words[k] == ",";
                hasAnd |= Words[k] is "and" or "&";
            }
            if (!hasComma || hasAnd)
                continue;
            var parts = new List<ActorGroup>();
            ActorGroup? part = null;
            foreach (var u in units.Where(u => u.Start >= g.Start && u.End <= g.End))
            {
                var comma = part is not null && Enumerable.Range(part.End, Math.Max(0, u.Start - part.End)).Any(k => Words[k] == ",");
                if (part is null || comma)
                {
                    part = new ActorGroup { Start = u.Start, End = u.End, IsReference = u.Reference };
                    parts.Add(part);
                }
                part.End = Math.Max(part.End, u.End);
                foreach (var a in u.Actors.Where(a => !part.Actors.Any(x => x.Code.Head == a.Code.Head)))
                    part.Actors.Add(a);
            }
            if (parts.Count < 2 || IsBareList(parts))
                continue;
            Groups.RemoveAt(gi);
            Groups.InsertRange(gi, parts);
            gi += parts.Count - 1;
        }
    }

    /// <summary>
    /// Three or more actors of different states, one after another with only commas between them, are a list even
    /// when no "and" closes it ("lifted embargoes on Iran, Libya, North Korea, Sudan, and with conditions, Cuba"):
    /// an apposition or a fronted phrase joins two actors, or names the same state twice.
    /// </summary>
    private bool IsBareList(List<ActorGroup> parts)
    {
        if (parts.Count < 3)
            return false;
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part.Actors.Count != 1 || !heads.Add(part.Actors[0].Code.Head))
                return false;
        }
        for (var i = 1; i < parts.Count; i++)
        {
            if (parts[i].Start != parts[i - 1].End + 1 || Words[parts[i - 1].End] != ",")
                return false;
        }
        return true;
    }

    private List<ActorMention> Hyphenated(int i, string text)
    {
        var token = Tokens[i];
        var found = new List<ActorMention>();
        var offset = token.Span.Start;
        foreach (var part in token.Text.Split('-'))
        {
            var entry = ActorDictionary.Default.Candidates(part).FirstOrDefault(e => e.Tokens.Length == 1)
                ?? ActorDictionary.Default.Candidates(part.TrimEnd('.') + ".").FirstOrDefault(e => e.Tokens.Length == 1);
            if (entry is null)
                return [];
            var span = new TextSpan(offset, offset + part.Length);
            found.Add(new ActorMention(Sentence.Index, span, span.Slice(text), entry.Code, entry.Name, MentionRole.Actor, entry.Id, "events.hyphen") { Kind = entry.Kind });
            offset += part.Length + 1;
        }
        return found;
    }

    /// <summary>True when the words between two actor mentions keep them in one phrase (commas, "and", titles, names).</summary>
    private bool Joinable(int from, int to)
    {
        if (to - from > 6)
            return false;
        for (var k = from; k < to; k++)
        {
            var w = Words[k];
            if (Titles.Contains(w))
                continue;
            if (Tokens[k].IsCapitalized && Tokens[k].IsWord && !ClauseOpeners.Contains(w) && !Prepositions.Contains(w))
                continue;
            return false;
        }
        return true;
    }

    private (int Start, int End) TokenRange(TextSpan span)
    {
        int start = -1, end = -1;
        for (var k = 0; k < Count; k++)
        {
            if (Tokens[k].Span.End <= span.Start)
                continue;
            if (Tokens[k].Span.Start >= span.End)
                break;
            if (start < 0)
                start = k;
            end = k + 1;
        }
        return (start, end);
    }

    private void BuildClauses()
    {
        var clause = new Clause { Start = 0 };
        Clauses.Add(clause);
        for (var i = 0; i < Count; i++)
        {
            var w = Words[i];
            var opens = i > 0 && GroupAt[i] is null && ClauseOpeners.Contains(w) && !(w is "that" && i + 1 < Count && Words[i + 1] is "year" or "month" or "week" or "day" or "summit" or "time");
            // "… border issues, and Kazakhstan imports …": a comma plus "and" before a new subject or a verb.
            if (!opens && w is "and" or "but" && i > 0 && Words[i - 1] == "," && i + 1 < Count && (GroupAt[i + 1] is not null || Auxiliaries.Contains(Words[i + 1])))
                opens = true;
            if (!opens && w is "and" && i + 1 < Count && Auxiliaries.Contains(Words[i + 1]) && !BeForms.Contains(Words[i + 1]))
                opens = true;
            if (opens && i > clause.Start)
            {
                clause.End = i;
                clause = new Clause { Start = i, Opener = w };
                Clauses.Add(clause);
            }
            ClauseAt[i] = Clauses.Count - 1;
        }
        clause.End = Count;
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
