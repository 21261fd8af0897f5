namespace Dyad.Documents.Readers;

/// <summary>Why an input (or one record of it) could not be read: one line for stderr.</summary>
public sealed record ReadProblem(string Input, string Reason)
{
    /// <summary>"input: reason" on one line, whatever characters the input's name or the reason hold.</summary>
    public override string ToString() => $"{Printable.Escape(Input)}: {Printable.Escape(Reason)}";
}

/// <summary>Messages for unreadable input; tests assert these constants.</summary>
public static class ReadMessages
{
    public const string NotFound = "no such file or directory";
    public const string IsDirectory = "is a directory, not a file";
    public const string Empty = "empty file";
    public const string NoText = "no text in the file";
    public const string Binary = "binary file (NUL bytes), not text";
    public const string InvalidUtf8 = "not valid UTF-8";
    public const string TooLarge = "too large";
    public const string Utf16Stories = "JSON Lines in UTF-16: convert it with iconv -f utf-16 -t utf-8";
    public const string MalformedRecord = "malformed JSON Lines record";
    public const string LoneSurrogate = "a string holds a lone surrogate escape (\\ud800-\\udfff without its pair), which is no Unicode text";
    public const string EmptyId = "empty \"id\"";
    public const string IdControl = "\"id\" holds control characters (NUL, newline, escape…)";
    public const string IdTooLong = "\"id\" longer than {0} characters";
    public const string RecordTooLong = "record longer than {0} bytes";
    public const string CouldNotCode = "could not be coded";
}

/// <summary>Either a document or the reason one could not be read.</summary>
public readonly record struct ReadResult(Document? Document, ReadProblem? Problem)
{
    public static ReadResult Ok(Document document) => new(document, null);

    public static ReadResult Fail(string input, string reason) => new(null, new ReadProblem(input, reason));
}
