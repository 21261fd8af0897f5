using Dyad.Documents;

namespace Dyad.Tests.Stages.Dedup;

public sealed class EventDeduplicatorTests
{
    [Fact]
    public void TheSameSigningReportedTwiceWithAgreeingDatesSharesOneEventId()
    {
        var text = "Peru and Bolivia signed a border treaty on March 3, 2012.\n\nIn March 2012, Peru and Bolivia signed a treaty on the border.";
        var analysis = DyadPipeline.Default.Run(new Document("dedup", text, new DateOnly(2015, 1, 1)));
        var signings = analysis.Events.Where(e => e.Code.Value == "057").ToList();
        Assert.Equal(2, signings.Count);
        Assert.Single(signings.Select(e => e.EventId).Distinct());
    }

    [Fact]
    public void SigningsInDifferentYearsAreDifferentEvents()
    {
        var text = "Peru and Bolivia signed a border treaty in 2004.\n\nPeru and Bolivia signed a trade treaty in 2012.";
        var analysis = DyadPipeline.Default.Run(new Document("dedup", text, new DateOnly(2015, 1, 1)));
        Assert.Equal(2, analysis.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void ThePairsOfOneMultilateralSigningAreOneEvent()
    {
        var analysis = DyadPipeline.Default.Run(new Document("dedup", "Armenia, Georgia and Azerbaijan signed a transit treaty in 2009.", new DateOnly(2015, 1, 1)));
        Assert.Equal(3, analysis.Events.Count);
        Assert.Single(analysis.Events.Select(e => e.EventId).Distinct());
    }

    [Fact]
    public void DatedMentionsFarApartInALongDocumentAreStillOneEvent()
    {
        // Far beyond the window for undated repeats: only the dates tie these mentions together.
        var filler = string.Concat(Enumerable.Repeat("The river was high that spring. ", 12));
        var text = "Peru and Bolivia signed a border treaty on March 3, 2012. " + filler
            + "\n\nIn March 2012, Peru and Bolivia signed a treaty on the border. " + filler
            + "\n\nPeru and Bolivia signed a trade treaty in 2004.";
        var analysis = DyadPipeline.Default.Run(new Document("dedup", text, new DateOnly(2015, 1, 1)));
        var signings = analysis.Events.Where(e => e.Code.Value == "057").OrderBy(e => e.Sentence).ToList();
        Assert.Equal(3, signings.Count);
        Assert.True(signings[1].Sentence - signings[0].Sentence > 10);
        Assert.Equal(signings[0].EventId, signings[1].EventId);
        Assert.NotEqual(signings[0].EventId, signings[2].EventId);
    }
}
