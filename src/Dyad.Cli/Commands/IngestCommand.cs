using System.CommandLine;
using System.Globalization;
using Dyad.Documents.Readers;
using Dyad.Storage;
using Dyad.Storage.Ingest;

namespace Dyad.Cli.Commands;

/// <summary>`dyad ingest PATH... [--db DB] [--jobs N]`: codes documents and stores them with their events and facts.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively: .txt .md .html .jsonl) and JSON Lines story files; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = StoreOptions.Db();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents coded in parallel; the default is the number of cores", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var lease = new Option<double>("--lease") { Description = "Seconds a claim on a document holds before another worker may take it over", DefaultValueFactory = _ => 60, HelpName = "SECONDS" };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for documents that carry none", HelpName = "DATE" };
        var migrate = new Option<bool>("--migrate") { Description = "Upgrade a database of an older schema version first" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no summary on stderr" };
        var scope = new Option<string>("--id-scope")
        {
            Description = "What names a story: file (its file and its id, the default) or global (its id alone, whichever file holds it)",
            DefaultValueFactory = _ => "file",
            HelpName = "file|global",
        };
        scope.AcceptOnlyFromAmong("file", "global");
        var command = new Command("ingest", """
            Code documents and store their sentences, actors, events and facts (idempotent; several processes may share the work).
            Examples:
              dyad ingest samples/ more/stories.jsonl
              dyad ingest corpus/ --db "postgres://dyad:dyad@127.0.0.1/dyad" --jobs 4
            """)
        {
            paths, db, jobs, lease, date, migrate, quiet, scope,
        };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(db)!, parse.GetValue(jobs), parse.GetValue(lease),
            parse.GetValue(date), parse.GetValue(migrate), parse.GetValue(quiet), Enum.Parse<IdScope>(parse.GetValue(scope)!, ignoreCase: true)));
        return command;
    }

    /// <summary>The longest lease: a day. Longer ones would only keep a dead worker's documents from the others.</summary>
    private const double MaxLeaseSeconds = 86_400;

    private static int Run(string[] paths, string db, int jobs, double leaseSeconds, string? date, bool migrate, bool quiet, IdScope scope)
    {
        if (!DateOption.TryRead(date, out var published))
            return ExitCodes.Usage;
        if (jobs < 1 || jobs > 1024)
        {
            Console.Error.WriteLine($"dyad: --jobs {jobs}: want 1 to 1024");
            return ExitCodes.Usage;
        }
        if (!(leaseSeconds > 0 && leaseSeconds <= MaxLeaseSeconds))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: --lease {leaseSeconds}: want more than 0 and at most {MaxLeaseSeconds} seconds"));
            return ExitCodes.Usage;
        }
        // Open once up front: a database that is down, refuses us or has another schema fails before any work.
        using (var probe = StoreOptions.Open(db, migrate))
        {
            if (probe is null)
                return ExitCodes.StoreFailed;
        }
        var delay = int.TryParse(Environment.GetEnvironmentVariable("DYAD_INGEST_DELAY_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 0;
        var options = new IngestOptions
        {
            Jobs = jobs,
            Lease = TimeSpan.FromSeconds(leaseSeconds),
            Reader = new ReaderOptions { Published = published },
            DelayPerDocument = TimeSpan.FromMilliseconds(delay),
            ProgressEvery = Console.IsErrorRedirected ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(250),
            IdScope = scope,
        };
        var ingester = new Ingester(() => EventStores.Open(db), DyadPipeline.Default, options);
        var progressShown = false;
        void Say(ReadProblem problem)
        {
            if (progressShown && !Console.IsErrorRedirected)
                Console.Error.Write("\r\u001b[K");
            Console.Error.WriteLine($"dyad: {problem}");
        }
        ingester.Problem += Say;
        ingester.Duplicate += Say;
        if (!quiet)
        {
            ingester.Progress += p =>
            {
                progressShown = true;
                var line = ProgressLine(p);
                if (Console.IsErrorRedirected)
                    Console.Error.WriteLine(line);
                else
                    Console.Error.Write("\r\u001b[K" + line);
            };
        }
        IngestProgress summary;
        try
        {
            summary = ingester.Run(paths);
        }
        catch (StoreException ex)
        {
            if (progressShown && !Console.IsErrorRedirected)
                Console.Error.WriteLine();
            return StoreOptions.Fail(ex);
        }
        if (progressShown && !quiet && !Console.IsErrorRedirected)
            Console.Error.Write("\r\u001b[K");
        if (!quiet)
            Console.Error.WriteLine(SummaryLine(summary, db));
        return summary.Failed > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
    }

    internal static string ProgressLine(IngestProgress p)
    {
        var done = p.Stored + p.Unchanged + p.Failed + p.Superseded;
        var of = p.Total is { } total ? string.Create(CultureInfo.InvariantCulture, $"/{total} ({100.0 * done / Math.Max(total, 1):0}%)") : string.Empty;
        var left = p.Left is { } l ? $", {Duration(l)} left" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"dyad: {done}{of} documents, {p.DocumentsPerSecond:0} documents/s, {p.Events} events{left}");
    }

    internal static string SummaryLine(IngestProgress p, string db)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"dyad: done: {p.Stored} documents stored ({p.Inserted} new, {p.Replaced} replaced), {p.Unchanged} unchanged, {p.Failed} failed{(p.Superseded > 0 ? $", {p.Superseded} superseded by a later story of the same id" : "")}; {p.Sentences} sentences, {p.Events} events, {p.Facts} facts in {p.Elapsed.TotalSeconds:0.00} s ({p.DocumentsPerSecond:0} documents/s, peak memory {self.PeakWorkingSet64 / 1048576.0:0} MB) into {EventStores.Redact(db)}");
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.TotalMinutes >= 1 ? t.ToString(@"m\:ss", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0} s");
}
