using System.Collections.Frozen;

namespace Dyad.Stages.Story;

/// <summary>A definite description ("the court", "the kingdom") and what its antecedent must look like.</summary>
public sealed record Description(string[] Words, string[] Cues, string Kind, string As);

/// <summary>A plural reference to two participants ("the two countries", "both sides").</summary>
public sealed record PairPhrase(string[] Words, string Kind);

/// <summary>Where the partner of an event that names none comes from, for codes starting with <see cref="Prefix"/>.</summary>
public sealed record PartnerRule(string Prefix, string How, int Min);

/// <summary>The story stages' knowledge, read from the data files in <c>Stages/Story/Data</c>.</summary>
public sealed class StoryLexicon
{
    private static readonly Lazy<StoryLexicon> LazyDefault = new(Load);

    private StoryLexicon(List<Description> descriptions, List<PairPhrase> pairs, FrozenSet<string> heads, List<PartnerRule> partners, FrozenSet<string> states)
    {
        Descriptions = descriptions;
        Pairs = pairs;
        // Most words start no phrase: one lookup per word instead of a comparison per phrase.
        var phrases = descriptions.Select(d => d.Words).Concat(pairs.Select(p => p.Words)).ToList();
        _byFirst = phrases.Select(w => w[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _second = phrases.Where(w => w.Length > 1).Select(w => w[1]).ToFrozenSet(StringComparer.Ordinal);
        _single = phrases.Any(w => w.Length == 1);
        _initials = [.. phrases.Select(w => char.ToLowerInvariant(w[0][0])).Distinct()];
        AcronymHeads = heads;
        Partners = partners;
        States = states;
    }

    private readonly FrozenSet<string> _byFirst;
    private readonly FrozenSet<string> _second;
    private readonly bool _single;
    private readonly char[] _initials;

    /// <summary>A first test on the word's first letter only.</summary>
    public bool MayStartPhrase(string word) => word.Length > 0 && Array.IndexOf(_initials, char.ToLowerInvariant(word[0])) >= 0;

    /// <summary>
    /// True when some description or pair phrase may start with <paramref name="word"/> (in any case) followed by
    /// <paramref name="next"/>: "the" starts many phrases, so the next word decides.
    /// </summary>
    public bool StartsPhrase(string word, string? next) =>
        _byFirst.Contains(word) && (_single || next is not null && _second.Contains(next));

    /// <summary>The embedded tables.</summary>
    public static StoryLexicon Default => LazyDefault.Value;

    public IReadOnlyList<Description> Descriptions { get; }

    public IReadOnlyList<PairPhrase> Pairs { get; }

    /// <summary>Last words of a name that make "Name (ACR)" an organization or group.</summary>
    public FrozenSet<string> AcronymHeads { get; }

    public IReadOnlyList<PartnerRule> Partners { get; }

    /// <summary>The codes of states (ISO 3166 alpha-3 and former states), from the actor layer's states table.</summary>
    public FrozenSet<string> States { get; }

    /// <summary>The partner rule of the longest prefix of <paramref name="code"/>, if any.</summary>
    public PartnerRule? PartnerFor(string code) =>
        Partners.Where(p => code.StartsWith(p.Prefix, StringComparison.Ordinal)).MaxBy(p => p.Prefix.Length);

    private static StoryLexicon Load()
    {
        var descriptions = Rows("Story/Data/descriptions.tsv")
            .Where(c => c.Length >= 4)
            .Select(c => new Description(Words(c[0]), c[1].Split('|', StringSplitOptions.RemoveEmptyEntries), c[2], c[3]))
            .ToList();
        var pairs = Rows("Story/Data/pairs.tsv").Where(c => c.Length >= 2).Select(c => new PairPhrase(Words(c[0]), c[1])).ToList();
        var heads = Rows("Story/Data/acronym-heads.tsv").Select(c => c[0]).ToFrozenSet(StringComparer.Ordinal);
        var partners = Rows("Story/Data/partners.tsv")
            .Where(c => c.Length >= 3)
            .Select(c => new PartnerRule(c[0], c[1], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var states = Rows("Actors/Data/states.tsv").Select(c => c[0]).Where(c => c.Length == 3).ToFrozenSet(StringComparer.Ordinal);
        return new StoryLexicon(descriptions, pairs, heads, partners, states);
    }

    private static string[] Words(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The cells of each data row: comments (#) and the header row (its first cell names a column) skipped.</summary>
    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = typeof(StoryLexicon).Assembly.GetManifestResourceStream("Dyad.Data." + name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing");
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            yield return line.Split('\t');
        }
    }
}
