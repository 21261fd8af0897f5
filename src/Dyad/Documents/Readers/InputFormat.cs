namespace Dyad.Documents.Readers;

public enum InputFormat
{
    /// <summary>Decide from the file extension, or from the first character for standard input.</summary>
    Auto,
    Text,
    Markdown,
    Html,
    JsonLines,
}
