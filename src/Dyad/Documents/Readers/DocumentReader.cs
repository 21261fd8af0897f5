using System.Globalization;
using System.Text;
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

    /// <summary>
    /// Reads one input: a file path, or "-" for standard input. A story file yields one result per record; a text
    /// longer than <see cref="ReaderOptions.MaxPartChars"/> one per part.
    /// </summary>
    public static IEnumerable<ReadResult> Read(string input, ReaderOptions? options = null)
    {
        options ??= new ReaderOptions();
        foreach (var result in ReadWhole(input, options))
        {
            if (result.Document is not { } document)
            {
                yield return result;
                continue;
            }
            foreach (var part in DocumentParts.Split(document, options.MaxPartChars))
                yield return ReadResult.Ok(part);
        }
    }

    private static IEnumerable<ReadResult> ReadWhole(string input, ReaderOptions options)
    {
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

    /// <summary>
    /// Reads a stream (standard input). The format, when not given, is guessed from its first character; stories
    /// are streamed record by record, whatever their total size.
    /// </summary>
    public static IEnumerable<ReadResult> ReadStream(Stream stream, string input, string id, ReaderOptions options)
    {
        var head = new byte[4096];
        var got = 0;
        int n;
        while (got < head.Length && (n = stream.Read(head, got, head.Length - got)) > 0)
            got += n;
        var format = options.Format;
        if (format == InputFormat.Auto)
        {
            var start = Encoding.UTF8.GetString(head, 0, got).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            format = start.StartsWith('{') ? InputFormat.JsonLines : start.StartsWith('<') ? InputFormat.Html : InputFormat.Text;
        }
        var whole = new PrefixedStream(head.AsMemory(0, got), stream);
        if (format == InputFormat.JsonLines)
            return got == 0 ? [ReadResult.Fail(input, ReadMessages.Empty)] : StoryReader.Read(whole, input, options);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while ((n = whole.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > options.MaxDocumentBytes)
                return [ReadResult.Fail(input, TooLargeReason(buffer.Length, options.MaxDocumentBytes) + " (more was left unread)")];
        }
        var bytes = buffer.ToArray();
        buffer.SetLength(0);
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
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
            var probe = new byte[(int)Math.Min(stream.Length, 8192)];
            stream.ReadExactly(probe);
            stream.Position = 0;
            if (stream.Length == 0 || (probe.Length >= 2 && ((probe[0] == 0xFF && probe[1] == 0xFE) || (probe[0] == 0xFE && probe[1] == 0xFF))))
            {
                stream.Dispose();
                return [ReadResult.Fail(path, probe.Length == 0 ? ReadMessages.Empty : ReadMessages.Utf16Stories)];
            }
            if (Array.IndexOf(probe, (byte)0) >= 0)
            {
                stream.Dispose();
                return [ReadResult.Fail(path, ReadMessages.Binary)];
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(path, ex.Message)];
        }
        return StoryReader.Read(stream, path, options);
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
}
