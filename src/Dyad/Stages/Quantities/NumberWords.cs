using System.Globalization;
using Dyad.Documents;

namespace Dyad.Stages.Quantities;

/// <summary>
/// Reads a number at a token: digits ("2,000", "1.5", "5m") or English words ("thirteen",
/// "one hundred thirty", "twenty-five", "a million"). Shared by the quantity and date stages.
/// </summary>
public static class NumberWords
{
    private static readonly Dictionary<string, int> Small = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12,
    };

    /// <summary>Scale words after a number: "23 billion", "300 mln", "1.5 bn", "$5m".</summary>
    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["millions"] = 1e6, ["mln"] = 1e6, ["mn"] = 1e6, ["m"] = 1e6,
        ["billion"] = 1e9, ["billions"] = 1e9, ["bn"] = 1e9, ["bln"] = 1e9, ["b"] = 1e9, ["trillion"] = 1e12, ["tn"] = 1e12, ["trln"] = 1e12,
    };

    /// <summary>Scale words that may stand alone after a number ("m" and "b" only as a suffix of digits).</summary>
    public static bool IsScaleWord(string word) => word.Length > 1 && Scales.ContainsKey(word);

    public static bool TryScale(string word, out double scale) => Scales.TryGetValue(word, out scale);

    /// <summary>True for words like "four", "twenty-five", "dozen".</summary>
    public static bool IsNumberWord(string word) => Small.ContainsKey(word) || TryHyphenated(word, out _);

    /// <summary>
    /// Reads a number starting at <paramref name="i"/>, including a following scale word ("1.5 billion"),
    /// and returns the index after it. Ordinals ("89th") and years written with a suffix ("1990s") are not numbers.
    /// </summary>
    public static bool TryRead(IReadOnlyList<Token> tokens, int i, out double value, out int next)
    {
        value = 0;
        next = i;
        if (i >= tokens.Count)
            return false;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!TryDigits(t.Text, out value, out var suffixScale))
                return false;
            next = i + 1;
            if (suffixScale != 1)
            {
                value *= suffixScale;
                return true;
            }
        }
        else if (t.IsWord)
        {
            if (!TryWords(tokens, i, out value, out next))
                return false;
        }
        else
        {
            return false;
        }
        // "23 billion", "one hundred thirty", "a million"
        while (next < tokens.Count && tokens[next].IsWord && IsScaleWord(tokens[next].Text) && !tokens[next].Text.EndsWith('s'))
        {
            value *= Scales[tokens[next].Text];
            next++;
            if (next < tokens.Count && tokens[next].IsWord && TryWords(tokens, next, out var rest, out var after) && rest < 100)
            {
                value += rest;
                next = after;
            }
        }
        return true;
    }

    /// <summary>"2,000" → 2000, "1.5" → 1.5, "5m" → 5 × 10⁶; false for "9/11", "15:23", "89th", "1990s".</summary>
    public static bool TryDigits(string text, out double value, out double suffixScale)
    {
        value = 0;
        suffixScale = 1;
        var end = text.Length;
        while (end > 0 && char.IsLetter(text[end - 1]))
            end--;
        if (end == 0)
            return false;
        if (end < text.Length)
        {
            var suffix = text[end..];
            if (!Scales.TryGetValue(suffix, out suffixScale) || suffix.Equals("hundred", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        var digits = text[..end];
        if (digits.Contains('/', StringComparison.Ordinal) || digits.Contains(':', StringComparison.Ordinal))
            return false;
        // A comma groups thousands ("200,000"); "1,5" is not read as a decimal.
        if (digits.Contains(',', StringComparison.Ordinal))
        {
            var groups = digits.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3 && !(g.Length > 3 && g[3] == '.')))
                return false;
            digits = digits.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        return double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryWords(IReadOnlyList<Token> tokens, int i, out double value, out int next)
    {
        value = 0;
        next = i;
        var text = tokens[i].Text;
        // "a million", "an estimated"… only "a"/"an" directly before a scale word counts as one.
        if (text is "a" or "A" or "an" or "An")
        {
            if (i + 1 < tokens.Count && tokens[i + 1].IsWord && (IsScaleWord(tokens[i + 1].Text) || tokens[i + 1].Text.Equals("dozen", StringComparison.OrdinalIgnoreCase))
                && !tokens[i + 1].Text.EndsWith('s'))
            {
                value = 1;
                next = i + 1;
                if (tokens[i + 1].Text.Equals("dozen", StringComparison.OrdinalIgnoreCase))
                {
                    value = 12;
                    next = i + 2;
                }
                return true;
            }
            return false;
        }
        double total = 0;
        var any = false;
        var j = i;
        while (j < tokens.Count && tokens[j].IsWord)
        {
            var w = tokens[j].Text;
            if (Small.TryGetValue(w, out var n))
            {
                total += n;
            }
            else if (TryHyphenated(w, out var h))
            {
                total += h;
            }
            else if (any && w.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                total *= 100;
            }
            else if (any && w.Equals("and", StringComparison.OrdinalIgnoreCase) && j + 1 < tokens.Count && Small.ContainsKey(tokens[j + 1].Text))
            {
                // "one hundred and thirty"
            }
            else
            {
                break;
            }
            any = true;
            j++;
        }
        if (!any)
            return false;
        value = total;
        next = j;
        return true;
    }

    /// <summary>"twenty-five" → 25.</summary>
    private static bool TryHyphenated(string word, out int value)
    {
        value = 0;
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
            return false;
        if (Small.TryGetValue(word[..dash], out var tens) && tens >= 20 && tens % 10 == 0
            && Small.TryGetValue(word[(dash + 1)..], out var unit) && unit is > 0 and < 10)
        {
            value = tens + unit;
            return true;
        }
        return false;
    }
}
