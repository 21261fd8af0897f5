using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>How a person's (or date-restricted entry's) code was chosen for a date.</summary>
public readonly record struct Resolution(ActorCode Code, string How, string Role);

/// <summary>
/// The actor names the recognizer looks for: states, organizations, groups, people with dated offices,
/// agent words, references and context vetoes. Built once (from the embedded Data/ files, plus user files and
/// imported TABARI/PETRARCH dictionaries), then only read, so one instance is shared across threads.
/// </summary>
public sealed class ActorDictionary
{
    private static readonly Lazy<ActorDictionary> LazyDefault = new(LoadDefault);

    private readonly Dictionary<string, List<ActorEntry>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ActorEntry>> _byFirstIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ActorEntry> _prefixEntries = [];
    private readonly Dictionary<string, List<AgentEntry>> _agents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<ReferenceEntry>> _references = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string[]>> _vetoes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Office>> _offices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _personNames = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<(string Text, ActorEntry Entry)>> _typoIndex = [];
    private readonly ConcurrentDictionary<string, (ActorEntry? Entry, int Distance)> _typoCache = new(StringComparer.Ordinal);

    /// <summary>The embedded dictionary, loaded once on first use.</summary>
    public static ActorDictionary Default => LazyDefault.Value;

    /// <summary>Number of phrases (names, adjectives, capitals, people's names...).</summary>
    public int Count { get; private set; }

    /// <summary>Number of agent phrases.</summary>
    public int AgentCount { get; private set; }

    /// <summary>Number of people with offices.</summary>
    public int PersonCount => _personNames.Count;

    /// <summary>Number of terms of office.</summary>
    public int OfficeCount => _offices.Values.Sum(o => o.Count);

    /// <summary>How long loading the embedded data took.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Every phrase that starts with <paramref name="firstToken"/> (case-sensitive and imported case-insensitive), longest first.</summary>
    /// <remarks>
    /// Called for nearly every token, so it returns the stored list itself when only the case-sensitive
    /// table answers (the common case) and builds a new list only when several sources contribute.
    /// </remarks>
    public IReadOnlyList<ActorEntry> Candidates(string firstToken)
    {
        _byFirst.TryGetValue(firstToken, out var exact);
        List<ActorEntry>? ignoring = null;
        if (_byFirstIgnoreCase.Count > 0)
            _byFirstIgnoreCase.TryGetValue(firstToken, out ignoring);
        List<ActorEntry>? merged = null;
        foreach (var e in _prefixEntries)
        {
            if (firstToken.Length > e.Tokens[0].Length && firstToken.StartsWith(e.Tokens[0], StringComparison.OrdinalIgnoreCase))
            {
                merged ??= Merge(exact, ignoring);
                merged.Add(e);
            }
        }
        if (merged is not null)
            return merged;
        if (ignoring is null || ignoring.Count == 0)
            return exact ?? (IReadOnlyList<ActorEntry>)[];
        if (exact is null || exact.Count == 0)
            return ignoring;
        return Merge(exact, ignoring);
    }

    private static List<ActorEntry> Merge(List<ActorEntry>? exact, List<ActorEntry>? ignoring)
    {
        var merged = new List<ActorEntry>((exact?.Count ?? 0) + (ignoring?.Count ?? 0) + 1);
        if (exact is not null)
            merged.AddRange(exact);
        if (ignoring is not null)
            merged.AddRange(ignoring);
        return merged;
    }

    /// <summary>Agent phrases that start with <paramref name="firstToken"/>, longest first.</summary>
    public IReadOnlyList<AgentEntry> Agents(string firstToken) => _agents.TryGetValue(firstToken, out var list) ? list : [];

    /// <summary>Reference phrases that start with <paramref name="firstToken"/>, longest first.</summary>
    public IReadOnlyList<ReferenceEntry> References(string firstToken) => _references.TryGetValue(firstToken, out var list) ? list : [];

    /// <summary>Context phrases that veto the ambiguous name <paramref name="name"/> in a sentence.</summary>
    public IReadOnlyList<string[]> Vetoes(string name) => _vetoes.TryGetValue(name, out var list) ? list : [];

    /// <summary>The terms of office of a person (empty for an unknown id).</summary>
    public IReadOnlyList<Office> OfficesOf(string person) => _offices.TryGetValue(person, out var list) ? list : [];

    /// <summary>Adds a phrase; phrases that start alike are kept longest first so the first full match is the longest.</summary>
    public void Add(ActorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Tokens.Length == 0)
            throw new ArgumentException("an entry needs at least one token", nameof(entry));
        if (entry.PrefixLast && entry.Tokens.Length == 1)
        {
            _prefixEntries.Add(entry);
        }
        var map = entry.IgnoreCase ? _byFirstIgnoreCase : _byFirst;
        if (!map.TryGetValue(entry.Tokens[0], out var list))
            map[entry.Tokens[0]] = list = [];
        // Longest first; equal lengths keep the order of the files (a name before an adjective of the same form).
        var at = list.FindIndex(e => e.Tokens.Length < entry.Tokens.Length);
        list.Insert(at < 0 ? list.Count : at, entry);
        Count++;
        if (!entry.Ambiguous && !entry.IgnoreCase && entry.Tokens.Length == 1 && entry.Tokens[0].Length >= 6
            && entry.Form is EntryForm.Name or EntryForm.Person or EntryForm.Capital && entry.Tokens[0].All(char.IsLetter))
        {
            var length = entry.Tokens[0].Length;
            if (!_typoIndex.TryGetValue(length, out var bucket))
                _typoIndex[length] = bucket = [];
            bucket.Add((entry.Tokens[0], entry));
        }
    }

    /// <summary>Adds a phrase that replaces every existing phrase with the same tokens (a user's override).</summary>
    public void Override(ActorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var map = entry.IgnoreCase ? _byFirstIgnoreCase : _byFirst;
        if (map.TryGetValue(entry.Tokens[0], out var list))
            Count -= list.RemoveAll(e => e.Tokens.SequenceEqual(entry.Tokens, StringComparer.OrdinalIgnoreCase));
        foreach (var bucket in _typoIndex.Values)
            bucket.RemoveAll(b => b.Entry.Tokens.SequenceEqual(entry.Tokens, StringComparer.OrdinalIgnoreCase));
        _typoCache.Clear();
        Add(entry);
    }

    /// <summary>Adds an agent phrase.</summary>
    public void AddAgent(AgentEntry agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!_agents.TryGetValue(agent.Tokens[0], out var list))
            _agents[agent.Tokens[0]] = list = [];
        // Longest first; on equal length an imported agent goes before the embedded ones so it wins.
        var at = agent.IgnoreCase
            ? list.FindIndex(e => e.Tokens.Length <= agent.Tokens.Length)
            : list.FindIndex(e => e.Tokens.Length < agent.Tokens.Length);
        list.Insert(at < 0 ? list.Count : at, agent);
        AgentCount++;
    }

    /// <summary>Adds a person's term of office (or a dated code).</summary>
    public void AddOffice(string person, Office office)
    {
        if (!_offices.TryGetValue(person, out var list))
            _offices[person] = list = [];
        list.Add(office);
    }

    /// <summary>Adds a reference phrase ("they", "the two states").</summary>
    public void AddReference(ReferenceEntry reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!_references.TryGetValue(reference.Tokens[0], out var list))
            _references[reference.Tokens[0]] = list = [];
        list.Add(reference);
        list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
    }

    /// <summary>Adds context phrases that veto an ambiguous name.</summary>
    public void AddVetoes(string name, IEnumerable<string[]> phrases)
    {
        if (!_vetoes.TryGetValue(name, out var list))
            _vetoes[name] = list = [];
        list.AddRange(phrases.Where(p => p.Length > 0));
    }

    /// <summary>Every phrase, in no particular order.</summary>
    public IEnumerable<ActorEntry> AllEntries() => _byFirst.Values.Concat(_byFirstIgnoreCase.Values).SelectMany(l => l);

    /// <summary>Registers a person's display name.</summary>
    public void AddPerson(string id, string name) => _personNames[id] = name;

    /// <summary>The display name of a person id, or the id itself.</summary>
    public string PersonName(string id) => _personNames.GetValueOrDefault(id, id);

    /// <summary>
    /// The code of an entry for an event between <paramref name="from"/> and <paramref name="to"/> (a year, or a day
    /// when both are equal). A person gets the code of the first office listed that overlaps the period; after their
    /// first term and outside any term, their state with the CAMEO sector ELI (a former office holder); before it,
    /// their state alone.
    /// </summary>
    public Resolution Resolve(ActorEntry entry, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var offices = entry.Person is { } person ? OfficesOf(person) : entry.Offices;
        if (offices.Count == 0)
            return new Resolution(entry.Code, "undated", string.Empty);
        foreach (var office in offices)
        {
            if (office.Overlaps(from, to))
                return new Resolution(office.Code, "in-office", office.Role);
        }
        if (entry.Person is null)
        {
            // Imported date-restricted codes: the unrestricted code is the default.
            return new Resolution(entry.Code, "default", string.Empty);
        }
        var first = offices.Where(o => o.Start is not null).MinBy(o => o.Start!.Value);
        var state = offices.FirstOrDefault(o => o.Code.IsStateLike)?.Code ?? offices[0].Code;
        if (first is not null && to < first.Start!.Value)
            return new Resolution(ActorCode.Parse(state.Head), "before-office", string.Empty);
        return new Resolution(state.IsStateLike ? state.WithSector("ELI") : state, "after-office", string.Empty);
    }

    /// <summary>
    /// Re-resolves a mention's <see cref="Pipeline.ActorMention.Entry"/> for an event date the recognizer did not know
    /// (the date stage or event coder found it later). Null when the entry id is not in this dictionary.
    /// </summary>
    public Resolution? Resolve(string entryId, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(entryId);
        var id = entryId.Split('+')[0];
        var entry = AllEntries().FirstOrDefault(e => e.Id == id);
        return entry is null ? null : Resolve(entry, date);
    }

    /// <summary>The code of an entry on one day.</summary>
    public Resolution Resolve(ActorEntry entry, DateOnly date) => Resolve(entry, date, date);

    /// <summary>The code of an entry without a date: a person's most recent office.</summary>
    public Resolution ResolveLatest(ActorEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var offices = entry.Person is { } person ? OfficesOf(person) : entry.Offices;
        if (offices.Count == 0)
            return new Resolution(entry.Code, "undated", string.Empty);
        if (entry.Person is null)
            return new Resolution(entry.Code, "default", string.Empty);
        var latest = offices.Where(o => o.End is null).FirstOrDefault() ?? offices.MaxBy(o => o.End ?? DateOnly.MaxValue)!;
        return new Resolution(latest.Code, "latest-office", latest.Role);
    }

    /// <summary>
    /// The closest single-token name to a capitalized token of six or more letters that is in no dictionary:
    /// same first letter, edit distance 1 (up to 8 letters) or 2 (longer). Null when nothing is close enough.
    /// </summary>
    public (ActorEntry Entry, int Distance)? NearestName(string token)
    {
        if (token.Length < 6 || !char.IsUpper(token[0]))
            return null;
        var found = _typoCache.GetOrAdd(token, FindNearest);
        return found.Entry is null ? null : (found.Entry, found.Distance);
    }

    internal (ActorEntry? Entry, int Distance) FindNearest(string token)
    {
        var limit = token.Length <= 8 ? 1 : 2;
        ActorEntry? best = null;
        var bestDistance = limit + 1; // one more than allowed: nothing found yet
        var ambiguousBest = false;
        for (var length = token.Length - limit; length <= token.Length + limit; length++)
        {
            if (!_typoIndex.TryGetValue(length, out var bucket))
                continue;
            foreach (var (text, entry) in bucket)
            {
                if (text[0] != token[0])
                    continue;
                var d = EditDistance.Bounded(token, text, bestDistance + 1);
                if (d < bestDistance)
                {
                    best = entry;
                    bestDistance = d;
                    ambiguousBest = false;
                }
                else if (d == bestDistance && best is not null && best.Code != entry.Code)
                {
                    ambiguousBest = true;
                }
            }
        }
        return best is null || ambiguousBest || bestDistance == 0 ? (null, 0) : (best, bestDistance);
    }

    /// <summary>Loads the embedded Data/ files.</summary>
    public static ActorDictionary LoadDefault()
    {
        var clock = Stopwatch.StartNew();
        var d = new ActorDictionary();
        using (var reader = Open("states.tsv"))
            ActorTables.ReadStates(d, reader, "states");
        using (var reader = Open("groups.tsv"))
            ActorTables.ReadGroups(d, reader, "groups");
        using (var reader = Open("organizations.tsv"))
            ActorTables.ReadOrganizations(d, reader, "organizations");
        using (var people = Open("people.tsv"))
        using (var offices = Open("offices.tsv"))
            ActorTables.ReadPeople(d, people, offices, "people");
        using (var reader = Open("agents.tsv"))
            ActorTables.ReadAgents(d, reader, "agents");
        using (var reader = Open("references.tsv"))
            ActorTables.ReadReferences(d, reader, "references");
        using (var reader = Open("vetoes.tsv"))
            ActorTables.ReadVetoes(d, reader);
        d.LoadTime = clock.Elapsed;
        return d;
    }

    /// <summary>
    /// The embedded dictionary plus user files: our TSV layouts (by header: states, organizations, people+offices in one
    /// file, agents), JSON (<c>{"entries":[{"code","name","names":[…],"kind","offices":[…]}]}</c>), or TABARI/PETRARCH
    /// <c>.actors</c> / <c>.agents</c> dictionaries. Later files override earlier phrases.
    /// </summary>
    public static ActorDictionary Load(IEnumerable<string> userFiles, ICollection<string>? problems = null, bool embedded = true)
    {
        ArgumentNullException.ThrowIfNull(userFiles);
        var d = embedded ? LoadDefault() : new ActorDictionary();
        foreach (var file in userFiles)
            d.AddFile(file, problems);
        return d;
    }

    /// <summary>Adds (overriding) the entries of one user file; problems with lines are reported, not thrown.</summary>
    public void AddFile(string path, ICollection<string>? problems = null)
    {
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        var lower = name.ToLowerInvariant();
        using var reader = new StringReader(text);
        if (lower.EndsWith(".json", StringComparison.Ordinal))
            ActorTables.ReadJson(this, text, name, problems);
        else if (lower.Contains("agents", StringComparison.Ordinal) && !lower.EndsWith(".tsv", StringComparison.Ordinal))
            TabariImporter.ImportAgents(this, reader, name, problems);
        else if (lower.EndsWith(".tsv", StringComparison.Ordinal) || text.Split('\n', 2)[0].Contains('\t', StringComparison.Ordinal))
            ActorTables.ReadUserTsv(this, reader, name, problems);
        else
            TabariImporter.ImportActors(this, reader, name, problems);
    }

    internal static string[] Words(string phrase) =>
        [.. Tokens.Tokenizer.Tokenize(phrase, new Documents.TextSpan(0, phrase.Length)).Select(t => t.Text)];

    internal static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static StreamReader Open(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dyad.Data.Actors/Data/{file}")
            ?? throw new InvalidOperationException($"embedded data missing: {file}");
        return new StreamReader(stream);
    }
}

/// <summary>Damerau-Levenshtein distance (adjacent transpositions) with an early exit.</summary>
internal static class EditDistance
{
    public static int Bounded(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
            return limit;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, previous2[j - 2] + 1);
                current[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin >= limit)
                return limit;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], limit);
    }
}
