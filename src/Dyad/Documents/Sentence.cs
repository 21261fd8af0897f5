namespace Dyad.Documents;

/// <summary>What role a sentence plays in the layout of its document.</summary>
public enum SentenceKind
{
    Body,
    Heading,
    Caption,
}

/// <summary>A sentence: a span of the document, with its tokens once the tokenizer has run.</summary>
public sealed class Sentence
{
    public Sentence(int index, TextSpan span, string text, SentenceKind kind)
    {
        Index = index;
        Span = span;
        Text = text;
        Kind = kind;
    }

    public int Index { get; }

    public TextSpan Span { get; }

    public string Text { get; }

    public SentenceKind Kind { get; }

    /// <summary>Tokens with offsets into the document (not into the sentence).</summary>
    public IReadOnlyList<Token> Tokens { get; set; } = [];

    public override string ToString() => $"{Index} {Span} {Kind}: {Text}";
}
