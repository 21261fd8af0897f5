using Dyad.Storage.Ingest;
using Dyad.Storage.Tests.Support;
using Dyad.Storage.Workbench;

namespace Dyad.Storage.Tests.Workbench;

public sealed class CorrectionsTests : IDisposable
{
    private const string Text = "Kazakhstan and Russia signed an agreement on oil transit in March 2014. China criticized Kazakhstan over the border dispute in May 2015.";

    private readonly TempDir _dir = new();

    private string Db => Path.Combine(_dir.Path, "dyad.db");

    public void Dispose() => _dir.Dispose();

    private IngestProgress Ingest(string file) =>
        new Ingester(() => EventStores.Open(Db), DyadPipeline.Default, new IngestOptions { Jobs = 1 }).Run([file]);

    private static WorkbenchEvent Find(SqlEventStore store, string source, string code) =>
        store.WorkbenchEvents(new WorkbenchQuery()).Single(e => e.Source == source && e.Code == code);

    [Fact]
    public void ARejectedEventIsGoneFromEveryQueryAndStaysGoneAfterTheDocumentChanges()
    {
        var file = _dir.File("kz.txt", Text);
        Ingest(file);
        using (var store = EventStores.Open(Db))
        {
            var chn = Find(store, "CHN", "111");
            store.AddCorrection(new CorrectionRequest(chn.Ref, "tester") { Reject = true, Note = "a test" });
            Assert.DoesNotContain(store.WorkbenchEvents(new WorkbenchQuery()), e => e.Source == "CHN");
            Assert.DoesNotContain(store.Events(new EventFilter { Actor = "CHN" }), e => e.Code == "111");
            Assert.Equal(0L, Convert.ToInt64(store.ScalarForTests("SELECT count(*) FROM event_mentions WHERE source = 'CHN'")));
        }
        // A sentence is added in front: every offset and sentence index moves, the anchor does not.
        File.WriteAllText(file, "Officials met in Astana on Monday. " + Text);
        Assert.Equal(1, Ingest(file).Replaced);
        using (var store = EventStores.Open(Db))
        {
            Assert.DoesNotContain(store.WorkbenchEvents(new WorkbenchQuery()), e => e.Source == "CHN");
            Assert.Contains(store.WorkbenchEvents(new WorkbenchQuery()), e => e.Source == "KAZ" && e.Code == "057");
            var correction = Assert.Single(store.Corrections());
            Assert.True(correction.Reject);
            Assert.Equal(("tester", "kz.txt", "criticized"), (correction.Author, correction.Doc, correction.Trigger));
        }
    }

    [Fact]
    public void AFixedCodeActorAndDateAreAppliedAgainAfterReingest()
    {
        var file = _dir.File("kz.txt", Text);
        Ingest(file);
        using (var store = EventStores.Open(Db))
        {
            var kaz = Find(store, "KAZ", "057");
            store.AddCorrection(new CorrectionRequest(kaz.Ref, "tester") { Code = "036", Target = "RUSGOV", TargetName = "Russia", Date = "2014-03-05" });
            var fixedEvent = Find(store, "KAZ", "036");
            Assert.Equal(("RUSGOV", "2014-03-05", "day", 1), (fixedEvent.Target, fixedEvent.Date, fixedEvent.Precision, fixedEvent.Quad));
        }
        File.WriteAllText(file, Text + " Officials met in Astana on Monday.");
        Ingest(file);
        using (var store = EventStores.Open(Db))
        {
            var again = Find(store, "KAZ", "036");
            Assert.Equal(("RUSGOV", "2014-03-05"), (again.Target, again.Date));
            Assert.Equal(4.0, again.Goldstein);
            Assert.DoesNotContain(store.WorkbenchEvents(new WorkbenchQuery()), e => e.Code == "057");
            Assert.Equal(1L, Convert.ToInt64(store.ScalarForTests("SELECT count(*) FROM event_mentions WHERE code = '036' AND target_head = 'RUS'")));
        }
    }

    [Fact]
    public void ACorrectionOfAnUnknownEventOrWithABadValueIsRefusedAndNothingIsStored()
    {
        Ingest(_dir.File("kz.txt", Text));
        using var store = EventStores.Open(Db);
        var kaz = Find(store, "KAZ", "057");
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest(new EventRef("kz.txt", "e99", "KAZ", "RUS"), "tester") { Reject = true }));
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest(kaz.Ref, "tester") { Code = "999" }));
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest(kaz.Ref, "tester") { Date = "03/05/2014" }));
        Assert.Throws<ArgumentException>(() => store.AddCorrection(new CorrectionRequest(kaz.Ref, "tester")));
        Assert.Empty(store.Corrections());
        Assert.Equal("057", Find(store, "KAZ", "057").Code);
    }

    [Fact]
    public void FixesExportAsGoldLinesThatDyadEvalReads()
    {
        var file = _dir.File("kz.txt", Text);
        Ingest(file);
        using (var store = EventStores.Open(Db))
        {
            store.AddCorrection(new CorrectionRequest(Find(store, "KAZ", "057").Ref, "tester") { Code = "036" });
            store.AddCorrection(new CorrectionRequest(Find(store, "CHN", "111").Ref, "tester") { Reject = true });
        }
        var gold = Path.Combine(_dir.Path, "gold.jsonl");
        var export = DyadCli.Run("export", "corrections", "--format", "gold", "--db", Db, "-o", gold);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("1 rejections have no gold line", export.Stderr, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(gold));
        Assert.Contains("\"code\":\"036\"", line, StringComparison.Ordinal);
        var eval = DyadCli.Run("eval", file, "--gold", gold);
        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("gold dyads 1 required", eval.Stdout, StringComparison.Ordinal);
    }
}
