namespace Dyad.Documents;

/// <summary>One input text with an id and, when known, its publication date.</summary>
public sealed class Document
{
    public Document(string id, string text, DateOnly? published = null, string? origin = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(text);
        Id = id;
        Text = text;
        Published = published;
        Origin = origin ?? id;
    }

    /// <summary>File name (without folder) or the story's record id.</summary>
    public string Id { get; }

    /// <summary>The text that spans index into: the file's text, or the main text of an HTML page.</summary>
    public string Text { get; }

    /// <summary>The publication (report) date; events without a date of their own fall back to it.</summary>
    public DateOnly? Published { get; }

    /// <summary>Where the document came from: a path, "-" for standard input, or "file:line" for a story.</summary>
    public string Origin { get; }

    /// <summary>The input the document was read from: a path, or "-" for standard input (the origin when not set).</summary>
    public string Source { get => field ?? Origin; init; }

    /// <summary>The line of a JSON Lines story (1-based); null for a whole file.</summary>
    public int? Line { get; init; }

    /// <summary>Where this text starts in the text of its input: non-zero for the second and later parts of a long text.</summary>
    public int Offset { get; init; }

    /// <summary>Which part of a long text this is (1, 2, …), or 0 for a whole text.</summary>
    public int Part { get; init; }

    /// <summary>The story's own record id, as written in its record; null for a whole file (whose id is its name).</summary>
    public string? RecordId { get; init; }
}
