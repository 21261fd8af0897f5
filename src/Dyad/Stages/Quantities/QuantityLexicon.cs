using Dyad.Documents;

namespace Dyad.Stages.Quantities;

/// <summary>
/// The words that give a number its unit: currencies (read from Data/currencies.tsv), nouns that count
/// people, durations and measures. The date stage asks it too, so "2000 troops" is never a year.
/// </summary>
public static class QuantityLexicon
{
    /// <summary>Nouns that count persons: the unit is "people" whatever the noun.</summary>
    private static readonly HashSet<string> PeopleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "person", "officers", "members", "defendants", "troops", "soldiers", "civilians", "citizens",
        "refugees", "protesters", "protestors", "demonstrators", "officials", "prisoners", "students", "workers", "nurses",
        "militants", "policemen", "police", "peacekeepers", "diplomats", "journalists", "migrants", "residents", "inhabitants",
        "hostages", "victims", "casualties", "suspects", "activists", "detainees", "delegates", "experts", "staff", "personnel",
        "employees", "individuals", "children", "men", "women", "adults", "pilgrims", "monks", "parliamentarians", "observers",
        "fishermen", "farmers", "servicemen", "sailors", "marines", "rebels", "insurgents", "guerrillas", "terrorists",
        "bombers", "gunmen", "settlers", "voters", "lawmakers", "senators", "deputies", "advisers", "advisors", "specialists",
        "instructors", "trainers", "volunteers", "doctors", "engineers", "scientists", "teachers", "nationals",
    };

    /// <summary>Nouns that make a number a duration, with the unit written out.</summary>
    private static readonly Dictionary<string, string> DurationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "years", ["years"] = "years", ["month"] = "months", ["months"] = "months", ["week"] = "weeks",
        ["weeks"] = "weeks", ["day"] = "days", ["days"] = "days", ["decade"] = "decades", ["decades"] = "decades",
        ["hour"] = "hours", ["hours"] = "hours",
    };

    /// <summary>Measures kept with their own unit and the kind "measure".</summary>
    private static readonly Dictionary<string, string> MeasureNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["miles"] = "miles", ["mile"] = "miles", ["km"] = "km", ["kilometres"] = "km", ["kilometers"] = "km", ["kilometre"] = "km",
        ["kilometer"] = "km", ["tons"] = "tonnes", ["tonnes"] = "tonnes", ["barrels"] = "barrels", ["bpd"] = "barrels per day",
        ["bcm"] = "bcm", ["tcm"] = "tcm", ["megawatts"] = "MW", ["MW"] = "MW", ["hectares"] = "hectares", ["acres"] = "acres", ["meters"] = "m", ["metres"] = "m",
    };

    // Words and symbols ("dollars", "$"), and phrases where a qualifier makes a shared currency word another
    // currency ("Australian dollars", "Egyptian pounds").
    private static readonly Lazy<(Dictionary<string, string> Words, Dictionary<string, string> Phrases)> Currencies = new(LoadCurrencies);

    public static bool IsPeopleNoun(string word) => PeopleNouns.Contains(word);

    public static bool TryDuration(string word, out string unit) => DurationNouns.TryGetValue(word, out unit!);

    public static bool TryMeasure(string word, out string unit) => MeasureNouns.TryGetValue(word, out unit!);

    /// <summary>A currency word or symbol ("dollars", "dlrs", "euros", "tenge", "stg", "$", "€") to its ISO 4217 code.</summary>
    public static bool TryCurrency(string word, out string code) => Currencies.Value.Words.TryGetValue(word, out code!);

    /// <summary>
    /// A currency named by a phrase of two or three words starting at <paramref name="at"/> ("Australian dollars",
    /// "New Zealand dollars") to its ISO 4217 code; <paramref name="end"/> is the index after the phrase.
    /// </summary>
    public static bool TryCurrencyPhrase(IReadOnlyList<Token> tokens, int at, out string code, out int end)
    {
        for (var length = 3; length >= 2; length--)
        {
            if (at + length > tokens.Count)
                continue;
            var phrase = string.Join(' ', Enumerable.Range(at, length).Select(k => tokens[k].Text));
            if (Currencies.Value.Phrases.TryGetValue(phrase, out code!))
            {
                end = at + length;
                return true;
            }
        }
        code = string.Empty;
        end = at;
        return false;
    }

    /// <summary>True when a number directly before this word is a count or an amount, not a year ("2000 troops").</summary>
    public static bool MakesCount(string word) =>
        IsPeopleNoun(word) || MeasureNouns.ContainsKey(word) || Currencies.Value.Words.ContainsKey(word)
        || word is "%" or "percent" or "pct" or "per" || NumberWords.IsScaleWord(word);

    private static (Dictionary<string, string> Words, Dictionary<string, string> Phrases) LoadCurrencies()
    {
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var phrases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var stream = typeof(QuantityLexicon).Assembly.GetManifestResourceStream("Dyad.Data.Quantities/Data/currencies.tsv")
            ?? throw new InvalidOperationException("embedded resource Quantities/Data/currencies.tsv is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal))
                continue;
            var cols = line.Split('\t');
            if (cols.Length < 2)
                continue;
            foreach (var word in cols[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                (word.Contains(' ', StringComparison.Ordinal) ? phrases : words).TryAdd(word, cols[0]);
        }
        return (words, phrases);
    }
}
