using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Documents.Readers;

/// <summary>
/// Streams JSON Lines stories ({"id","date","text"} per line). Every line stands alone: a line that is not
/// UTF-8, not JSON, too long or otherwise bad is reported with its number and the next line is read.
/// </summary>
public static class StoryReader
{
    /// <summary>The longest story id, in characters: ids are keys in the store, whose indexes limit their size.</summary>
    public const int MaxIdChars = 512;

    private static readonly CompositeFormat RecordTooLong = CompositeFormat.Parse(ReadMessages.RecordTooLong);
    private static readonly CompositeFormat IdTooLong = CompositeFormat.Parse(ReadMessages.IdTooLong);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads stories from <paramref name="stream"/> (disposed at the end); <paramref name="input"/> names it in messages.</summary>
    public static IEnumerable<ReadResult> Read(Stream stream, string input, ReaderOptions options)
    {
        using var lines = new ByteLines(stream, options.MaxRecordBytes);
        var number = 0;
        while (true)
        {
            ReadResult? result;
            try
            {
                if (!lines.Next(out var line, out var length))
                    yield break;
                number++;
                result = Decode(line, length, input, number, options);
            }
            catch (IOException ex)
            {
                result = ReadResult.Fail($"{input}:{number + 1}", ex.Message);
                number = -1;
            }
            if (result is { } r)
                yield return r;
            if (number < 0)
                yield break;
        }
    }

    private static ReadResult? Decode(ReadOnlySpan<byte> line, long length, string input, int number, ReaderOptions options)
    {
        var where = $"{input}:{number}";
        if (length > options.MaxRecordBytes)
            return Malformed(where, string.Format(CultureInfo.InvariantCulture, RecordTooLong, options.MaxRecordBytes));
        if (line.Trim(" \t\r"u8).IsEmpty)
            return null;
        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (bad byte at column {ex.Index + 1}); convert the file with iconv -f latin1 -t utf-8" : string.Empty;
            return ReadResult.Fail(where, ReadMessages.InvalidUtf8 + at);
        }
        return Parse(text, where, input, number, options);
    }

    /// <summary>One record's text as a story, or why not. Never throws on untrusted text.</summary>
    public static ReadResult Parse(string line, string where, string input, int number, ReaderOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            return FromJson(json.RootElement, where, input, number, options);
        }
        catch (JsonException ex)
        {
            return Malformed(where, FirstLine(ex.Message));
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            return Malformed(where, ReadMessages.LoneSurrogate);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // Nothing else is expected; whatever a record holds, it fails alone.
            return Malformed(where, FirstLine(ex.Message));
        }
    }

    private static ReadResult FromJson(JsonElement root, string where, string input, int number, ReaderOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Malformed(where, "not a JSON object");
        if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            return Malformed(where, "no \"text\" string");
        var text = textElement.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
            return Malformed(where, "empty \"text\"");
        string? recordId = null;
        if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            recordId = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText();
            if (IdProblem(recordId) is { } problem)
                return Malformed(where, problem);
        }
        var published = options.Published;
        if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind == JsonValueKind.String)
        {
            if (!DocumentReader.TryParseStoryDate(dateElement.GetString(), out var date))
                return Malformed(where, $"unreadable \"date\" '{dateElement.GetString()}' (want an ISO date: YYYY-MM-DD or YYYYMMDD)");
            published = date;
        }
        var id = recordId ?? $"{Path.GetFileNameWithoutExtension(input)}-{number}";
        return ReadResult.Ok(new Document(id, text, published, where) { Source = input, Line = number, RecordId = recordId });
    }

    /// <summary>Why a story id cannot name a document, or null when it can.</summary>
    public static string? IdProblem(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return ReadMessages.EmptyId;
        if (id.Length > MaxIdChars)
            return string.Format(CultureInfo.InvariantCulture, IdTooLong, MaxIdChars);
        foreach (var c in id)
        {
            if (char.IsControl(c))
                return ReadMessages.IdControl;
        }
        return null;
    }

    private static ReadResult Malformed(string where, string reason) => ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: {reason}");

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
