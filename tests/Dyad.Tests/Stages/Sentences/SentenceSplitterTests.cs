using Dyad.Documents;
using Dyad.Stages.Sentences;

namespace Dyad.Tests.Stages.Sentences;

public class SentenceSplitterTests
{
    private static List<(string Text, SentenceKind Kind)> Split(string text) =>
        [.. SentenceSplitter.Split(text).Select(s => (s.Span.Slice(text), s.Kind))];

    [Theory]
    [InlineData("Kazakhstan signed a treaty. Russia objected.", 2)]
    [InlineData("Troops left the U.S. base at Manas. Kyrgyzstan agreed.", 2)]
    [InlineData("Dr. Sherwood-Randall led a delegation to Tashkent.", 1)]
    [InlineData("The talks began on Jan. 5 in Geneva.", 1)]
    [InlineData("He met J. R. Smith and Mrs. Ito in Tokyo.", 1)]
    [InlineData("Trade grew by 3.5 percent to $2.4 billion. Exports fell.", 2)]
    [InlineData("Poland deepened its defence links with the U.S. In 2019, it bought radars.", 2)]
    [InlineData("The U.S. Senate approved it.", 1)]
    [InlineData("\"We will sign,\" the minister said. Talks resumed.", 2)]
    [InlineData("The minister said: \"We will sign.\" Talks resumed.", 2)]
    [InlineData("Is Russia ready? Nobody knows!", 2)]
    public void SplitsSentencesButNotAbbreviationsInitialsOrDecimals(string text, int count) => Assert.Equal(count, Split(text).Count);

    [Fact]
    public void ASentenceEndingInAQuotationKeepsItsClosingQuote()
    {
        var sentences = Split("The minister said: \"We will sign.\" Talks resumed.");
        Assert.Equal("The minister said: \"We will sign.\"", sentences[0].Text);
    }

    [Fact]
    public void HeadingsAreSentencesOfTheirOwn()
    {
        var sentences = Split("Kazakhstan and the West\n\nMongolia's ties with Japan grew quickly after 1990.\n");
        Assert.Equal(("Kazakhstan and the West", SentenceKind.Heading), sentences[0]);
        Assert.Equal(SentenceKind.Body, sentences[1].Kind);
    }

    [Fact]
    public void StackedHeadingLinesAreSeparateHeadings()
    {
        var sentences = Split("Relations with China\nA multi-vector policy\n\nTrade grew.");
        Assert.Equal(["Relations with China", "A multi-vector policy", "Trade grew."], sentences.Select(s => s.Text));
        Assert.Equal(SentenceKind.Heading, sentences[1].Kind);
    }

    [Fact]
    public void APhotoCaptionIsOneSentenceWithItsDateLine()
    {
        var sentences = Split("Photo: Presidents of Russia and Belarus sign the agreement.May 29, 2014\n\nBody text follows here.");
        Assert.Equal(SentenceKind.Caption, sentences[0].Kind);
        Assert.EndsWith("May 29, 2014", sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACaptionEndingInADateAndACreditStaysWhole()
    {
        const string caption = "Delegates attend a workshop in Almaty, 15 September 2004. (OSCE/Staff photographer)";
        var sentences = Split(caption);
        Assert.Equal((caption, SentenceKind.Caption), Assert.Single(sentences));
    }

    [Fact]
    public void AShortParagraphEndingInADateIsACaption()
    {
        var sentences = Split("Presidents meet in Tashkent, June 13, 2013 (Press Service)\n\nThe summit was long.");
        Assert.Equal(SentenceKind.Caption, sentences[0].Kind);
    }

    [Fact]
    public void HardWrappedLinesAndIndentedParagraphsAreReadAsNewsCopy()
    {
        const string text = "WASHINGTON, Oct 19 - Officials said the United States\nfaces a choice in the Gulf.\n    The experts told reporters Iran\nholds the initiative.\n";
        var sentences = Split(text);
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("The experts", sentences[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySpanSlicesBackToItsSentence()
    {
        const string text = "  Title line\n\nRussia, Kazakhstan and Belarus signed a treaty in May 2014.  The U.S. welcomed it.\n\nCaption here, July 1, 2013 (VOA).\n";
        var document = new Document("d", text);
        var analysis = new Dyad.Pipeline.Analysis(document);
        new SentenceSplitter().Run(analysis);
        Assert.Equal(4, analysis.Sentences.Count);
        foreach (var s in analysis.Sentences)
        {
            Assert.Equal(s.Text, text.Substring(s.Span.Start, s.Span.Length));
            Assert.False(char.IsWhiteSpace(s.Text[0]));
            Assert.False(char.IsWhiteSpace(s.Text[^1]));
        }
        Assert.Equal([0, 1, 2, 3], analysis.Sentences.Select(s => s.Index));
    }
}
