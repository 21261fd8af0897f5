using System.Reflection;
using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>One dictionary entry: a phrase (as tokens) that names an actor.</summary>
public sealed record ActorEntry(string Id, string[] Tokens, ActorCode Code, string Name, string Kind, bool IsCapital);

/// <summary>The actor names the recognizer looks for, keyed by their first token.</summary>
public sealed class ActorDictionary
{
    private readonly Dictionary<string, List<ActorEntry>> _byFirst = new(StringComparer.Ordinal);

    public static ActorDictionary Default { get; } = LoadDefault();

    public int Count { get; private set; }

    public IReadOnlyList<ActorEntry> Candidates(string firstToken) =>
        _byFirst.TryGetValue(firstToken, out var list) ? list : [];

    public void Add(ActorEntry entry)
    {
        if (!_byFirst.TryGetValue(entry.Tokens[0], out var list))
            _byFirst[entry.Tokens[0]] = list = [];
        list.Add(entry);
        // Longest phrases first, so the first full match is the longest.
        list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        Count++;
    }

    private static ActorDictionary LoadDefault()
    {
        var dictionary = new ActorDictionary();
        foreach (var row in ReadTsv("states.tsv"))
        {
            var code = ActorCode.Parse(row[0]);
            foreach (var name in Split(row[2]).Append(row[1]).Distinct())
                dictionary.Add(new ActorEntry($"states:{row[0]}", Words(name), code, row[1], "state", false));
            foreach (var adjective in Split(row[3]))
                dictionary.Add(new ActorEntry($"states:{row[0]}:adj", Words(adjective), code, row[1], "state", false));
            foreach (var capital in Split(row[4]))
                dictionary.Add(new ActorEntry($"states:{row[0]}:capital", Words(capital), code.WithSector("GOV"), row[1], "state", true));
        }
        foreach (var row in ReadTsv("organizations.tsv"))
        {
            var code = ActorCode.Parse(row[0]);
            foreach (var name in Split(row[2]).Append(row[1]).Distinct())
                dictionary.Add(new ActorEntry($"organizations:{row[0]}", Words(name), code, row[1], "organization", false));
        }
        return dictionary;
    }

    private static string[] Split(string cell) =>
        cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string[] Words(string phrase) =>
        [.. Tokens.Tokenizer.Tokenize(phrase, new Documents.TextSpan(0, phrase.Length)).Select(t => t.Text)];

    private static IEnumerable<string[]> ReadTsv(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dyad.Data.Actors/Data/{file}")
            ?? throw new InvalidOperationException($"embedded data missing: {file}");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (cells.Length < 4)
                continue;
            yield return [.. cells, "", "", ""];
        }
    }
}
