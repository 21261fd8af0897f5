using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Quantities;

/// <summary>
/// Finds amounts in each sentence by scanning its tokens: money with a symbol or a currency word and
/// scale words ("$23 billion", "US$500,000", "1.5 billion stg", "300 mln dlrs") and its rate ("a year",
/// "annually"); counts of people and things in digits or words ("47 people", "thirteen alleged members",
/// "a million Kazakhs", "three Russian satellite launches"); percentages ("72%", "12 percent");
/// durations ("up to 15 years", "a four-day visit"). Each keeps its raw span, value and unit.
/// Runs after the date stage and skips the words it took, so "in 2012" is never a count.
/// </summary>
public sealed class QuantityRecognizer : IStage
{
    /// <summary>Words that end the search for the counted noun ("one of", "two to").</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "a", "an", "to", "in", "and", "or", "for", "with", "on", "at", "by", "from", "as", "that", "which", "who",
        "whom", "were", "was", "are", "is", "have", "has", "had", "be", "been", "will", "would", "could", "should", "may",
        "might", "than", "per", "each", "its", "their", "his", "her", "our", "this", "these", "those", "it", "they", "he", "she",
        "we", "but", "if", "into", "over", "under", "between", "after", "before", "since", "during", "including", "not", "no",
        "percent", "pct", "where", "when", "while", "ago", "later", "earlier",
    };

    /// <summary>Words ending in s that are not plural nouns.</summary>
    private static readonly HashSet<string> NotPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "was", "is", "has", "his", "its", "as", "us", "thus", "yes", "plus", "less", "unless", "across", "perhaps",
        "always", "whereas", "towards", "afterwards", "sometimes", "besides", "overseas", "news", "means", "series", "hers",
        "ours", "theirs", "does", "goes", "says", "seems", "remains", "becomes", "includes", "comprises", "lives",
    };

    /// <summary>After "the": "the two countries" names actors, not a count.</summary>
    private static readonly HashSet<string> ActorGroupNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "countries", "states", "governments", "sides", "leaders", "presidents", "nations", "parties", "powers", "republics",
        "ministers", "men", "women", "neighbours", "neighbors", "allies",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "our", "their", "these", "those", "its", "both", "all",
    };

    private static readonly HashSet<string> Hedges = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "some", "nearly", "almost", "around", "roughly", "approximately", "over", "under", "estimated", "approx",
        "circa", "barely", "just",
    };

    public string Name => "quantities";

    public void Run(Analysis analysis)
    {
        var text = analysis.Document.Text;
        var times = analysis.Times.ToLookup(t => t.Sentence, t => t.Span);
        foreach (var sentence in analysis.Sentences)
        {
            var taken = times[sentence.Index].ToList();
            try
            {
                analysis.Quantities.AddRange(Scan(text, sentence.Tokens, taken));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
            {
                // Odd text never stops the document.
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"amounts skipped: {ex.Message}", sentence.Index));
            }
        }
    }

    /// <summary>The amounts of one sentence; tokens inside <paramref name="dates"/> are skipped.</summary>
    public static List<Quantity> Scan(string text, IReadOnlyList<Token> tokens, IReadOnlyList<TextSpan> dates) =>
        Scan(text, tokens as List<Token> ?? [.. tokens], dates);

    /// <remarks>A list, not the interface: the token loops below then call its indexer directly.</remarks>
    private static List<Quantity> Scan(string text, List<Token> tokens, IReadOnlyList<TextSpan> dates)
    {
        var found = new List<Quantity>();
        var covered = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
            covered[k] = dates.Any(d => d.Overlaps(tokens[k].Span));
        string? lastCurrency = null;
        var i = 0;
        while (i < tokens.Count)
        {
            if (covered[i])
            {
                i++;
                continue;
            }
            var q = TryMoneyBySymbol(text, tokens, i, out var next)
                ?? TryNumberLed(text, tokens, covered, i, lastCurrency, out next)
                ?? TryHyphenDuration(text, tokens, i, out next);
            if (q is null)
            {
                i++;
                continue;
            }
            if (q.Kind == "money")
                lastCurrency = q.Unit;
            found.Add(q);
            i = Math.Max(next, i + 1);
        }
        return found;
    }

    // "$23 billion", "US$500,000", "€5 million", "$10-15 million"
    private static Quantity? TryMoneyBySymbol(string text, List<Token> tokens, int i, out int next)
    {
        next = i;
        var j = i;
        string? dollar = null;
        if (tokens[i].IsWord && i + 1 < tokens.Count && tokens[i + 1].Text == "$" && tokens[i + 1].Span.Start == tokens[i].Span.End)
        {
            // "US$", "A$", "C$", "HK$": the letters glued to the sign say whose dollar.
            dollar = tokens[i].Text switch
            {
                "US" or "U.S." => "USD",
                "A" or "AU" => "AUD",
                "C" or "CA" => "CAD",
                "HK" => "HKD",
                "NZ" => "NZD",
                "S" => "SGD",
                _ => null,
            };
            if (dollar is not null)
                j = i + 1;
        }
        if (tokens[j].Kind == TokenKind.Word || !QuantityLexicon.TryCurrency(tokens[j].Text, out var code))
            return null;
        code = dollar ?? code;
        if (!NumberWords.TryRead(tokens, j + 1, out var value, out var end))
            return null;
        double? max = null;
        var firstUnscaled = end == j + 2 && RawNumber(tokens, j + 1) == value;
        // "$10-15 million", "$1 billion to $2 billion"
        if (end < tokens.Count && tokens[end].Text is "-" or "\u2013" or "to")
        {
            var k = end + 1;
            if (k < tokens.Count && tokens[k].Text == tokens[j].Text)
                k++;
            if (NumberWords.TryRead(tokens, k, out var high, out var highEnd))
            {
                // The scale word is often written once: "$10-15 million".
                var raw = RawNumber(tokens, k);
                if (firstUnscaled && raw > 0 && high / raw > 1)
                    value *= high / raw;
                if (high > value)
                {
                    max = high;
                    end = highEnd;
                }
            }
        }
        // "$5 billion dollars" keeps the word in the span.
        if (end < tokens.Count && tokens[end].IsWord && QuantityLexicon.TryCurrency(tokens[end].Text, out var same) && same == code)
            end++;
        next = end;
        return Make(text, tokens, i, end, value, code, "money", "quantity.money-symbol") with
        {
            Per = RateAfter(tokens, end),
            Max = max,
            Approximate = IsHedged(tokens, i),
        };
    }

    private static Quantity? TryNumberLed(string text, List<Token> tokens, bool[] covered, int i, string? lastCurrency, out int next)
    {
        next = i;
        if (!NumberWords.TryRead(tokens, i, out var value, out var end) || (i > 0 && Dates.DateWords.LabelWords.Contains(tokens[i - 1].Text.TrimEnd('.'))))
            return null;
        var scaled = value >= 1e5 && (end > i + 1 || (tokens[i].Kind == TokenKind.Number && char.IsLetter(tokens[i].Text[^1])));
        double? max = null;
        // "10-15 percent", "two to three years"
        if (end + 1 < tokens.Count && tokens[end].Text is "-" or "\u2013" or "to" && !covered[end + 1]
            && NumberWords.TryRead(tokens, end + 1, out var high, out var highEnd) && high > value)
        {
            max = high;
            end = highEnd;
        }
        if (end >= tokens.Count)
        {
            if (scaled && lastCurrency is not null)
            {
                // "436 mln" after "1.5 billion stg" in the same sentence: the currency carries over.
                next = end;
                return Money(lastCurrency, "quantity.money-inherited", end);
            }
            return null;
        }
        var unitToken = tokens[end];
        var word = unitToken.Text;
        // "60-day period"
        if (word == "-" && end + 1 < tokens.Count && tokens[end + 1].IsWord && QuantityLexicon.TryDuration(tokens[end + 1].Text, out var hyphenUnit))
        {
            next = end + 2;
            return Make(text, tokens, i, next, value, hyphenUnit, "duration", "quantity.duration") with { Approximate = IsHedged(tokens, i) };
        }
        // "20 million Australian dollars"
        if (QuantityLexicon.TryCurrencyPhrase(tokens, end, out var phraseCode, out var phraseEnd))
        {
            next = phraseEnd;
            return Money(phraseCode, "quantity.money-word", next);
        }
        // "1.5 billion stg", "300 mln dlrs", "US dollars"
        var currencyAt = end;
        if (word is "US" or "U.S." && end + 1 < tokens.Count)
            currencyAt = end + 1;
        if (tokens[currencyAt].IsWord && QuantityLexicon.TryCurrency(tokens[currencyAt].Text, out var code))
        {
            next = currencyAt + 1;
            return Money(code, "quantity.money-word", next);
        }
        if (word is "%" or "percent" or "pct" || (word == "per" && end + 1 < tokens.Count && tokens[end + 1].Text == "cent"))
        {
            next = word == "per" ? end + 2 : end + 1;
            return Make(text, tokens, i, next, value, "percent", "percent", "quantity.percent") with { Max = max, Approximate = IsHedged(tokens, i) };
        }
        if (!unitToken.IsWord)
        {
            if (scaled && lastCurrency is not null)
            {
                next = end;
                return Money(lastCurrency, "quantity.money-inherited", end);
            }
            return null;
        }
        if (QuantityLexicon.TryDuration(word, out var durationUnit))
        {
            // "four years earlier" is a date, "in 47 years" a duration.
            var after = end + 1 < tokens.Count ? tokens[end + 1].Text.ToLowerInvariant() : string.Empty;
            if (after is "earlier" or "later" or "ago" or "before" or "after" or "afterwards" or "old" or "previously")
                return null;
            next = end + 1;
            return Make(text, tokens, i, next, value, durationUnit, "duration", "quantity.duration") with { Max = max, Approximate = IsHedged(tokens, i) };
        }
        if (QuantityLexicon.TryMeasure(word, out var measure))
        {
            next = end + 1;
            return Make(text, tokens, i, next, value, measure, "measure", "quantity.measure") with { Per = RateAfter(tokens, next), Max = max, Approximate = IsHedged(tokens, i) };
        }
        if (FindCountedNoun(tokens, end, value, out var unit, out var nounEnd))
        {
            // "the two countries" stands for actors.
            if (i > 0 && Determiners.Contains(tokens[i - 1].Text) && tokens[i].IsWord && value <= 10
                && ActorGroupNouns.Contains(tokens[nounEnd - 1].Text))
                return null;
            next = nounEnd;
            var kind = QuantityLexicon.TryDuration(tokens[nounEnd - 1].Text, out _) ? "duration" : "count";
            return Make(text, tokens, i, nounEnd, value, unit, kind, "quantity." + kind) with { Max = max, Approximate = IsHedged(tokens, i) };
        }
        if (scaled && lastCurrency is not null)
        {
            // "436 mln" after "1.5 billion stg" in the same sentence: the currency carries over.
            next = end;
            return Money(lastCurrency, "quantity.money-inherited", end);
        }
        return null;

        Quantity Money(string currency, string rule, int to) =>
            Make(text, tokens, i, to, value, currency, "money", rule) with
            {
                Per = RateAfter(tokens, to),
                Max = max,
                Approximate = IsHedged(tokens, i),
            };
    }

    // "a four-day visit", "a week-long tour"
    private static Quantity? TryHyphenDuration(string text, List<Token> tokens, int i, out int next)
    {
        next = i;
        var w = tokens[i].Text;
        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (!tokens[i].IsWord || dash <= 0)
            return null;
        var head = w[..dash];
        var tail = w[(dash + 1)..];
        if (!QuantityLexicon.TryDuration(tail, out var unit) || tail.EndsWith('s'))
            return null;
        var probe = new List<Token> { new(tokens[i].Span, head, TokenKind.Word) };
        if (!NumberWords.TryRead(probe, 0, out var value, out _) || value <= 0)
            return null;
        next = i + 1;
        return Make(text, tokens, i, next, value, unit, "duration", "quantity.duration");
    }

    /// <summary>The noun a number counts: up to three modifiers, then a plural noun or a noun for people.</summary>
    private static bool FindCountedNoun(List<Token> tokens, int start, double value, out string unit, out int end)
    {
        unit = string.Empty;
        end = start;
        for (var k = start; k < tokens.Count && k < start + 4; k++)
        {
            var t = tokens[k];
            if (!t.IsWord || FunctionWords.Contains(t.Text))
                return false;
            var w = t.Text;
            if (QuantityLexicon.IsPeopleNoun(w))
            {
                unit = "people";
                end = k + 1;
                return true;
            }
            if (value != 1 && IsPlural(w))
            {
                // "200,000 Uighurs", "a million Kazakhs": a plural name of a people.
                unit = char.IsUpper(w[0]) ? "people" : w.ToLowerInvariant();
                if (char.IsUpper(w[0]) && (w.All(char.IsUpper) || k + 1 < tokens.Count && tokens[k + 1].IsCapitalized))
                    return false;
                end = k + 1;
                return true;
            }
            if (QuantityLexicon.TryDuration(w, out var duration))
            {
                // "two more years"
                unit = duration;
                end = k + 1;
                return true;
            }
        }
        return false;
    }

    private static bool IsPlural(string w) =>
        w.Length >= 4 && w[^1] == 's' && !NotPlurals.Contains(w) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
        && !w.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("is", StringComparison.OrdinalIgnoreCase)
        && !w.Contains('\'', StringComparison.Ordinal) && !w.Contains('\u2019', StringComparison.Ordinal);

    /// <summary>"a year", "annually", "per barrel" within a few words after the amount.</summary>
    private static string? RateAfter(List<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Count && k < from + 6; k++)
        {
            var w = tokens[k].Text.ToLowerInvariant();
            if (tokens[k].Kind == TokenKind.Punctuation)
                return null;
            switch (w)
            {
                case "annually" or "yearly" or "annual":
                    return w == "annual" ? null : "year";
                case "monthly":
                    return "month";
                case "daily":
                    return "day";
                case "a" or "an" or "per" or "each" or "every" when k + 1 < tokens.Count:
                    var unit = tokens[k + 1].Text.ToLowerInvariant();
                    if (unit is "year" or "month" or "week" or "day" or "barrel" or "tonne" or "ton" or "head" or "capita" or "annum")
                        return unit == "annum" ? "year" : unit;
                    break;
            }
        }
        return null;
    }

    private static bool IsHedged(List<Token> tokens, int i)
    {
        if (i >= 1 && Hedges.Contains(tokens[i - 1].Text))
            return true;
        if (i >= 2)
        {
            var pair = tokens[i - 2].Text.ToLowerInvariant() + " " + tokens[i - 1].Text.ToLowerInvariant();
            return pair is "up to" or "more than" or "less than" or "fewer than" or "at least" or "at most" or "as many" or "as much";
        }
        return false;
    }

    /// <summary>The number written at a token without any following scale word.</summary>
    private static double RawNumber(List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Number && NumberWords.TryDigits(tokens[i].Text, out var v, out var s) ? v * s : double.NaN;

    private static Quantity Make(string text, List<Token> tokens, int from, int to, double value, string unit, string kind, string rule)
    {
        var span = new TextSpan(tokens[from].Span.Start, tokens[Math.Max(from, to - 1)].Span.End);
        return new Quantity(span, span.Slice(text), value, unit, null, rule) { Kind = kind };
    }
}

public static class QuantityRecognizerExtensions
{
    /// <summary>Adds (or replaces) the quantity stage; it reads the dates, so it goes after <c>UseDates</c>.</summary>
    public static PipelineBuilder UseQuantities(this PipelineBuilder builder) => builder.Replace(new QuantityRecognizer());
}
