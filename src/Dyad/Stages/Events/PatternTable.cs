using System.Collections.Frozen;
using System.Reflection;
using Dyad.Coding;

namespace Dyad.Stages.Events;

/// <summary>What part of speech a pattern's head word plays.</summary>
public enum PatternKind
{
    /// <summary>A verb ("signed").</summary>
    Verb,

    /// <summary>A noun that names an act ("the signing of", "a visit by").</summary>
    Noun,

    /// <summary>A verb of intent ("agreed to", "pledged to") whose complement decides the code.</summary>
    Intent,

    /// <summary>A reporting verb ("announced that"): makes no event, its clause or object does.</summary>
    Report,
}

/// <summary>How the actors of a pattern become sources and targets.</summary>
public enum PatternFrame
{
    /// <summary>Every participant with every other (sign, meet, agree).</summary>
    Symmetric,

    /// <summary>Subject to object (criticize, aid).</summary>
    Directed,

    /// <summary>Visitor to host.</summary>
    Visit,

    /// <summary>Host to each guest.</summary>
    Host,

    /// <summary>Mediator to each party.</summary>
    Mediate,

    /// <summary>Directed, and the target may be the source's own state (arrests, sentences).</summary>
    Domestic,

    /// <summary>Object to subject: the subject receives from the object ("received weapons from X": X gives).</summary>
    Receive,
}

/// <summary>One event pattern: a head word (with its inflections), the words after it, a code and a frame.</summary>
public sealed record EventPattern(
    string Id,
    PatternKind Kind,
    string[] Heads,
    string[] Rest,
    EventCode Code,
    PatternFrame Frame,
    string[] ObjectPreps,
    string[] AgentPreps,
    bool DirectObject,
    string[] Needs,
    (string Class, EventCode Code)[] Alternatives,
    string Comment)
{
    /// <summary>The number of words a match covers.</summary>
    public int Length => Rest.Length + 1;
}

/// <summary>
/// The patterns and word classes the event coder uses: the embedded <c>patterns.tsv</c> and <c>classes.tsv</c>,
/// optionally overridden by a user file in the same format (rows with an existing id replace it).
/// </summary>
public sealed class PatternTable
{
    private readonly FrozenDictionary<string, EventPattern[]> _byHead;
    private readonly FrozenDictionary<string, FrozenSet<string>> _classes;

    private PatternTable(IEnumerable<EventPattern> patterns, Dictionary<string, FrozenSet<string>> classes)
    {
        Patterns = [.. patterns];
        var byHead = new Dictionary<string, List<EventPattern>>(StringComparer.Ordinal);
        foreach (var p in Patterns)
        {
            foreach (var head in p.Heads)
            {
                if (!byHead.TryGetValue(head, out var list))
                    byHead[head] = list = [];
                list.Add(p);
            }
        }
        _byHead = byHead.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);
        _classes = classes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The built-in table, loaded once.</summary>
    public static PatternTable Default => LazyDefault.Value;

    private static readonly Lazy<PatternTable> LazyDefault = new(() => Load(null, out _));

    public IReadOnlyList<EventPattern> Patterns { get; }

    /// <summary>Patterns whose head word has this (lower-case) form, longest first.</summary>
    public IReadOnlyList<EventPattern> Candidates(string lowerWord) =>
        _byHead.TryGetValue(lowerWord, out var list) ? list : [];

    /// <summary>The words of a word class (without the "@"); empty when the table has no such class.</summary>
    public FrozenSet<string> Class(string className) =>
        _classes.TryGetValue(className, out var set) ? set : FrozenSet<string>.Empty;

    /// <summary>True when the lower-case word belongs to the word class (without the "@").</summary>
    public bool InClass(string className, string lowerWord) =>
        _classes.TryGetValue(className, out var set) && set.Contains(lowerWord);

    /// <summary>Loads the built-in patterns and, when given, a user pattern file whose rows add to or replace them.</summary>
    public static PatternTable Load(string? userFile, out List<string> problems) => Load(userFile, null, out problems);

    /// <summary>
    /// Loads the built-in patterns, then the patterns of a PETRARCH-2 / TABARI verb dictionary when given (after the
    /// built-in ones: a word they already cover keeps its built-in patterns first), then a user pattern file.
    /// </summary>
    public static PatternTable Load(string? userFile, string? verbsFile, out List<string> problems)
    {
        problems = [];
        var classes = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var (cells, _) in ReadTsv(OpenEmbedded("classes.tsv"), "classes.tsv"))
        {
            if (cells.Length >= 2)
                classes[cells[0]] = cells[1].Split('|', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
        }
        var patterns = new Dictionary<string, EventPattern>(StringComparer.Ordinal);
        // Dyad's own patterns first, then those converted from the CAMEO verb dictionary (NOTICE.md).
        foreach (var file in (string[])["patterns.tsv", "cameo-verbs.tsv"])
        {
            foreach (var (cells, where) in ReadTsv(OpenEmbedded(file), file))
                Add(patterns, cells, where, problems);
        }
        if (verbsFile is not null)
        {
            var builtIn = new PatternTable(patterns.Values, classes);
            using var reader = new StreamReader(verbsFile);
            var import = VerbDictionaryImporter.Read(reader, Path.GetFileName(verbsFile), VerbDictionaryImporter.FramesOf(builtIn));
            problems.AddRange(import.Problems);
            foreach (var row in import.Rows)
            {
                // An imported pattern never replaces a built-in one of the same id.
                if (!patterns.ContainsKey(row[0]))
                    Add(patterns, row, verbsFile, problems);
            }
        }
        if (userFile is not null)
        {
            using var reader = new StreamReader(userFile);
            foreach (var (cells, where) in ReadTsv(reader, userFile))
            {
                if (cells[0] == "class" && cells.Length >= 3)
                {
                    classes[cells[1]] = cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
                    continue;
                }
                if (cells.Length >= 2 && cells[1] == "off")
                {
                    patterns.Remove(cells[0]);
                    continue;
                }
                Add(patterns, cells, where, problems);
            }
        }
        return new PatternTable(patterns.Values, classes);
    }

    private static void Add(Dictionary<string, EventPattern> patterns, string[] cells, string where, List<string> problems)
    {
        if (TryParse(cells, out var pattern, out var problem))
            patterns[pattern.Id] = pattern;
        else
            problems.Add($"{where}: {problem}");
    }

    /// <summary>Reads one pattern row: id, pos, phrase, code, frame, preps, needs, alt, comment.</summary>
    public static bool TryParse(string[] cells, out EventPattern pattern, out string problem)
    {
        pattern = null!;
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : string.Empty;
        if (cells.Length < 5)
        {
            problem = "a pattern row needs at least id, pos, phrase, code and frame";
            return false;
        }
        PatternKind? kind = Cell(1).ToUpperInvariant() switch
        {
            "V" => PatternKind.Verb,
            "N" => PatternKind.Noun,
            "I" => PatternKind.Intent,
            "R" => PatternKind.Report,
            _ => null,
        };
        if (kind is null)
        {
            problem = $"pos '{Cell(1)}' is not V, N, I or R";
            return false;
        }
        if (!EventCode.TryParse(Cell(3), out var code))
        {
            problem = $"code '{Cell(3)}' is not a CAMEO code";
            return false;
        }
        PatternFrame? frame = Cell(4) switch
        {
            "sym" => PatternFrame.Symmetric,
            "dir" => PatternFrame.Directed,
            "visit" => PatternFrame.Visit,
            "host" => PatternFrame.Host,
            "mediate" => PatternFrame.Mediate,
            "dom" => PatternFrame.Domestic,
            "recv" => PatternFrame.Receive,
            _ => null,
        };
        if (frame is null)
        {
            problem = $"frame '{Cell(4)}' is not sym, dir, visit, host, mediate, dom or recv";
            return false;
        }
        var words = Cell(2).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            problem = "empty phrase";
            return false;
        }
        var heads = kind == PatternKind.Noun ? NounForms(words[0]) : VerbForms(words[0]);
        var preps = Cell(5).Split('|', StringSplitOptions.RemoveEmptyEntries);
        var needs = Cell(6) is "" or "-" ? [] : Cell(6).Split('|', StringSplitOptions.RemoveEmptyEntries);
        var alts = new List<(string, EventCode)>();
        foreach (var alt in Cell(7).Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = alt.Split('=');
            if (parts.Length == 2 && EventCode.TryParse(parts[1], out var altCode))
                alts.Add((parts[0].TrimStart('@'), altCode));
        }
        pattern = new EventPattern(
            Cell(0),
            kind.Value,
            heads,
            words[1..],
            code,
            frame.Value,
            [.. preps.Where(p => p != "0" && !p.StartsWith('^'))],
            [.. preps.Where(p => p.StartsWith('^')).Select(p => p[1..])],
            preps.Contains("0"),
            needs,
            [.. alts],
            Cell(8));
        problem = string.Empty;
        return true;
    }

    /// <summary>The forms of a verb: "sign" gives sign, signs, signed, signing; "meet/met/meets/meeting" lists them.</summary>
    public static string[] VerbForms(string lemma)
    {
        if (lemma.Contains('/', StringComparison.Ordinal))
            return lemma.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (lemma.Contains('|', StringComparison.Ordinal))
            return lemma.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var forms = new List<string> { lemma };
        var stem = lemma.EndsWith('e') ? lemma[..^1] : lemma;
        if (lemma.EndsWith('y') && lemma.Length > 2 && !IsVowel(lemma[^2]))
        {
            forms.Add(lemma[..^1] + "ies");
            forms.Add(lemma[..^1] + "ied");
            forms.Add(lemma + "ing");
            return [.. forms];
        }
        forms.Add(lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('x') || lemma.EndsWith('z') ? lemma + "es" : lemma + "s");
        var doubled = lemma.Length <= 4 && lemma.Length >= 3 && !IsVowel(lemma[^1]) && IsVowel(lemma[^2]) && !IsVowel(lemma[^3]) && lemma[^1] is not ('w' or 'x' or 'y')
            ? lemma + lemma[^1]
            : stem;
        forms.Add(lemma.EndsWith('e') ? lemma + "d" : doubled + "ed");
        forms.Add(doubled + "ing");
        return [.. forms];
    }

    /// <summary>Singular and plural of a noun ("visit", "visits"); "a|b" lists forms.</summary>
    public static string[] NounForms(string lemma)
    {
        if (lemma.Contains('|', StringComparison.Ordinal))
            return [.. lemma.Split('|', StringSplitOptions.RemoveEmptyEntries).SelectMany(NounForms).Distinct()];
        if (lemma.EndsWith('s'))
            return [lemma];
        if (lemma.EndsWith('y') && lemma.Length > 2 && !IsVowel(lemma[^2]))
            return [lemma, lemma[..^1] + "ies"];
        return [lemma, lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith('x') ? lemma + "es" : lemma + "s"];
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static StreamReader OpenEmbedded(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dyad.Data.Events/Data/{file}")
            ?? throw new InvalidOperationException($"embedded data missing: {file}");
        return new StreamReader(stream);
    }

    private static IEnumerable<(string[] Cells, string Where)> ReadTsv(StreamReader reader, string name)
    {
        using (reader)
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("id\t", StringComparison.Ordinal))
                    continue;
                yield return (line.Split('\t'), $"{name}:{number}");
            }
        }
    }
}
