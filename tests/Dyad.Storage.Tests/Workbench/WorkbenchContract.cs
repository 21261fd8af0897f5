using Dyad.Storage.Ingest;
using Dyad.Storage.Tests.Support;
using Dyad.Storage.Workbench;

namespace Dyad.Storage.Tests.Workbench;

/// <summary>The workbench queries and corrections on every store: SQLite here, PostgreSQL when DYAD_TEST_PG names one.</summary>
public abstract class WorkbenchContract : IDisposable
{
    private const string Text = "Kazakhstan and Russia signed an agreement on oil transit in March 2014. China criticized Kazakhstan over the border dispute in May 2015.";

    protected TempDir Temp { get; } = new();

    protected abstract string NewDatabase();

    protected virtual void DropDatabase()
    {
    }

    public void Dispose()
    {
        DropDatabase();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    [StoreFact]
    public void QueriesRollupAndCorrectionsAgreeOnEveryStore()
    {
        var db = NewDatabase();
        var file = Temp.File("kz.txt", Text);
        void Ingest() => new Ingester(() => EventStores.Open(db), DyadPipeline.Default, new IngestOptions { Jobs = 1 }).Run([file]);
        Ingest();
        using var store = EventStores.Open(db);
        var counts = store.PartnerCounts("KAZ");
        Assert.Equal(["CHN", "RUS"], counts.Select(c => c.Partner).Order(StringComparer.Ordinal));
        Assert.Equal(counts.Sum(c => c.Events), store.PairMonths().Where(p => p.Source == "KAZ" || p.Target == "KAZ").Sum(p => p.Events));
        var pair = Assert.Single(store.WorkbenchEvents(new WorkbenchQuery { Actor = "KAZ", Partner = "RUS", Order = EventOrder.GoldsteinDescending }));
        Assert.Equal("signed", pair.Trigger);
        Assert.Single(store.WorkbenchEvents(new WorkbenchQuery { Text = "border dispute" }));
        Assert.Equal(2, store.GraphBetween("2014", "2015").Count);
        var before = store.Fingerprint();
        store.AddCorrection(new CorrectionRequest(pair.Ref, "tester") { Code = "036", Date = "2014-03-05" });
        var chn = store.WorkbenchEvents(new WorkbenchQuery { Actor = "CHN" }).Single();
        store.AddCorrection(new CorrectionRequest(chn.Ref, "tester") { Reject = true });
        Assert.NotEqual(before, store.Fingerprint());
        File.WriteAllText(file, "Officials met in Astana on Monday. " + Text);
        Ingest();
        var events = store.WorkbenchEvents(new WorkbenchQuery());
        var fixedEvent = Assert.Single(events);
        Assert.Equal(("036", "2014-03-05"), (fixedEvent.Code, fixedEvent.Date));
        Assert.Equal(2, store.Corrections().Count);
    }
}

public sealed class SqliteWorkbenchTests : WorkbenchContract
{
    protected override string NewDatabase() => Path.Combine(Temp.Path, "dyad.db");
}

public sealed class PostgresWorkbenchTests : WorkbenchContract, INeedsPostgres
{
    private Action? _drop;

    protected override string NewDatabase() => PostgresServer.NewSchema(out _drop);

    protected override void DropDatabase() => _drop?.Invoke();
}
