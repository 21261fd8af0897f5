using System.Text.Json;
using Dyad.Analytics.Tests.Support;

namespace Dyad.Analytics.Tests;

public sealed class RollupTests(KazakhstanStore kz) : IClassFixture<KazakhstanStore>
{
    private static string Json(object report) => JsonSerializer.Serialize(report, Evidence.Json);

    [Theory]
    [InlineData(Period.Year, null, null)]
    [InlineData(Period.Month, null, null)]
    [InlineData(Period.Quarter, "2015", "2017-09")]
    public void TheRollupGivesTheSameReportsAsTheStore(Period per, string? from, string? to)
    {
        using var store = kz.Open();
        var rollup = Rollup.Build(store);
        Assert.Equal(Json(TrendsReport.Build(store, "KAZ", null, per, from, to)), Json(TrendsReport.Build(store, "KAZ", null, per, from, to, rollup: rollup)));
        Assert.Equal(Json(BalanceReport.Build(store, "KAZ", per, from, to)), Json(BalanceReport.Build(store, "KAZ", per, from, to, rollup: rollup)));
        Assert.Equal(Json(DyadReport.Build(store, "KAZ", "RUS", per, from, to)), Json(DyadReport.Build(store, "KAZ", "RUS", per, from, to, rollup: rollup)));
    }

    [Fact]
    public void TheRollupLeavesDayRangesAndFullCodesToTheStore()
    {
        using var store = kz.Open();
        var rollup = Rollup.Build(store);
        Assert.Null(rollup.PartnerCounts("KAZ", "2015-01-01", null));
        Assert.Null(rollup.PartnerCounts("KAZGOV", null, null));
        Assert.Equal(store.ActorTotals().Select(a => (a.Code, a.Events)), rollup.Actors(500).Select(a => (a.Code, a.Events)));
        Assert.Equal(store.GraphBetween("2016", "2018").Select(e => (e.Source, e.Target, e.Events)), rollup.Graph("2016", "2018", 1)!.Select(e => (e.Source, e.Target, e.Events)));
    }

    [Fact]
    public void TheFingerprintChangesWhenTheStoreDoes()
    {
        using var store = kz.Open();
        var before = store.Fingerprint();
        Assert.Equal(before, store.Fingerprint());
        store.BulkInsertEvents([TestStores.Row("x1", "KAZ", "RUS", "057", 1, 8, "2019-01-01")], "extra-" + Guid.NewGuid().ToString("N"));
        Assert.NotEqual(before, store.Fingerprint());
    }
}
