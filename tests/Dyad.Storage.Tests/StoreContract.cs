using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Storage.Tests.Support;
using Parquet;

namespace Dyad.Storage.Tests;

/// <summary>
/// The one suite every store passes (house style rule 10): the SQLite and PostgreSQL subclasses only say how
/// to make a fresh database. Most tests drive the built `dyad` command, as a user would.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    private string? _db;

    protected TempDir Temp { get; } = new();

    /// <summary>The --db value of a fresh, empty database for this test.</summary>
    protected string Db => _db ??= NewDatabase();

    protected abstract string NewDatabase();

    protected virtual void DropDatabase()
    {
    }

    protected const string Relations =
        "Kazakhstan and Russia signed an agreement on oil transit on May 29, 2014.\nChina criticized Tajikistan in 2016.\nTurkmenistan agreed to build a pipeline to Azerbaijan in 2018.\n";

    protected SqlEventStore Open() => EventStores.Open(Db);

    protected DyadCli.Result Dyad(params string[] args) => DyadCli.Run([.. args, "--db", Db]);

    protected long Count(string sql)
    {
        using var store = Open();
        return Convert.ToInt64(store.ScalarForTests(sql), CultureInfo.InvariantCulture);
    }

    /// <summary>Every stored document has exactly the child rows it says it has, and no row lacks its document.</summary>
    protected void AssertNoHalfStoredDocument()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM documents d
            WHERE d.sentences <> (SELECT count(*) FROM sentences s WHERE s.doc = d.id)
               OR d.events <> (SELECT count(*) FROM events e WHERE e.doc = d.id)
               OR d.event_mentions <> (SELECT count(*) FROM event_mentions m WHERE m.doc = d.id)
            """));
        foreach (var table in new[] { "sentences", "actor_mentions", "event_mentions", "events", "facts" })
            Assert.Equal(0, Count($"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = t.doc)"));
    }

    [StoreFact]
    public void IngestingUnchangedInputAgainChangesNothing()
    {
        var first = Dyad("ingest", DyadCli.Samples);
        Assert.Equal(0, first.ExitCode);
        using var store = Open();
        var before = store.Counts();
        var log = store.StoreCountsByKey().Values.Sum();
        Assert.True(before.Documents >= 4, first.Stderr);
        Assert.True(before.Events > 0);

        var second = Dyad("ingest", DyadCli.Samples);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"dyad: done: 0 documents stored (0 new, 0 replaced), {before.Documents} unchanged", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, store.Counts());
        Assert.Equal(log, store.StoreCountsByKey().Values.Sum());
        AssertNoHalfStoredDocument();
    }

    [StoreFact]
    public void AChangedDocumentReplacesItsRows()
    {
        var file = Temp.File("relations.txt", Relations);
        Assert.Equal(0, Dyad("ingest", file).ExitCode);
        using var store = Open();
        Assert.NotEmpty(store.Events(new EventFilter { Dyad = ("KAZ", "RUS") }));

        File.WriteAllText(file, "China criticized Tajikistan in 2016.\n");
        var again = Dyad("ingest", file);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("(0 new, 1 replaced)", again.Stderr, StringComparison.Ordinal);
        Assert.Empty(store.Events(new EventFilter { Dyad = ("KAZ", "RUS") }));
        Assert.NotEmpty(store.Events(new EventFilter { Dyad = ("CHN", "TJK") }));
        Assert.Equal(1, store.Counts().Documents);
        Assert.Equal(1, store.Counts().Sentences);
        AssertNoHalfStoredDocument();
    }

    [StoreFact]
    public void AKilledIngestLeavesNoHalfStoredDocumentAndARerunCompletesTheWork()
    {
        const int stories = 400;
        var file = Stories.Write(Temp.Path, "many.jsonl", stories);
        // The pause per document keeps the run going long enough to kill it in the middle.
        using (var worker = DyadCli.Start(new Dictionary<string, string> { ["DYAD_INGEST_DELAY_MS"] = "20" }, "ingest", file, "--db", Db, "--jobs", "1"))
        {
            WaitUntil(() => TryCount("SELECT count(*) FROM documents") >= 20, worker);
            worker.Kill(entireProcessTree: true);
            worker.WaitForExit();
        }
        var stored = Count("SELECT count(*) FROM documents");
        Assert.InRange(stored, 1, stories - 1);
        AssertNoHalfStoredDocument();

        var rerun = Dyad("ingest", file);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"{stored} unchanged", rerun.Stderr, StringComparison.Ordinal);
        Assert.Equal(stories, Count("SELECT count(*) FROM documents"));
        Assert.Equal(0, Count("SELECT count(*) FROM claims"));
        using var store = Open();
        Assert.All(store.StoreCountsByKey(), pair => Assert.Equal(1, pair.Value));
        AssertNoHalfStoredDocument();
    }

    [StoreFact]
    public void SeveralProcessesShareTheWorkAndRedoTheClaimsOfOneThatIsKilled()
    {
        const int stories = 240;
        var file = Stories.Write(Temp.Path, "shared.jsonl", stories);
        using (Open())
        {
            // The schema exists before the workers start, as it would after a first run.
        }
        var slow = new Dictionary<string, string> { ["DYAD_INGEST_DELAY_MS"] = "40" };
        string[] args = ["ingest", file, "--db", Db, "--jobs", "1", "--lease", "2"];
        using var victim = DyadCli.Start(slow, args);
        using var a = DyadCli.Start(slow, args);
        using var b = DyadCli.Start(slow, args);
        // Kill the victim once it has stored something and holds claims on documents it has not stored yet.
        WaitUntil(() => TryCount($"SELECT count(*) FROM ingest_log WHERE worker LIKE '%/{victim.Id}/%'") >= 1
            && TryCount($"SELECT count(*) FROM claims WHERE owner LIKE '%/{victim.Id}/%'") >= 1, victim);
        victim.Kill(entireProcessTree: true);
        victim.WaitForExit();
        IReadOnlyList<string> orphaned;
        using (var store = Open())
            orphaned = store.ClaimOwners().Where(o => o.Contains($"/{victim.Id}/", StringComparison.Ordinal)).SelectMany(store.ClaimsOf).ToList();

        var resultA = DyadCli.Finish(a);
        var resultB = DyadCli.Finish(b);
        Assert.True(resultA.ExitCode == 0, resultA.Stderr);
        Assert.True(resultB.ExitCode == 0, resultB.Stderr);
        using var check = Open();
        Assert.Equal(stories, check.Counts().Documents);
        var log = check.StoreCountsByKey();
        Assert.Equal(stories, log.Count);
        Assert.All(log, pair => Assert.Equal(1, pair.Value)); // no document was done twice
        Assert.NotEmpty(orphaned); // the victim died holding claims …
        foreach (var key in orphaned)
            Assert.Equal(0, Count($"SELECT count(*) FROM ingest_log WHERE doc_key = '{key}' AND worker LIKE '%/{victim.Id}/%'")); // … which others redid
        Assert.True(check.ClaimOwners().Count == 0, "claims left: " + string.Join(", ", check.ClaimOwners().SelectMany(o => check.ClaimsOf(o).Select(k => o + " " + k))) + " victim " + victim.Id);
        Assert.True(Count($"SELECT count(DISTINCT worker) FROM ingest_log") >= 2);
        AssertNoHalfStoredDocument();
    }

    [StoreFact]
    public void QueriesFindADyadAnActorInADateRangeAndSentencesByTheirWords()
    {
        Assert.Equal(0, Dyad("ingest", Temp.File("relations.txt", Relations)).ExitCode);

        var dyad = Dyad("query", "--dyad", "RUS,KAZ", "--json");
        Assert.Equal(0, dyad.ExitCode);
        var events = dyad.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("relations.txt", e.GetProperty("doc").GetString()));
        Assert.All(events, e => Assert.Contains(e.GetProperty("source").GetProperty("code").GetString()![..3], new[] { "KAZ", "RUS" }));

        var inRange = Dyad("query", "--actor", "CHN", "--from", "2016", "--to", "2016-12", "--json");
        Assert.NotEmpty(inRange.StdoutLines);
        Assert.All(inRange.StdoutLines, l => Assert.StartsWith("2016", JsonDocument.Parse(l).RootElement.GetProperty("date").GetProperty("value").GetString(), StringComparison.Ordinal));
        Assert.Empty(Dyad("query", "--actor", "CHN", "--from", "2017", "--json").StdoutLines);

        var search = Dyad("query", "--search", "pipeline", "--json");
        var hit = Assert.Single(search.StdoutLines);
        Assert.Contains("Turkmenistan agreed to build a pipeline", hit, StringComparison.Ordinal);

        var table = Dyad("query", "--dyad", "KAZ,RUS");
        Assert.StartsWith("date", table.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains(table.StdoutLines, l => l.Contains("057", StringComparison.Ordinal));

        var series = Dyad("query", "--dyad", "KAZ,RUS", "--series", "--json");
        Assert.Contains(series.StdoutLines, l => l.Contains("\"month\":\"2014-05\"", StringComparison.Ordinal));
    }

    [StoreFact]
    public void FactsAreStoredWithTheirEvidenceAndFoundByEitherActor()
    {
        var document = new Document("lease", "Russia leases Baikonur from Kazakhstan until 2050.");
        var analysis = new Analysis(document);
        analysis.Sentences.Add(new Sentence(0, new TextSpan(0, document.Text.Length), document.Text, SentenceKind.Body));
        analysis.Facts.Add(new Fact
        {
            Sentence = 0,
            Subject = new EventActor(ActorCode.Parse("RUS"), "Russia"),
            Predicate = "leases",
            Object = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Trigger = new TextSpan(7, 13),
            Rule = "test.lease",
            What = "Baikonur",
            End = DateValue.OfYear(2050),
        });
        using var store = Open();
        Assert.Equal([StoreOutcome.Inserted], store.Store([StoredDocument.From(analysis)], "test"));
        var fact = Assert.Single(store.Facts("KAZ"));
        Assert.Equal(("RUS", "leases", "KAZ", "Baikonur", "2050", "leases", "test.lease"), (fact.Subject, fact.Predicate, fact.Object, fact.What, fact.End, fact.Trigger, fact.Rule));
        Assert.Single(store.Facts("RUS"));
        Assert.Empty(store.Facts("CHN"));
        Assert.Equal([StoreOutcome.Unchanged], store.Store([StoredDocument.From(analysis)], "test"));
        var json = Dyad("query", "--facts", "--actor", "KAZ", "--json");
        Assert.Contains("\"predicate\":\"leases\"", Assert.Single(json.StdoutLines), StringComparison.Ordinal);
    }

    [StoreFact]
    public void EveryExportFormatWritesTheStoredEvents()
    {
        Assert.Equal(0, Dyad("ingest", Temp.File("relations.txt", Relations)).ExitCode);
        long events;
        using (var store = Open())
            events = store.Counts().Events;
        Assert.True(events >= 2);

        var csv = Dyad("export", "events", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("doc,event_id,sentence,date", csv.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(events + 1, csv.StdoutLines.Length);

        var gdelt = Dyad("export", "events", "--format", "tsv", "--layout", "gdelt").StdoutLines;
        Assert.StartsWith("GLOBALEVENTID\tSQLDATE\t", gdelt[0], StringComparison.Ordinal);
        Assert.Contains(gdelt, l => l.Split('\t')[1] == "20140529" && l.Contains("\tKAZ\t", StringComparison.Ordinal));

        var icews = Dyad("export", "events", "--format", "tsv", "--layout", "icews").StdoutLines;
        Assert.StartsWith("Event ID\tEvent Date\tSource Name", icews[0], StringComparison.Ordinal);
        Assert.Equal(events + 1, icews.Length);

        var jsonl = Dyad("export", "events", "--format", "jsonl").StdoutLines;
        Assert.Equal(events, jsonl.Length);
        Assert.All(jsonl, l => Assert.Equal("event", JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));

        var parquet = Path.Combine(Temp.Path, "events.parquet");
        Assert.Equal(0, Dyad("export", "events", "--format", "parquet", "--output", parquet).ExitCode);
        var reader = ParquetReader.CreateAsync(parquet).GetAwaiter().GetResult();
        try
        {
            Assert.Equal(events, Enumerable.Range(0, reader.RowGroupCount).Sum(i => reader.OpenRowGroupReader(i).RowCount));
            Assert.Contains(reader.Schema.GetDataFields(), f => f.Name == "goldstein");
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        Assert.False(File.Exists(parquet + ".part"));

        var graphml = XDocument.Parse(Dyad("export", "graph", "--format", "graphml").Stdout);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        Assert.Contains(graphml.Descendants(g + "node"), n => (string?)n.Attribute("id") == "KAZ");
        Assert.Contains(graphml.Descendants(g + "edge"), e => (string?)e.Attribute("source") == "KAZ" && (string?)e.Attribute("target") == "RUS");

        var gexf = XDocument.Parse(Dyad("export", "graph", "--format", "gexf").Stdout);
        XNamespace x = "http://gexf.net/1.3";
        Assert.Contains(gexf.Descendants(x + "edge"), e => (string?)e.Attribute("source") == "CHN" && (string?)e.Attribute("weight") == "1");

        Assert.Equal(2, Dyad("export", "events", "--format", "gexf").ExitCode);
    }

    [StoreFact]
    public void AJsonLinesFileWithOneBadRecordStoresTheRestAndNamesTheBadLine()
    {
        var file = Temp.File("mixed.jsonl",
            "{\"id\":\"a\",\"date\":\"2014-05-29\",\"text\":\"Kazakhstan and Russia signed an agreement.\"}\n" +
            "{\"id\":\"b\",\"text\": this is not json}\n" +
            "{\"id\":\"c\",\"text\":\"China criticized Tajikistan in 2016.\"}\n");
        var result = Dyad("ingest", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mixed.jsonl:2: malformed JSON Lines record", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 documents stored", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Count("SELECT count(*) FROM documents"));
    }

    [StoreFact]
    public void ADatabaseOfAnotherSchemaVersionIsRefusedWithAClearError()
    {
        using (var store = Open())
            store.ExecuteForTests("UPDATE schema_info SET value = '99' WHERE name = 'schema_version'");
        var newer = Dyad("ingest", Temp.File("a.txt", Relations));
        Assert.Equal(4, newer.ExitCode);
        Assert.Contains("has schema version 99, newer than this dyad's 1", newer.Stderr, StringComparison.Ordinal);

        SetVersion("0");
        var older = Dyad("ingest", Temp.File("b.txt", Relations));
        Assert.Equal(4, older.ExitCode);
        Assert.Contains("has schema version 0, this dyad uses 1: run `dyad migrate --db", older.Stderr, StringComparison.Ordinal);
        var migrate = Dyad("migrate");
        Assert.Equal(4, migrate.ExitCode);
        Assert.Contains("there is no migration from it to 1", migrate.Stderr, StringComparison.Ordinal);
        SetVersion("1");
        Assert.Equal(0, Count("SELECT count(*) FROM documents")); // the refused runs wrote nothing
    }

    /// <summary>Writes a schema version behind the store's back (Open refuses other versions).</summary>
    protected abstract void SetVersion(string version);

    protected long TryCount(string sql)
    {
        try
        {
            return Count(sql);
        }
        catch (StoreException)
        {
            return 0; // the schema may not exist yet
        }
    }

    protected static void WaitUntil(Func<bool> condition, Process worker)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (worker.HasExited)
                throw new InvalidOperationException($"the worker exited early ({worker.ExitCode}): {worker.StandardError.ReadToEnd()}");
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
                throw new TimeoutException("the worker made no progress in 90 s");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        if (_db is not null)
            DropDatabase();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
