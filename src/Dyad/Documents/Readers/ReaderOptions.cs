namespace Dyad.Documents.Readers;

public sealed record ReaderOptions
{
    /// <summary>The largest single document read (a JSON Lines story file is streamed and may be larger).</summary>
    public long MaxDocumentBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The largest JSON Lines record.</summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// The longest text coded at once: a longer document is coded in parts of about this many characters
    /// (see <see cref="DocumentParts"/>), which bounds the memory coding takes.
    /// </summary>
    public int MaxPartChars { get; init; } = 256 * 1024;

    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>Publication date for documents that carry none (JSON Lines records bring their own).</summary>
    public DateOnly? Published { get; init; }
}
