using System.Diagnostics;
using System.Globalization;
using Dyad.Documents.Readers;
using Dyad.Storage.Ingest;
using Dyad.Storage.Postgres;

namespace Dyad.Storage.Bench;

/// <summary>One measured figure, with its target when the issue sets one.</summary>
public sealed record BenchFigure(string Name, double Value, string Unit, double? Target = null, bool HigherIsBetter = true)
{
    public bool? Met => Target is { } t ? (HigherIsBetter ? Value >= t : Value <= t) : null;
}

public sealed record BenchOptions
{
    public int Documents { get; init; } = 5000;

    public long Events { get; init; } = 1_000_000;

    public string? Samples { get; init; } = "samples";

    public string? Postgres { get; init; }

    public string Folder { get; init; } = Path.Combine(Path.GetTempPath(), "dyad-bench");

    public int Jobs { get; init; } = Environment.ProcessorCount;
}

/// <summary>`dyad bench`: coding speed, ingest speed, bulk insert, a dyad's series over 1M events, peak memory.</summary>
public static class Benchmark
{
    public static IReadOnlyList<BenchFigure> Run(BenchOptions options, Action<string> log)
    {
        var figures = new List<BenchFigure>();
        Directory.CreateDirectory(options.Folder);
        var corpus = Path.Combine(options.Folder, "corpus.jsonl");
        var sentences = CorpusGenerator.Sentences(options.Samples);
        var written = CorpusGenerator.Write(corpus, options.Documents, sentences);
        log(string.Create(CultureInfo.InvariantCulture, $"corpus: {options.Documents} stories, about {written} sentences, from {sentences.Count} sample sentences -> {corpus}"));

        // Coding on one thread: sentences per second per core. Streams the corpus twice: the first pass runs while the
        // runtime is still compiling and re-optimizing (what a short run sees), the second is the steady state a long
        // run sees, the figure compared with the target (as benchmark harnesses measure after warm-up iterations).
        var pipeline = DyadPipeline.Default;
        foreach (var warm in DocumentReader.Read(corpus).Take(50))
            pipeline.Run(warm.Document!);
        for (var pass = 1; pass <= 2; pass++)
        {
            long coded = 0, mentions = 0;
            var (codeSeconds, codeCpu) = Measure(() =>
            {
                foreach (var result in DocumentReader.Read(corpus))
                {
                    var analysis = pipeline.Run(result.Document!);
                    coded += analysis.Sentences.Count;
                    mentions += analysis.Events.Count;
                }
            });
            var label = pass == 1 ? "first pass" : "steady state";
            figures.Add(new($"coding, 1 thread, {label} (wall)", coded / codeSeconds, "sentences/s", pass == 2 ? 20_000 : null));
            figures.Add(new($"coding, 1 thread, {label}, per CPU-second", coded / Math.Max(codeCpu, 1e-6), "sentences/CPU-s", pass == 2 ? 20_000 : null));
            log(string.Create(CultureInfo.InvariantCulture, $"coding ({label}): {coded} sentences, {mentions} event mentions in {codeSeconds:0.00} s"));
        }

        SyntaxBench.Run(corpus, figures, log);

        var sqlitePath = Path.Combine(options.Folder, "bench.db");
        DeleteSqlite(sqlitePath);
        Ingest("SQLite", () => EventStores.Open(sqlitePath), options, corpus, figures, log);
        var bulkPath = Path.Combine(options.Folder, "bench-1m.db");
        DeleteSqlite(bulkPath);
        Series("SQLite", () => EventStores.Open(bulkPath), options, figures, log);
        if (options.Postgres is { } pg)
        {
            var schema = new Npgsql.NpgsqlConnectionStringBuilder(PostgresEventStore.ToConnectionString(pg)) { SearchPath = "dyad_bench" }.ConnectionString;
            ResetSchema(pg, "dyad_bench");
            Ingest("PostgreSQL", () => EventStores.Open(schema), options, corpus, figures, log);
            ResetSchema(pg, "dyad_bench");
            Series("PostgreSQL", () => EventStores.Open(schema), options, figures, log);
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        figures.Add(new("peak memory (whole bench process)", self.PeakWorkingSet64 / 1048576.0, "MB", 300, HigherIsBetter: false));
        return figures;
    }

    private static void Ingest(string label, Func<SqlEventStore> open, BenchOptions options, string corpus, List<BenchFigure> figures, Action<string> log)
    {
        using (open())
        {
        }
        var ingester = new Ingester(open, DyadPipeline.Default, new IngestOptions { Jobs = options.Jobs, BatchSize = 256 });
        var summary = ingester.Run([corpus]);
        log(string.Create(CultureInfo.InvariantCulture,
            $"ingest {label}: {summary.Stored} documents, {summary.Sentences} sentences, {summary.Events} events in {summary.Elapsed.TotalSeconds:0.00} s ({summary.DocumentsPerSecond:0} documents/s, {options.Jobs} jobs); store transactions {summary.StoreTime.TotalSeconds:0.00} s"));
        figures.Add(new($"ingest into {label}, end to end (code + claim + store)", summary.Events / summary.Elapsed.TotalSeconds, "events/s"));

        // The store alone: documents coded beforehand (a bounded number, held in memory), then written in batches.
        var coded = new List<StoredDocument>();
        foreach (var result in DocumentReader.Read(corpus).Take(2000))
            coded.Add(StoredDocument.From(DyadPipeline.Default.Run(new Documents.Document("store-" + result.Document!.Id, result.Document.Text, result.Document.Published, result.Document.Origin))));
        using var store = open();
        long events = 0, rows = 0;
        var (wall, cpu) = Measure(() =>
        {
            foreach (var batch in coded.Chunk(256))
            {
                store.Store(batch, "bench");
                events += batch.Sum(d => d.EventCount);
                rows += batch.Sum(d => d.Rows.Values.Sum(r => r.Count));
            }
        });
        log(string.Create(CultureInfo.InvariantCulture, $"store only {label}: {coded.Count} documents, {events} events, {rows} rows in all tables in {wall:0.00} s wall, {cpu:0.00} s CPU"));
        figures.Add(new($"store into {label}, events/s (wall)", events / wall, "events/s", label == "SQLite" ? 50_000 : null));
        figures.Add(new($"store into {label}, events per CPU-second", events / Math.Max(cpu, 1e-6), "events/CPU-s", label == "SQLite" ? 50_000 : null));
        figures.Add(new($"store into {label}, rows/s of all tables (wall)", rows / wall, "rows/s"));
    }

    /// <summary>Wall and CPU seconds of an action: on a shared machine the CPU time is the fairer measure.</summary>
    private static (double Wall, double Cpu) Measure(Action action)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return (wall, (self.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Series(string label, Func<SqlEventStore> open, BenchOptions options, List<BenchFigure> figures, Action<string> log)
    {
        using var store = open();
        long n = 0;
        var (seconds, cpu) = Measure(() => n = store.BulkInsertEvents(CorpusGenerator.SyntheticEvents(options.Events), "bench:synthetic"));
        figures.Add(new($"bulk insert into {label} ({n} events, one transaction, wall)", n / seconds, "events/s", label == "SQLite" ? 50_000 : null));
        figures.Add(new($"bulk insert into {label}, events per CPU-second", n / Math.Max(cpu, 1e-6), "events/CPU-s", label == "SQLite" ? 50_000 : null));
        log(string.Create(CultureInfo.InvariantCulture, $"bulk {label}: {n} synthetic events in {seconds:0.00} s wall, {cpu:0.00} s CPU"));
        var clock = new Stopwatch();
        if (store is PostgresEventStore)
            store.ExecuteForTests("ANALYZE events");
        else
            store.ExecuteForTests("ANALYZE");
        for (var i = 0; i < 3; i++)
            store.DyadSeries("KAZ", "RUS");
        var times = new List<double>();
        IReadOnlyList<SeriesPoint> points = [];
        for (var i = 0; i < 20; i++)
        {
            clock.Restart();
            points = store.DyadSeries("KAZ", "RUS");
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        log(string.Create(CultureInfo.InvariantCulture, $"series {label}: KAZ-RUS, {points.Count} months, {points.Sum(p => p.Events)} events; median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms over 20 runs"));
        figures.Add(new($"dyad series KAZ-RUS over {n} events, {label} (median of 20)", times[times.Count / 2], "ms", 50, HigherIsBetter: false));
    }

    private static void DeleteSqlite(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(path + suffix))
                File.Delete(path + suffix);
        }
    }

    private static void ResetSchema(string connection, string schema)
    {
        using var c = new Npgsql.NpgsqlConnection(PostgresEventStore.ToConnectionString(connection));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}";
        cmd.ExecuteNonQuery();
    }
}
