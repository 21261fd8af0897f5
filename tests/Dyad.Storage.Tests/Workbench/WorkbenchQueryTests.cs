using Dyad.Storage.Tests.Support;
using Dyad.Storage.Workbench;

namespace Dyad.Storage.Tests.Workbench;

public sealed class WorkbenchQueryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqlEventStore Store()
    {
        var db = Path.Combine(_dir.Path, "dyad.db");
        new Storage.Ingest.Ingester(() => EventStores.Open(db), DyadPipeline.Default, new Storage.Ingest.IngestOptions { Jobs = 1 }).Run([DyadCli.Samples]);
        return EventStores.Open(db);
    }

    [Fact]
    public void EventsComeWithTheirSentenceAndTheTriggerInsideIt()
    {
        using var store = Store();
        var events = store.WorkbenchEvents(new WorkbenchQuery { Actor = "KAZ", Partner = "RUS" });
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            var span = e.TriggerInSentence!;
            Assert.Equal(e.Trigger, e.SentenceText![span[0]..span[1]]);
            Assert.Equal(e, store.WorkbenchEvent(e.Ref));
        }
    }

    [Fact]
    public void PartnerCountsLeaveOutTheActorWithItselfAndKeepYearOnlyEventsApart()
    {
        using var store = Store();
        var counts = store.PartnerCounts("KAZ");
        Assert.DoesNotContain(counts, c => c.Partner == "KAZ");
        Assert.Contains(counts, c => c.Partner == "USA" && c.YearOnly && c.Month == "2018-01");
        Assert.Equal(store.WorkbenchEvents(new WorkbenchQuery { Actor = "KAZ", Limit = 1000 }).Count(e => e.Source[..3] != e.Target[..3]), counts.Sum(c => c.Events));
    }

    [Fact]
    public void OrderTextAndDocumentFiltersCombine()
    {
        using var store = Store();
        var hostile = store.WorkbenchEvents(new WorkbenchQuery { Order = EventOrder.GoldsteinAscending, Limit = 1 }).Single();
        Assert.True(hostile.Goldstein < 0);
        var caspian = store.WorkbenchEvents(new WorkbenchQuery { Text = "Caspian convention", Actor = "KAZ" });
        Assert.NotEmpty(caspian);
        Assert.All(caspian, e => Assert.Equal("caspian-summit.html", e.Doc));
        Assert.Equal(2, store.DocumentSentences("story-3").Count);
        Assert.Empty(store.DocumentSentences("no-such-doc"));
        Assert.Equal("Kazakhstan", store.ActorTotals().Single(a => a.Code == "KAZ").Name);
    }
}
