using Dyad.Stages.Sentences;

namespace Dyad.Tests.Stages.Sentences;

public class SentenceCapTests
{
    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void AListWithoutFullStopsIsCutEveryThousandWords()
    {
        var text = string.Join(", ", Enumerable.Repeat("Russia", 2500)) + "\n";
        var sentences = SentenceSplitter.Split(text).Select(s => s.Span.Slice(text)).ToList();
        Assert.Equal([1000, 1000, 500], sentences.Select(Words).ToArray());
        Assert.Equal(2500, sentences.Sum(Words));
    }

    [Fact]
    public void ARunWithoutSpacesIsCutAtTheCharacterLimitAndNeverInsideASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("ab\U0001F600", 20_000));
        var spans = SentenceSplitter.Split(text).Select(s => s.Span).ToList();
        Assert.All(spans, s => Assert.True(s.Length <= SentenceSplitter.MaxChars + 1));
        Assert.All(spans, s => Assert.False(char.IsLowSurrogate(text[s.Start])));
        Assert.Equal(text.Length, spans.Sum(s => s.Length));
    }

    [Fact]
    public void ALongSentenceOfLongWordsIsCutAtASpace()
    {
        var text = string.Join(' ', Enumerable.Repeat(new string('x', 50), 600));
        var pieces = SentenceSplitter.Split(text).Select(s => s.Span.Slice(text)).ToList();
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.Equal(0, p.Replace(" ", "", StringComparison.Ordinal).Length % 50));
    }

    [Fact]
    public void TwoDatedSentencesOfProseAreTwoSentencesNotACaption()
    {
        const string text = "Russia attacked Georgia on 5 August 2008. China condemned Russia on 9 August 2008.";
        var sentences = SentenceSplitter.Split(text).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.All(sentences, s => Assert.Equal(Dyad.Documents.SentenceKind.Body, s.Kind));
    }

    [Fact]
    public void ManyOpenBracketsAfterFullStopsAreStillSplit()
    {
        var text = string.Concat(Enumerable.Repeat("Russia met China. (Iran", 3000));
        Assert.True(SentenceSplitter.Split(text).Count() > 1000);
    }
}
