using System.CommandLine;
using System.Globalization;
using Dyad.Storage;
using Dyad.Storage.Bench;

namespace Dyad.Cli.Commands;

/// <summary>`dyad bench`: measures coding, ingest and query speed and peak memory against the project's targets.</summary>
public static class BenchCommand
{
    /// <summary>How to start this dyad again: the host and the assembly under `dotnet`, else the program itself.</summary>
    private static string SelfCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? $"{host} {typeof(BenchCommand).Assembly.Location}" : host;
    }

    public static Command Create()
    {
        var documents = new Option<int>("--documents") { Description = "Stories in the generated corpus", DefaultValueFactory = _ => 5000, HelpName = "N" };
        var events = new Option<long>("--events") { Description = "Synthetic events for the bulk-insert and series benchmark", DefaultValueFactory = _ => 1_000_000, HelpName = "N" };
        var samples = new Option<string>("--samples") { Description = "Folder of sample texts the corpus is made from", DefaultValueFactory = _ => "samples", HelpName = "DIR" };
        var pg = new Option<string?>("--pg") { Description = "Also benchmark PostgreSQL (connection string or URL; default: $DYAD_TEST_PG when set)", HelpName = "CONNECTION" };
        var folder = new Option<string>("--dir") { Description = "Working folder for the corpus and databases", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "dyad-bench"), HelpName = "DIR" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Coding threads during ingest", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
        var hostile = new Option<bool>("--hostile") { Description = "Instead: time and peak memory of code and ingest -j 1 on a 1 MB one-sentence line, a 10 MB line and a 31 MB document, against their bounds" };
        var command = new Command("bench", """
            Benchmark coding, ingest (SQLite, PostgreSQL), a dyad's series over 1M events, and peak memory.
            Example: dyad bench --documents 3000 --events 1000000
            """)
        {
            documents, events, samples, pg, folder, jobs, hostile,
        };
        command.SetAction(parse =>
        {
            var options = new BenchOptions
            {
                Documents = parse.GetValue(documents),
                Events = parse.GetValue(events),
                Samples = parse.GetValue(samples),
                Postgres = parse.GetValue(pg) ?? Environment.GetEnvironmentVariable("DYAD_TEST_PG"),
                Folder = parse.GetValue(folder)!,
                Jobs = parse.GetValue(jobs),
            };
            IReadOnlyList<BenchFigure> figures;
            try
            {
                figures = parse.GetValue(hostile)
                    ? HostileBench.Run(Path.Combine(options.Folder, "hostile"), SelfCommand(), line => Console.Error.WriteLine("dyad: " + line))
                    : Benchmark.Run(options, line => Console.Error.WriteLine("dyad: " + line));
            }
            catch (StoreException ex)
            {
                return StoreOptions.Fail(ex);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"figure",-68} {"value",12}  {"unit",-18} {"target",10}  met"));
            foreach (var f in figures)
            {
                var target = f.Target is { } t ? (f.HigherIsBetter ? "≥ " : "≤ ") + t.ToString("0", CultureInfo.InvariantCulture) : "";
                var met = f.Met switch { true => "yes", false => "NO", null => "" };
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Name,-68} {f.Value,12:0.0}  {f.Unit,-18} {target,10}  {met}"));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
