using Dyad.Documents;

namespace Dyad.Stages.Syntax;

/// <summary>A word of Universal Dependencies tokenization: its span in the text and the form the model reads.</summary>
/// <param name="Span">Offsets into the text.</param>
/// <param name="Form">The form with typographic apostrophes and quotes made plain and soft hyphens dropped.</param>
public readonly record struct UdToken(TextSpan Span, string Form);

/// <summary>
/// Splits text into words the way UD English EWT does: punctuation apart, clitics apart ("do|n't", "John|'s",
/// "ca|n't", "can|not", "gon|na"), abbreviations ("U.S.", "Mr.") and hyphenated words whole. Any whitespace
/// (no-break and zero-width spaces too) separates words. Linear in the length of the text.
/// </summary>
public static class UdTokenizer
{
    private const string Opening = "\"'“‘«‹([{¿¡";
    private const string Closing = ".,;:!?\"'”’»›)]}…%";
    private const string Dashes = "–—―";

    /// <summary>The words of <paramref name="text"/>[span].</summary>
    public static List<UdToken> Tokenize(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<UdToken>();
        var i = span.Start;
        while (i < span.End)
        {
            if (IsSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < span.End && !IsSpace(text[i]))
                i++;
            Chunk(text, start, i, tokens, last: !HasMore(text, i, span.End));
        }
        return tokens;
    }

    public static List<UdToken> Tokenize(string text) => Tokenize(text, new TextSpan(0, text.Length));

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';

    private static bool HasMore(string text, int i, int end)
    {
        for (; i < end; i++)
        {
            if (!IsSpace(text[i]))
                return true;
        }
        return false;
    }

    // One whitespace-delimited chunk: opening punctuation, a core, closing punctuation; dashes inside split it.
    private static void Chunk(string text, int a, int b, List<UdToken> tokens, bool last)
    {
        for (var k = a; k < b; k++)
        {
            if (Dashes.Contains(text[k], StringComparison.Ordinal) || (text[k] == '-' && k + 1 < b && text[k + 1] == '-'))
            {
                var e = k + 1;
                while (e < b && text[e] == text[k])
                    e++;
                Chunk(text, a, k, tokens, false);
                Add(text, k, e, tokens);
                Chunk(text, e, b, tokens, last);
                return;
            }
        }
        while (a < b && (Opening.Contains(text[a], StringComparison.Ordinal) || (text[a] == '$' && b - a > 1)) && !IsClitic(text, a, b))
        {
            Add(text, a, a + 1, tokens);
            a++;
        }
        var closers = new Stack<(int, int)>();
        while (b > a)
        {
            var c = text[b - 1];
            if (c == '.' && b - a >= 3 && text[b - 2] == '.' && text[b - 3] == '.')
            {
                var s = b - 3;
                while (s > a && text[s - 1] == '.')
                    s--;
                closers.Push((s, b));
                b = s;
            }
            else if (Closing.Contains(c, StringComparison.Ordinal) && !(c == '.' && KeepsPeriod(text, a, b, last)))
            {
                closers.Push((b - 1, b));
                b--;
            }
            else
            {
                break;
            }
        }
        Core(text, a, b, tokens);
        while (closers.Count > 0)
        {
            var (s, e) = closers.Pop();
            Add(text, s, e, tokens);
        }
    }

    // "U.S.", "e.g.", "J.", "Mr." keep their period; a sentence's last word keeps it only when it has another inside.
    private static bool KeepsPeriod(string text, int a, int b, bool last)
    {
        var core = text.AsSpan(a, b - a - 1);
        if (core.Length == 0)
            return false;
        if (core.Contains('.') && char.IsLetter(core[^1]))
            return true;
        if (last)
            return false;
        if (core.Length == 1 && char.IsLetter(core[0]))
            return true;
        return core.Length <= 3 && char.IsUpper(core[0]) && core[1..].ContainsAnyExceptInRange('a', 'z') is false && core.Length > 1;
    }

    // A chunk that is a clitic on its own ("'s", "'re"... already split in the text), not a quotation mark and a word.
    private static bool IsClitic(string text, int a, int b) =>
        text[a] is '\'' or '’' && Normalize(text.AsSpan(a, b - a)).ToLowerInvariant() is "'s" or "'re" or "'ve" or "'ll" or "'d" or "'m";

    // The core of a chunk: splits clitics off its end.
    private static void Core(string text, int a, int b, List<UdToken> tokens)
    {
        if (a >= b)
            return;
        var len = b - a;
        var lower = Normalize(text.AsSpan(a, len)).ToLowerInvariant();
        var split = Clitic(lower);
        if (split > 0 && split < len)
        {
            Add(text, a, a + split, tokens);
            Add(text, a + split, b, tokens);
            return;
        }
        Add(text, a, b, tokens);
    }

    // Where a word splits into host and clitic, or 0. Forms are lowercased with plain apostrophes.
    private static int Clitic(string w)
    {
        if (w.Length > 3 && w.EndsWith("n't", StringComparison.Ordinal))
            return w.Length - 3;
        if (w is "cannot")
            return 3;
        if (w is "gonna" or "wanna" or "gotta")
            return 3;
        foreach (var c in (ReadOnlySpan<string>)["'s", "'re", "'ve", "'ll", "'d", "'m"])
        {
            if (w.Length > c.Length && w.EndsWith(c, StringComparison.Ordinal) && char.IsLetterOrDigit(w[^(c.Length + 1)]))
                return w.Length - c.Length;
        }
        return 0;
    }

    private static void Add(string text, int a, int b, List<UdToken> tokens)
    {
        if (a >= b)
            return;
        var form = Normalize(text.AsSpan(a, b - a));
        if (form.Length == 0)
            form = "_";
        tokens.Add(new UdToken(new TextSpan(a, b), form));
    }

    /// <summary>The form the model reads: ’ and ‘ as ', “ and ” as ", soft hyphens dropped.</summary>
    public static string Normalize(ReadOnlySpan<char> s)
    {
        if (s.IndexOfAny("’‘“”\u00AD") < 0)
            return s.ToString();
        var chars = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '’' or '‘':
                    chars.Append('\'');
                    break;
                case '“' or '”':
                    chars.Append('"');
                    break;
                case '\u00AD':
                    break;
                default:
                    chars.Append(c);
                    break;
            }
        }
        return chars.ToString();
    }
}
