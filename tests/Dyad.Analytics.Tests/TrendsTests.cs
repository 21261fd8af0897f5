using Dyad.Analytics.Tests.Support;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics.Tests;

public sealed class TrendsTests(KazakhstanStore kz) : IClassFixture<KazakhstanStore>
{
    [Fact]
    public void EachPartnerAndYearCountsTheActorsEventsByQuadClass()
    {
        using var store = kz.Open();
        var report = TrendsReport.Build(store, "KAZ", ["RUS", "CHN", "USA"]);
        var rus2014 = report.Rows.Single(r => r.Partner == "RUS" && r.Period == "2014");
        Assert.Equal(1, rus2014.Quads.VerbalCooperation);
        Assert.Equal(1, rus2014.Events);
        var chn2015 = report.Rows.Single(r => r.Partner == "CHN" && r.Period == "2015");
        Assert.Equal(1, chn2015.Quads.VerbalConflict);
        Assert.True(chn2015.GoldsteinMean < 0);
        var rus2018 = report.Rows.Single(r => r.Partner == "RUS" && r.Period == "2018");
        Assert.Equal(1, rus2018.Quads.MaterialConflict);
    }

    [Fact]
    public void AShareIsThePartnersPartOfAllTheActorsEventsInThePeriod()
    {
        using var store = kz.Open();
        var report = TrendsReport.Build(store, "KAZ", ["RUS"]);
        // 2017: Russia's accusation and the praise of the United States; only Russia is shown, its share is still a half.
        Assert.Equal(0.5, report.Rows.Single(r => r.Period == "2017").Share);
        Assert.Equal(2, report.Totals.Single(t => t.Period == "2017").Events);
    }

    [Fact]
    public void UnderMonthsAnEventKnownOnlyToTheYearHasTheYearsOwnRow()
    {
        using var store = kz.Open();
        var report = TrendsReport.Build(store, "KAZ", ["CHN"], Period.Month);
        Assert.Contains(report.Rows, r => r.Period == "2016" && r.Events == 1);
        Assert.Contains(report.Rows, r => r.Period == "2016-01" && r.Events == 1);
        Assert.DoesNotContain(report.Periods, p => p == "2016-02");
    }

    [Fact]
    public void WithoutNamedPartnersTheMostFrequentAreShown()
    {
        using var store = kz.Open();
        var report = TrendsReport.Build(store, "KAZ");
        Assert.Equal(["CHN", "RUS", "USA"], report.Partners.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryCountCanBeTracedToItsEventsAndEachEventToItsSentence()
    {
        using var store = kz.Open();
        var report = TrendsReport.Build(store, "KAZ", ["RUS", "CHN", "USA"], ids: true);
        foreach (var row in report.Rows)
        {
            Assert.Equal(row.Events, row.EventIds!.Count);
            foreach (var id in row.EventIds)
            {
                Assert.True(EventRef.TryParse(id, out var name));
                var e = store.WorkbenchEvent(name)!;
                Assert.Contains(e.Trigger!, e.SentenceText!, StringComparison.Ordinal);
            }
        }
    }
}
