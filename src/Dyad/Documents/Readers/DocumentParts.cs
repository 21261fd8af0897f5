using System.Globalization;

namespace Dyad.Documents.Readers;

/// <summary>
/// Cuts a long text into parts coded one after another, so the memory coding takes depends on the part size,
/// not on the input's. A part ends at a paragraph break when there is one in its second half, else at a line
/// break, a full stop or a space. Parts are named "id#1", "id#2", …; their offsets still index the whole text.
/// </summary>
public static class DocumentParts
{
    /// <summary>The parts of <paramref name="document"/>: itself when it is no longer than <paramref name="maxChars"/>.</summary>
    public static IEnumerable<Document> Split(Document document, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var text = document.Text;
        if (text.Length <= maxChars)
        {
            yield return document;
            yield break;
        }
        var start = 0;
        var part = 1;
        while (start < text.Length)
        {
            var end = text.Length - start <= maxChars ? text.Length : Cut(text, start, maxChars);
            var piece = text[start..end];
            if (!string.IsNullOrWhiteSpace(piece))
            {
                yield return new Document($"{document.Id}#{part}", piece, document.Published,
                    string.Create(CultureInfo.InvariantCulture, $"{document.Origin}#{part}"))
                {
                    Source = document.Source,
                    Line = document.Line,
                    RecordId = document.RecordId,
                    Offset = document.Offset + start,
                    Part = part,
                };
                part++;
            }
            start = end;
        }
    }

    private static int Cut(string text, int start, int maxChars)
    {
        var end = start + maxChars;
        var half = start + (maxChars / 2);
        var span = text.AsSpan(half, end - half);
        var at = span.LastIndexOf("\n\n");
        if (at < 0)
            at = span.LastIndexOf('\n');
        if (at < 0)
            at = span.LastIndexOf(". ");
        if (at < 0)
            at = span.LastIndexOfAny(' ', '\t');
        var cut = at < 0 ? end : half + at + 1;
        return char.IsLowSurrogate(text[cut]) ? cut - 1 : cut;
    }
}
