using Dyad.Documents;

namespace Dyad.Tests.Stages.Anchoring;

/// <summary>The default pipeline end to end: whatever coder is in it, its events get our dates, amounts and venues.</summary>
public class DefaultPipelineTests
{
    [Fact]
    public void ASigningInACapitalGetsItsDayAndVenue()
    {
        var analysis = DyadPipeline.Default.Run(new Document("t", "Kazakhstan and Russia signed a treaty in Astana on 1 December 2010."));
        Assert.NotEmpty(analysis.Events);
        Assert.All(analysis.Events, e =>
        {
            Assert.Equal("2010-12-01", e.Date.Value);
            Assert.Equal("Astana", e.Location?.Name);
        });
    }

    [Fact]
    public void AnUndatedEventTakesThePublicationDateAndSaysSo()
    {
        var analysis = DyadPipeline.Default.Run(new Document("t", "Kazakhstan and Russia signed a treaty.", new DateOnly(2014, 5, 29)));
        Assert.NotEmpty(analysis.Events);
        Assert.All(analysis.Events, e =>
        {
            Assert.True(e.DateIsReportDate);
            Assert.Equal("2014-05-29", e.Date.Value);
        });
    }

    [Fact]
    public void AidGetsItsAmount()
    {
        var analysis = DyadPipeline.Default.Run(new Document("t", "In 2006, Russia provided $160 million to Kazakhstan."));
        Assert.NotEmpty(analysis.Events);
        Assert.All(analysis.Events, e => Assert.Contains(e.Quantities, q => q.Unit == "USD" && q.Value == 160e6));
    }
}
