using System.Globalization;
using System.Text;

namespace Dyad.Documents.Readers;

/// <summary>Makes untrusted names (file names, record ids) safe to print on one line of a terminal.</summary>
public static class Printable
{
    /// <summary>The longest name printed whole; longer ones are cut in the middle.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Control and format characters (newlines, escape sequences, NUL, bidirectional marks, lone surrogates) as
    /// \n, \t, \u001B…; a name over <see cref="MaxLength"/> characters cut to its ends.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? string.Empty;
        if (text.Length > MaxLength)
            text = string.Concat(text.AsSpan(0, MaxLength / 2), "…", text.AsSpan(text.Length - (MaxLength / 2)));
        if (!NeedsEscape(text))
            return text;
        var b = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append(c).Append(text[++i]);
                continue;
            }
            b.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return b.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsUnsafe(c))
                return true;
        }
        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
