using System.Globalization;
using Dyad.Documents;
using Dyad.Stages.Tokens;

namespace Dyad.Stages.Places;

/// <summary>A place the gazetteer knows: its name, state (ISO alpha-3, "---" when shared), point and kind.</summary>
public sealed record GazetteerEntry(string Name, string Country, double? Latitude, double? Longitude, string Kind, string Note = "");

/// <summary>
/// The project's own gazetteer (Data/places.tsv): capitals, large cities, the sites, regions and seas
/// the corpus names, and country names. Names match token by token, so "Turkmenbashi City" and
/// "Baikonur Cosmodrome" beat "Turkmenbashi" and "Baikonur". Loaded once; safe to share across threads.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourceName = "Dyad.Data.Places/Data/places.tsv";

    private static readonly Lazy<Gazetteer> LazyDefault = new(() => LoadEmbedded());

    // First token (lower case) → every name that starts with it, longest first.
    private readonly Dictionary<string, List<(string[] Tokens, GazetteerEntry Entry)>> _byFirst = new(StringComparer.OrdinalIgnoreCase);

    // Whole names and variants, folded, for TryFind.
    private readonly Dictionary<string, GazetteerEntry> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The embedded gazetteer, loaded on first use.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    /// <summary>Number of places (not names).</summary>
    public int Count { get; private set; }

    /// <summary>Looks a name or variant up as a whole ("Al Maty", "Nur-Sultan", "Caspian Sea").</summary>
    public bool TryFind(string name, out GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(Fold(name), out entry!);
    }

    /// <summary>
    /// The longest name that starts at token <paramref name="i"/>; later tokens compare without case
    /// ("Manas airbase"), the first must be capitalized in the text.
    /// </summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int i, out GazetteerEntry entry, out int length)
    {
        entry = null!;
        length = 0;
        var first = tokens[i];
        if (first.Text.Length == 0 || !char.IsUpper(first.Text[0]) || !_byFirst.TryGetValue(first.Text, out var candidates))
            return false;
        foreach (var (names, e) in candidates)
        {
            if (i + names.Length > tokens.Count)
                continue;
            var ok = true;
            for (var k = 1; k < names.Length && ok; k++)
                ok = string.Equals(tokens[i + k].Text, names[k], StringComparison.OrdinalIgnoreCase);
            if (ok)
            {
                entry = e;
                length = names.Length;
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads a gazetteer in the layout of Data/places.tsv; bad rows are skipped and reported.</summary>
    public static Gazetteer Load(TextReader reader, ICollection<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var g = new Gazetteer();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("name\t", StringComparison.Ordinal))
                continue;
            var cols = line.Split('\t');
            if (cols.Length < 6 || cols[0].Length == 0 || cols[2].Length != 3)
            {
                problems?.Add($"line {lineNumber}: expected name, variants, country, lat, lon, kind");
                continue;
            }
            var entry = new GazetteerEntry(cols[0], cols[2], Coordinate(cols[3]), Coordinate(cols[4]), cols[5], cols.Length > 6 ? cols[6] : string.Empty);
            g.Add(entry, cols[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(cols[0]));
        }
        foreach (var list in g._byFirst.Values)
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        return g;
    }

    private void Add(GazetteerEntry entry, IEnumerable<string> names)
    {
        Count++;
        foreach (var name in names)
        {
            _byName.TryAdd(Fold(name), entry);
            var tokens = Tokenizer.Tokenize(name, new TextSpan(0, name.Length)).Select(t => t.Text).ToArray();
            if (tokens.Length == 0)
                continue;
            if (!_byFirst.TryGetValue(tokens[0], out var list))
                _byFirst[tokens[0]] = list = [];
            // A name already taken by an earlier row (a capital before a city of the same name) keeps the earlier row.
            if (!list.Any(x => x.Tokens.SequenceEqual(tokens, StringComparer.OrdinalIgnoreCase)))
                list.Add((tokens, entry));
        }
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    private static double? Coordinate(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Fold(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
