using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dyad.Documents.Readers;

/// <summary>Reads files, folders' files and standard input into documents; untrusted input never throws.</summary>
public static partial class DocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The format a path's extension stands for.</summary>
    public static InputFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => InputFormat.Markdown,
        ".html" or ".htm" or ".xhtml" => InputFormat.Html,
        ".jsonl" or ".ndjson" => InputFormat.JsonLines,
        _ => InputFormat.Text,
    };

    /// <summary>Reads one input: a file path, or "-" for standard input. A story file yields one result per record.</summary>
    public static IEnumerable<ReadResult> Read(string input, ReaderOptions? options = null)
    {
        options ??= new ReaderOptions();
        if (input == "-")
            return ReadStream(Console.OpenStandardInput(), "-", "stdin", options);
        if (Directory.Exists(input))
            return [ReadResult.Fail(input, ReadMessages.IsDirectory)];
        if (!File.Exists(input))
            return [ReadResult.Fail(input, ReadMessages.NotFound)];
        var format = options.Format == InputFormat.Auto ? FormatOf(input) : options.Format;
        if (format == InputFormat.JsonLines)
            return ReadStoriesFile(input, options);
        try
        {
            var length = new FileInfo(input).Length;
            if (length > options.MaxDocumentBytes)
                return [ReadResult.Fail(input, TooLargeReason(length, options.MaxDocumentBytes))];
            var bytes = File.ReadAllBytes(input);
            return [FromBytes(bytes, input, Path.GetFileName(input), format, options)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(input, ex.Message)];
        }
    }

    /// <summary>Reads a stream (standard input); the format is guessed from its first character when not given.</summary>
    public static IEnumerable<ReadResult> ReadStream(Stream stream, string input, string id, ReaderOptions options)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > options.MaxDocumentBytes && options.Format != InputFormat.JsonLines)
                    return [ReadResult.Fail(input, TooLargeReason(buffer.Length, options.MaxDocumentBytes))];
            }
            bytes = buffer.ToArray();
        }
        var format = options.Format;
        if (format == InputFormat.Auto)
        {
            var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            format = head.StartsWith('{') ? InputFormat.JsonLines : head.StartsWith('<') ? InputFormat.Html : InputFormat.Text;
        }
        if (format == InputFormat.JsonLines)
        {
            var problem = CheckBytes(bytes, input, out var text);
            if (problem is not null)
                return [problem.Value];
            return ReadStories(new StringReader(text!), input, options).ToList();
        }
        return [FromBytes(bytes, input, id, format, options)];
    }

    /// <summary>Turns the bytes of one document into a document, or says why not.</summary>
    public static ReadResult FromBytes(byte[] bytes, string input, string id, InputFormat format, ReaderOptions options)
    {
        var problem = CheckBytes(bytes, input, out var text);
        if (problem is not null)
            return problem.Value;
        var body = format switch
        {
            InputFormat.Html => HtmlText.Extract(text!),
            InputFormat.Markdown => MarkdownText.Blank(text!),
            _ => text!,
        };
        if (string.IsNullOrWhiteSpace(body))
            return ReadResult.Fail(input, ReadMessages.NoText);
        return ReadResult.Ok(new Document(id, body, options.Published, input));
    }

    private static ReadResult? CheckBytes(byte[] bytes, string input, out string? text)
    {
        text = null;
        if (bytes.Length == 0)
            return ReadResult.Fail(input, ReadMessages.Empty);
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            // A UTF-16 byte-order mark says the encoding outright; honour it rather than calling the file binary.
            text = (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
            return null;
        }
        var probe = Math.Min(bytes.Length, 8192);
        if (Array.IndexOf(bytes, (byte)0, 0, probe) >= 0)
            return ReadResult.Fail(input, ReadMessages.Binary);
        try
        {
            var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            text = StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (bad byte at offset {ex.Index}); convert it with iconv -f latin1 -t utf-8" : string.Empty;
            return ReadResult.Fail(input, ReadMessages.InvalidUtf8 + at);
        }
    }

    private static string TooLargeReason(long length, long max) =>
        string.Create(CultureInfo.InvariantCulture, $"{ReadMessages.TooLarge}: {length / 1048576.0:0.0} MB, over the {max / 1048576.0:0.#} MB limit for one document (split it, or store it as JSON Lines stories)");

    private static IEnumerable<ReadResult> ReadStoriesFile(string path, ReaderOptions options)
    {
        StreamReader reader;
        try
        {
            var stream = File.OpenRead(path);
            var probe = new byte[Math.Min(8192, (int)Math.Min(stream.Length, 8192))];
            var read = stream.Read(probe, 0, probe.Length);
            stream.Position = 0;
            if (stream.Length == 0)
                return [ReadResult.Fail(path, ReadMessages.Empty)];
            if (Array.IndexOf(probe, (byte)0, 0, read) >= 0)
            {
                stream.Dispose();
                return [ReadResult.Fail(path, ReadMessages.Binary)];
            }
            reader = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(path, ex.Message)];
        }
        return ReadStories(reader, path, options);
    }

    /// <summary>Streams stories, one JSON object per line: {"id","date","text"}. A bad line is reported with its number.</summary>
    public static IEnumerable<ReadResult> ReadStories(TextReader reader, string input, ReaderOptions options)
    {
        using (reader)
        {
            var number = 0;
            while (true)
            {
                string? line;
                var broken = false;
                try
                {
                    line = reader.ReadLine();
                }
                catch (DecoderFallbackException)
                {
                    line = null;
                    broken = true;
                }
                if (broken)
                {
                    // The rest of the stream cannot be decoded reliably; report where it broke.
                    yield return ReadResult.Fail($"{input}:{number + 1}", ReadMessages.InvalidUtf8);
                    yield break;
                }
                if (line is null)
                    yield break;
                number++;
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                yield return ParseStory(line, input, number, options);
            }
        }
    }

    private static ReadResult ParseStory(string line, string input, int number, ReaderOptions options)
    {
        var where = $"{input}:{number}";
        if (line.Length > options.MaxRecordBytes)
            return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: record longer than {options.MaxRecordBytes} characters");
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: not a JSON object");
            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: no \"text\" string");
            var text = textElement.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
                return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: empty \"text\"");
            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? idElement.ToString()
                : $"{Path.GetFileNameWithoutExtension(input)}-{number}";
            var published = options.Published;
            if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind == JsonValueKind.String)
            {
                if (!TryParseStoryDate(dateElement.GetString(), out var date))
                    return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: unreadable \"date\" '{dateElement.GetString()}' (want an ISO date: YYYY-MM-DD or YYYYMMDD)");
                published = date;
            }
            return ReadResult.Ok(new Document(id, text, published, where));
        }
        catch (JsonException ex)
        {
            return ReadResult.Fail(where, $"{ReadMessages.MalformedRecord}: {FirstLine(ex.Message)}");
        }
    }

    /// <summary>
    /// Reads a publication date in an ISO 8601 form only: YYYY-MM-DD, YYYYMMDD, or a timestamp that starts with
    /// YYYY-MM-DD ("2014-05-29T10:00:00Z"; its calendar day as written). "12/03/2024" or "March 12, 2024" are
    /// refused: which day they mean depends on the writer's country.
    /// </summary>
    public static bool TryParseStoryDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        text = text.Trim();
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (text.Length > 10 && !IsoTime().IsMatch(text[10..]))
            return false;
        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>What may follow YYYY-MM-DD in an ISO 8601 timestamp: a time, then Z or an offset.</summary>
    [GeneratedRegex(@"^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex IsoTime();

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
