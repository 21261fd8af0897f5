namespace Dyad.Documents;

/// <summary>A half-open range of character offsets [Start, End) into a document's text.</summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"bad span [{start},{end})");
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Contains(int offset) => Start <= offset && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The span moved by <paramref name="offset"/> characters.</summary>
    public TextSpan Shift(int offset) => new(Start + offset, End + offset);

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public string Slice(string text) => text.Substring(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}
