using Dyad.Analytics.Tests.Support;
using Dyad.Storage;
using static Dyad.Analytics.Tests.Support.TestStores;

namespace Dyad.Analytics.Tests;

public sealed class BalanceTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>2010: KAZ cooperates with RUS three times and CHN once; 2011: twice with each; 2012: only with CHN (a shift).</summary>
    private SqlEventStore Store()
    {
        var store = EventStores.Open(Path.Combine(_dir.Path, "b.db"));
        store.BulkInsertEvents(
        [
            Row("e1", "KAZ", "RUS", "057", 1, 8, "2010-02-01"), Row("e2", "RUS", "KAZ", "042", 1, 1.9, "2010-03-01"),
            Row("e3", "KAZGOV", "RUSGOV", "036", 1, 4, "2010-04-01"), Row("e4", "KAZ", "CHN", "057", 1, 8, "2010-05-01"),
            Row("e5", "KAZ", "RUS", "111", 3, -2, "2010-06-01"), // conflict: not part of the balance
            Row("e6", "KAZ", "RUS", "057", 1, 8, "2011-01-01"), Row("e7", "KAZ", "RUS", "040", 1, 1, "2011-02-01"),
            Row("e8", "KAZ", "CHN", "057", 1, 8, "2011-03-01"), Row("e9", "CHN", "KAZ", "070", 2, 7, "2011-04-01"),
            Row("e10", "CHN", "KAZ", "071", 2, 7.4, "2012-01-01"), Row("e11", "KAZ", "CHN", "057", 1, 8, "2012-02-01"),
            Row("e12", "KAZ", "KAZ", "057", 1, 8, "2012-02-01"), // the actor with itself: left out
        ], "bulk");
        return store;
    }

    [Fact]
    public void SharesEvennessAndDiversityFollowTheCooperativeEvents()
    {
        using var store = Store();
        var report = BalanceReport.Build(store, "KAZ");
        var y2010 = report.Periods.Single(p => p.Period == "2010");
        Assert.Equal(4, y2010.Cooperative);
        Assert.Equal(0.75, y2010.Shares.Single(s => s.Partner == "RUS").Share);
        Assert.Equal(1 - (0.75 * 0.75 + 0.25 * 0.25), y2010.Diversity, 4);
        var y2011 = report.Periods.Single(p => p.Period == "2011");
        Assert.Equal(1.0, y2011.Evenness, 4);
        Assert.Equal(0.25, y2011.Shift!.Value, 4);
        Assert.Null(y2010.Shift);
    }

    [Fact]
    public void AShiftPastTheThresholdIsExplainedByTheGainersTopEvents()
    {
        using var store = Store();
        var report = BalanceReport.Build(store, "KAZ");
        var y2012 = report.Periods.Single(p => p.Period == "2012");
        Assert.Equal(0.5, y2012.Shift!.Value, 4);
        Assert.Equal(0, y2012.Evenness);
        var gainer = y2012.ShiftParts.Single(p => p.Partner == "CHN");
        Assert.Equal((0.5, 1.0), (gainer.Before, gainer.After));
        Assert.Equal(["e11", "e10"], gainer.TopEvents.Select(e => e.EventId));
        Assert.Empty(report.Periods.Single(p => p.Period == "2011").ShiftParts);
    }

    [Theory]
    [InlineData(new[] { 1.0 }, 0.0)]
    [InlineData(new[] { 0.5, 0.5 }, 1.0)]
    [InlineData(new[] { 0.25, 0.25, 0.25, 0.25 }, 1.0)]
    public void EvennessIsZeroForOnePartnerAndOneForEqualShares(double[] shares, double expected) =>
        Assert.Equal(expected, BalanceReport.Evenness(shares), 6);

    [Fact]
    public void PairReportSplitsTheSeriesByDirectionAndListsTheExtremes()
    {
        using var store = Store();
        var report = DyadReport.Build(store, "KAZ", "RUS");
        var y2010 = report.Series.Single(p => p.Period == "2010");
        Assert.Equal((3L, 1L, 4L), (y2010.AToB, y2010.BToA, y2010.Events));
        Assert.Equal(1, y2010.Quads.VerbalConflict);
        Assert.Equal("e5", report.MostHostile.Single().EventId);
        Assert.Equal(8, report.MostCooperative[0].Goldstein);
    }

    [Fact]
    public void ChartsAreWrittenAsPngAndSvg()
    {
        using var store = Store();
        var png = Path.Combine(_dir.Path, "b.png");
        var svg = Path.Combine(_dir.Path, "d.svg");
        Charts.Balance(BalanceReport.Build(store, "KAZ"), png);
        Charts.Dyad(DyadReport.Build(store, "KAZ", "CHN"), svg);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        Assert.Contains("<svg", File.ReadAllText(svg), StringComparison.Ordinal);
        Assert.False(Charts.IsSupported("chart.pdf"));
    }
}
