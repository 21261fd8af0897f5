namespace Dyad.Documents;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>A token with its offsets into the document's text.</summary>
public readonly record struct Token(TextSpan Span, string Text, TokenKind Kind)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    public override string ToString() => Text;
}
