using Dyad.Documents;
using Dyad.Stages.Tokens;

namespace Dyad.Tests.Stages.Tokens;

public class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text, new TextSpan(0, text.Length)).Select(t => t.Text)];

    [Theory]
    [InlineData("the U.S. and NATO", new[] { "the", "U.S.", "and", "NATO" })]
    [InlineData("Kazakhstan's oil", new[] { "Kazakhstan", "'s", "oil" })]
    [InlineData("Kazakhstan’s oil", new[] { "Kazakhstan", "’s", "oil" })]
    [InlineData("the P5+1 and Iran", new[] { "the", "P5+1", "and", "Iran" })]
    [InlineData("$1.5 billion", new[] { "$", "1.5", "billion" })]
    [InlineData("200,000 Uighurs", new[] { "200,000", "Uighurs" })]
    [InlineData("Since 9/11, it", new[] { "Since", "9/11", ",", "it" })]
    [InlineData("a multi-vector policy", new[] { "a", "multi-vector", "policy" })]
    [InlineData("the 1990s", new[] { "the", "1990s" })]
    [InlineData("Côte d'Ivoire", new[] { "Côte", "d'Ivoire" })]
    [InlineData("the U.S, where", new[] { "the", "U.S", ",", "where" })]
    public void KeepsAbbreviationsAmountsAndNamesWhole(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Fact]
    public void OffsetsPointIntoTheDocument()
    {
        const string text = "Intro. Russia and China met.";
        var span = new TextSpan(7, text.Length);
        foreach (var token in Tokenizer.Tokenize(text, span))
            Assert.Equal(token.Text, text.Substring(token.Span.Start, token.Span.Length));
        Assert.Equal(7, Tokenizer.Tokenize(text, span)[0].Span.Start);
    }
}
