namespace Dyad.Documents.Readers;

/// <summary>Why an input (or one record of it) could not be read: one line for stderr.</summary>
public sealed record ReadProblem(string Input, string Reason)
{
    public override string ToString() => $"{Input}: {Reason}";
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
    public const string MalformedRecord = "malformed JSON Lines record";
}

/// <summary>Either a document or the reason one could not be read.</summary>
public readonly record struct ReadResult(Document? Document, ReadProblem? Problem)
{
    public static ReadResult Ok(Document document) => new(document, null);

    public static ReadResult Fail(string input, string reason) => new(null, new ReadProblem(input, reason));
}
