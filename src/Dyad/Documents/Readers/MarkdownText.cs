using System.Text;
using System.Text.RegularExpressions;

namespace Dyad.Documents.Readers;

/// <summary>
/// Plain text of a Markdown file with every offset unchanged: markup characters become spaces,
/// so spans still slice the original file.
/// </summary>
public static partial class MarkdownText
{
    public static string Blank(string markdown)
    {
        var chars = new StringBuilder(markdown);
        // Fenced code and HTML comments are not prose.
        foreach (Match m in CodeFence().Matches(markdown))
            Fill(chars, m.Index, m.Length);
        foreach (Match m in Comment().Matches(markdown))
            Fill(chars, m.Index, m.Length);
        // Images: ![alt](url) keeps nothing; links: [text](url) keeps the text.
        foreach (Match m in Image().Matches(markdown))
            Fill(chars, m.Index, m.Length);
        foreach (Match m in Link().Matches(markdown))
        {
            chars[m.Index] = ' ';
            var close = m.Groups["text"].Index + m.Groups["text"].Length;
            Fill(chars, close, m.Index + m.Length - close);
        }
        foreach (Match m in LineMarker().Matches(markdown))
            Fill(chars, m.Groups["mark"].Index, m.Groups["mark"].Length);
        foreach (Match m in Emphasis().Matches(markdown))
            Fill(chars, m.Index, m.Length);
        foreach (Match m in Rule().Matches(markdown))
            Fill(chars, m.Index, m.Length);
        return chars.ToString();
    }

    private static void Fill(StringBuilder chars, int start, int length)
    {
        for (var i = start; i < start + length && i < chars.Length; i++)
        {
            if (chars[i] is not '\n' and not '\r')
                chars[i] = ' ';
        }
    }

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"!\[[^\]\n]*\]\([^)\n]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]\([^)\n]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^(?<mark>[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+))", RegexOptions.Multiline)]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^[ \t]*([-*_][ \t]*){3,}$", RegexOptions.Multiline)]
    private static partial Regex Rule();
}
