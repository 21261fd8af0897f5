using Dyad.Stages.Syntax;

namespace Dyad.Tests.Stages.Syntax;

public class UdTokenizerTests
{
    private static string[] Words(string text) => [.. UdTokenizer.Tokenize(text).Select(t => t.Form)];

    [Theory]
    [InlineData("They don't sign it.", new[] { "They", "do", "n't", "sign", "it", "." })]
    [InlineData("We can't and won't.", new[] { "We", "ca", "n't", "and", "wo", "n't", "." })]
    [InlineData("Russia's envoy", new[] { "Russia", "'s", "envoy" })]
    [InlineData("Russia’s envoy", new[] { "Russia", "'s", "envoy" })]
    [InlineData("we're here, I'm told", new[] { "we", "'re", "here", ",", "I", "'m", "told" })]
    [InlineData("I cannot go", new[] { "I", "can", "not", "go" })]
    [InlineData("the U.S. and Mr. Smith", new[] { "the", "U.S.", "and", "Mr.", "Smith" })]
    [InlineData("(in Geneva), he said.", new[] { "(", "in", "Geneva", ")", ",", "he", "said", "." })]
    [InlineData("“Peace,” he said", new[] { "\"", "Peace", ",", "\"", "he", "said" })]
    [InlineData("$5 and 10%", new[] { "$", "5", "and", "10", "%" })]
    [InlineData("a long-term deal", new[] { "a", "long-term", "deal" })]
    [InlineData("talks—again—failed", new[] { "talks", "—", "again", "—", "failed" })]
    [InlineData("wait...", new[] { "wait", "..." })]
    [InlineData("the countries' leaders", new[] { "the", "countries", "'", "leaders" })]
    [InlineData("co\u00ADoperation", new[] { "cooperation" })]
    [InlineData("10\u00A0km", new[] { "10", "km" })]
    public void SplitsLikeUdEnglish(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Fact]
    public void SpansPointIntoTheText()
    {
        const string text = "Intro. “They’ve signed,” said Mr. Li.";
        var span = new Dyad.Documents.TextSpan(7, text.Length);
        foreach (var token in UdTokenizer.Tokenize(text, span))
        {
            Assert.True(token.Span.Start >= 7);
            Assert.Equal(token.Form, UdTokenizer.Normalize(text.AsSpan(token.Span.Start, token.Span.Length)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \u00A0 ")]
    public void BlankTextHasNoWords(string text) => Assert.Empty(UdTokenizer.Tokenize(text));
}
