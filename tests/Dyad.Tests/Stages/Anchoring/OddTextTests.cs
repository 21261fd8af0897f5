using Dyad.Stages.Anchoring;
using Dyad.Tests.Support;

namespace Dyad.Tests.Stages.Anchoring;

public class OddTextTests
{
    [Theory]
    [InlineData("It ended on 31 February 2014.")]
    [InlineData("The deal runs until December 31, 9999 and the next year too.")]
    [InlineData("Filed 0/0/0000 and 99/99/2014 and 2014-13-45.")]
    [InlineData("$ - $$ US$ € £ 5 bn 1,2,3 1,0000 .5 5. 9/11/ 19-OCT- -1987")]
    [InlineData("Ten thousand hundred million billion trillion dozen a an the.")]
    [InlineData("On Monday, next Friday, last Sunday, yesterday, tomorrow, this week, last year.")]
    [InlineData("Four years earlier. The following year. That month. Two decades later.")]
    [InlineData("in in in in of the city of the southern city of")]
    [InlineData("")]
    [InlineData("May")]
    [InlineData("1 -")]
    public void OddTextNeverThrows(string text)
    {
        foreach (var published in new DateOnly?[] { null, new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31), new DateOnly(2014, 5, 29) })
        {
            var analysis = Annotate.Text(text, published);
            new EventAnchoring().Run(analysis);
            foreach (var t in analysis.Times)
                Assert.Equal(t.Text, text.Substring(t.Span.Start, t.Span.Length));
        }
    }

    [Fact]
    public void TheStagesKeepUpWithALongDocument()
    {
        var text = string.Join("\n\n", Enumerable.Repeat("In May 2014, Russia and Kazakhstan signed a $2 billion deal in Astana. Earlier that year 47 people met in Almaty on 1 December.", 2000));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var analysis = Annotate.Text(text);
        new EventAnchoring().Run(analysis);
        Assert.Equal(4000, analysis.Sentences.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
