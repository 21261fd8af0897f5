using System.Globalization;
using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>
/// Reads TABARI and PETRARCH actor and agent dictionaries: phrases with "_" or spaces between words, codes in
/// brackets (<c>[CODE]</c>, <c>[CODE &gt;YYMMDD]</c>, <c>[CODE &lt;YYMMDD]</c>, <c>[CODE YYMMDD-YYMMDD]</c>, six- or
/// eight-digit dates), "+" synonym lines, code lines under a phrase, "#" (PETRARCH) and ";" (TABARI) comments,
/// <c>&lt;!-- --&gt;</c> and TABARI <c>&lt;NOUN&gt;</c>/<c>&lt;ADJECTIVE&gt;</c> blocks, <c>{…}</c> plural blocks.
/// Imported phrases match without regard to case; a TABARI phrase without a trailing "_" also matches a longer word.
/// </summary>
public static class TabariImporter
{
    /// <summary>Adds the actors of one dictionary; returns how many phrases were added.</summary>
    public static int ImportActors(ActorDictionary dictionary, TextReader reader, string name, ICollection<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(reader);
        var added = 0;
        var phrases = new List<(string Text, bool Exact)>();
        var codes = new List<Office>();
        var lineNumber = 0;
        var inBlock = false;

        void Flush()
        {
            if (phrases.Count > 0 && codes.Count > 0)
            {
                var main = codes.FirstOrDefault(c => c.Start is null && c.End is null) ?? codes[0];
                var dated = codes.Count > 1 || main.Start is not null || main.End is not null ? codes.Where(c => c.Start is not null || c.End is not null).ToArray() : [];
                var display = phrases[0].Text.Replace('_', ' ').Trim();
                foreach (var (text, exact) in phrases)
                {
                    var words = text.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 0)
                        continue;
                    dictionary.Add(new ActorEntry($"{name}:{phrases[0].Text.Trim('_')}", words, main.Code, display, "imported")
                    {
                        Members = main.Role == "compound" ? [.. main.Comment.Split('/').Select(ActorCode.Parse)] : [],
                        IgnoreCase = true,
                        PrefixLast = !exact,
                        Offices = dated,
                    });
                    added++;
                }
            }
            phrases.Clear();
            codes.Clear();
        }

        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = StripComment(raw);
            if (line.Contains("<!--", StringComparison.Ordinal))
            {
                inBlock = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (inBlock)
            {
                inBlock = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
                continue;
            if (trimmed.StartsWith('<'))
            {
                // TABARI <NOUN>/<ADJECTIVE> lists: words, not actors.
                inBlock = trimmed is "<NOUN>" or "<ADJECTIVE>";
                if (inBlock)
                    SkipUntilClose(reader, trimmed.Replace("<", "</", StringComparison.Ordinal), ref lineNumber);
                inBlock = false;
                continue;
            }
            if (trimmed.StartsWith('+'))
            {
                phrases.Add(Phrase(trimmed[1..]));
                AddCodes(trimmed, codes, name, lineNumber, problems);
                continue;
            }
            if (trimmed.StartsWith('[') && char.IsWhiteSpace(line[0]) || trimmed.StartsWith('['))
            {
                AddCodes(trimmed, codes, name, lineNumber, problems);
                continue;
            }
            Flush();
            var bracket = trimmed.IndexOf('[', StringComparison.Ordinal);
            var brace = trimmed.IndexOf('{', StringComparison.Ordinal);
            var end = new[] { bracket, brace }.Where(i => i >= 0).DefaultIfEmpty(trimmed.Length).Min();
            phrases.Add(Phrase(trimmed[..end]));
            AddCodes(trimmed[end..], codes, name, lineNumber, problems);
        }
        Flush();
        return added;
    }

    /// <summary>Adds the agents of one dictionary (<c>[~GOV]</c> suffix agents, <c>[NGO~]</c> prefix agents, <c>!SET!</c> substitutions, <c>{plurals}</c>).</summary>
    public static int ImportAgents(ActorDictionary dictionary, TextReader reader, string name, ICollection<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(reader);
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var added = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0 || line.StartsWith('<'))
                continue;
            if (line.StartsWith('!') && line.Contains('=', StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                sets[line[..eq].Trim()] = [.. line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                continue;
            }
            var bracket = line.IndexOf('[', StringComparison.Ordinal);
            var close = line.IndexOf(']', StringComparison.Ordinal);
            if (bracket < 0 || close < bracket)
            {
                problems?.Add($"{name}:{lineNumber}: agent line without [code]");
                continue;
            }
            var code = line[(bracket + 1)..close].Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
            var prefix = code.EndsWith('~');
            var sector = code.Trim('~');
            if (sector.Length == 0)
                continue;
            var head = line[..bracket];
            var brace = head.IndexOf('{', StringComparison.Ordinal);
            var forms = new List<string> { brace >= 0 ? head[..brace] : head };
            if (brace >= 0)
            {
                var closeBrace = head.IndexOf('}', brace);
                var plural = closeBrace > brace ? head[(brace + 1)..closeBrace].Trim() : string.Empty;
                if (plural.Length > 0)
                    forms.Add(plural);
                else
                    forms.Add(Pluralize(forms[0].Trim().TrimEnd('_')));
            }
            else
            {
                forms.Add(Pluralize(forms[0].Trim().TrimEnd('_')));
            }
            foreach (var form in forms.SelectMany(f => Expand(f, sets)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var words = form.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                    continue;
                dictionary.AddAgent(new AgentEntry(words, sector, false, $"{name}:{lineNumber}") { Prefix = prefix, IgnoreCase = true });
                added++;
            }
        }
        return added;
    }

    private static IEnumerable<string> Expand(string form, Dictionary<string, string[]> sets)
    {
        var start = form.IndexOf('!', StringComparison.Ordinal);
        var end = start >= 0 ? form.IndexOf('!', start + 1) : -1;
        if (start < 0 || end < 0 || !sets.TryGetValue(form[start..(end + 1)], out var values))
        {
            yield return form;
            yield break;
        }
        foreach (var v in values)
        {
            foreach (var expanded in Expand(form[..start] + v + form[(end + 1)..], sets))
                yield return expanded;
        }
    }

    /// <summary>English plural of the last word, the way PETRARCH forms agent plurals.</summary>
    private static string Pluralize(string phrase)
    {
        if (phrase.Length == 0)
            return phrase;
        if (phrase.EndsWith('Y') && phrase.Length > 1 && !"AEIOU".Contains(phrase[^2], StringComparison.Ordinal))
            return phrase[..^1] + "IES";
        if (phrase.EndsWith('S') || phrase.EndsWith('X') || phrase.EndsWith("CH", StringComparison.Ordinal) || phrase.EndsWith("SH", StringComparison.Ordinal))
            return phrase + "ES";
        if (phrase.EndsWith("MAN", StringComparison.Ordinal))
            return phrase[..^3] + "MEN";
        return phrase + "S";
    }

    private static (string Text, bool Exact) Phrase(string text)
    {
        var t = text.Trim();
        var plus = t.IndexOfAny(['[', '{']);
        if (plus >= 0)
            t = t[..plus].Trim();
        return (t, t.EndsWith('_'));
    }

    private static void AddCodes(string text, List<Office> codes, string name, int line, ICollection<string>? problems)
    {
        var at = 0;
        while ((at = text.IndexOf('[', at)) >= 0)
        {
            var close = text.IndexOf(']', at);
            if (close < 0)
            {
                problems?.Add($"{name}:{line}: unclosed [");
                return;
            }
            var inside = text[(at + 1)..close].Trim();
            at = close + 1;
            if (inside.Length == 0)
                continue;
            var parts = inside.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var codeText = parts[0];
            if (codeText is "###" or "+++")
                continue;
            if (codeText.Contains('/', StringComparison.Ordinal) && codeText.Split('/').All(c => ActorCode.TryParse(c, out _)))
            {
                // A compound actor (FRO/BIL/SAM): one mention per part.
                codes.Add(new Office(ActorCode.Parse(codeText.Split('/')[0]), "compound", null, null, codeText.ToUpperInvariant()));
                continue;
            }
            if (!ActorCode.TryParse(codeText, out var code))
            {
                problems?.Add($"{name}:{line}: not an actor code: '{codeText}'");
                continue;
            }
            DateOnly? start = null, end = null;
            if (parts.Length > 1)
            {
                var window = parts[1].Replace(" ", string.Empty, StringComparison.Ordinal);
                if (window.StartsWith('>'))
                {
                    start = KedsDate(window[1..])?.AddDays(1);
                }
                else if (window.StartsWith('<'))
                {
                    end = KedsDate(window[1..])?.AddDays(-1);
                }
                else if (window.Contains('-', StringComparison.Ordinal))
                {
                    var dash = window.IndexOf('-', StringComparison.Ordinal);
                    start = KedsDate(window[..dash]);
                    end = KedsDate(window[(dash + 1)..]);
                }
                if (start is null && end is null)
                    problems?.Add($"{name}:{line}: unreadable date restriction '{parts[1]}'");
            }
            codes.Add(new Office(code, "imported", start, end));
        }
    }

    /// <summary>A YYMMDD (KEDS rule: 00–30 → 20YY, else 19YY) or YYYYMMDD date.</summary>
    internal static DateOnly? KedsDate(string text)
    {
        if (text.Length == 6 && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var yy))
            text = (yy <= 30 ? "20" : "19") + text;
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        var semi = line.IndexOf(';', StringComparison.Ordinal);
        var cut = new[] { hash, semi }.Where(i => i >= 0).DefaultIfEmpty(line.Length).Min();
        return line[..cut];
    }

    private static void SkipUntilClose(TextReader reader, string close, ref int lineNumber)
    {
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().StartsWith(close, StringComparison.OrdinalIgnoreCase))
                return;
        }
    }
}
