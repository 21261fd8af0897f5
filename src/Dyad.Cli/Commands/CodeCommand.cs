using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Documents.Readers;
using Dyad.Coding;
using Dyad.Output;
using Dyad.Pipeline;
using Dyad.Stages.Events;

namespace Dyad.Cli.Commands;

/// <summary>`dyad code FILE...`: codes documents and writes one line per event mention to stdout.</summary>
public static class CodeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Documents to code: .txt, .md, .html, or .jsonl stories ({\"id\",\"date\",\"text\"} per line); - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: jsonl (events and facts, one JSON object per line) or tsv",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "jsonl|tsv",
        };
        format.AcceptOnlyFromAmong("jsonl", "tsv");
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for documents that carry none", HelpName = "DATE" };
        var input = new Option<string>("--input-format")
        {
            Description = "How to read the inputs: auto (by extension), text, markdown, html, jsonl",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|text|markdown|html|jsonl",
        };
        input.AcceptOnlyFromAmong("auto", "text", "markdown", "html", "jsonl");
        var excel = new Option<bool>("--excel") { Description = "With --format tsv, for spreadsheets: a UTF-8 byte order mark, and cells that start with = + - @ guarded by a leading '" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line on stderr" };
        var events = new Option<bool>("--events") { Description = "One line per event (mentions of one real event merged) with its mention count, instead of one per mention" };
        var patterns = new Option<string?>("--patterns") { Description = "A user pattern file (TSV, the format of Stages/Events/Data/patterns.tsv) that adds to or overrides the built-in patterns", HelpName = "FILE" };
        var verbs = new Option<string?>("--verbs") { Description = "A PETRARCH-2 / TABARI verb dictionary (e.g. CAMEO.2.0.txt) whose patterns are added after the built-in ones", HelpName = "FILE" };
        var goldstein = new Option<string>("--goldstein") { Description = "Which published Goldstein values to write", DefaultValueFactory = _ => "gdelt", HelpName = "gdelt|phoenix" };
        goldstein.AcceptOnlyFromAmong("gdelt", "phoenix");
        var reciprocal = new Option<bool>("--reciprocal") { Description = "Write symmetric acts (sign, meet, agree…) once per direction, as the CAMEO manual codes reciprocal events, instead of once per pair" };
        var quads = new Option<string>("--quads") { Description = "Which quad class grouping to write", DefaultValueFactory = _ => "common", HelpName = "common|gdelt|phoenix" };
        quads.AcceptOnlyFromAmong("common", "gdelt", "phoenix");
        var command = new Command("code", """
            Code documents into events (and facts) as JSON Lines or TSV on stdout.
            Examples:
              dyad code samples/* > events.jsonl
              dyad code brief.txt --date 2014-05-29 --format tsv --excel > events.tsv
              cat stories.jsonl | dyad code - --input-format jsonl --events
            """)
        {
            files, format, date, input, quiet, events, patterns, verbs, goldstein, quads, reciprocal, excel,
        };
        command.SetAction(parse => Run(
            parse.GetValue(files)!,
            parse.GetValue(format)!,
            parse.GetValue(date),
            parse.GetValue(input)!,
            parse.GetValue(quiet),
            new CodeSettings(parse.GetValue(events), parse.GetValue(patterns), parse.GetValue(verbs), Enum.Parse<GoldsteinScheme>(parse.GetValue(goldstein)!, ignoreCase: true), Enum.Parse<QuadScheme>(parse.GetValue(quads)!, ignoreCase: true), parse.GetValue(reciprocal), parse.GetValue(excel))));
        return command;
    }

    /// <summary>The options of `code` that change coding and output rather than input.</summary>
    private sealed record CodeSettings(bool Events, string? Patterns, string? Verbs, GoldsteinScheme Goldstein, QuadScheme Quads, bool Reciprocal, bool Excel);

    /// <summary>The default pipeline, or one whose event coder also uses a verb dictionary and/or a user pattern file.</summary>
    internal static bool TryBuildPipeline(string? patternFile, out Pipeline.Pipeline pipeline) => TryBuildPipeline(patternFile, null, out pipeline);

    /// <summary>The default pipeline, or one whose event coder also uses a verb dictionary and/or a user pattern file.</summary>
    internal static bool TryBuildPipeline(string? patternFile, string? verbsFile, out Pipeline.Pipeline pipeline)
    {
        pipeline = DyadPipeline.Default;
        if (patternFile is null && verbsFile is null)
            return true;
        foreach (var (option, file) in new[] { ("--patterns", patternFile), ("--verbs", verbsFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                Console.Error.WriteLine($"dyad: {option} '{file}': no such file");
                return false;
            }
        }
        var table = PatternTable.Load(patternFile, verbsFile, out var problems);
        foreach (var problem in problems)
            Console.Error.WriteLine($"dyad: {problem}");
        if (problems.Count > 0)
        {
            // A bad row in the user's own pattern file is a configuration error: coding without it would
            // silently give other events than the user asked for.
            Console.Error.WriteLine($"dyad: {(patternFile is null ? "--verbs '" + verbsFile : "--patterns '" + patternFile)}': {problems.Count} bad rows; nothing was coded");
            return false;
        }
        pipeline = new PipelineBuilder().UseDefaults().UseEvents(new EventCoderOptions { Patterns = table }).Build();
        return true;
    }

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    /// <summary>A progress line: rewritten in place on a terminal, a plain line when stderr is a file or pipe.</summary>
    private static void Progress(int documents, int sentences, int events, double seconds)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"dyad: {documents} documents, {sentences} sentences, {events} event mentions, {sentences / Math.Max(seconds, 1e-6):0} sentences/s");
        if (Console.IsErrorRedirected)
            Console.Error.WriteLine(line);
        else
            Console.Error.Write("\r" + line);
    }

    private static double PeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1048576.0;
    }

    private static int Run(string[] files, string format, string? date, string inputFormat, bool quiet, CodeSettings settings)
    {
        if (!DateOption.TryRead(date, out var published))
            return ExitCodes.Usage;
        if (settings.Excel && format != "tsv")
        {
            Console.Error.WriteLine("dyad: --excel applies to --format tsv");
            return ExitCodes.Usage;
        }
        var options = new ReaderOptions { Published = published, Format = Enum.Parse<InputFormat>(inputFormat.Replace("jsonl", "JsonLines", StringComparison.Ordinal), ignoreCase: true) };
        if (!TryBuildPipeline(settings.Patterns, settings.Verbs, out var pipeline))
            return ExitCodes.Usage;
        var output = new OutputOptions { Goldstein = settings.Goldstein, Quads = settings.Quads, EventsOnly = settings.Events, Reciprocal = settings.Reciprocal };
        var clock = Stopwatch.StartNew();
        int documents = 0, sentences = 0, events = 0, failed = 0;
        var lastReport = TimeSpan.Zero;
        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        using var coder = new DocumentOutput(pipeline, format, output) { Spreadsheet = settings.Excel };
        foreach (var file in files)
        {
            foreach (var result in DocumentReader.Read(file, options))
            {
                if (result.Problem is { } problem)
                {
                    failed++;
                    Console.Error.WriteLine($"dyad: {problem}");
                    continue;
                }
                // Each document is coded and written inside its own guard: whatever it holds, the others are coded.
                if (!coder.TryWrite(result.Document!, buffered, out var analysis, out var failure))
                {
                    failed++;
                    Console.Error.WriteLine($"dyad: {new ReadProblem(result.Document!.Origin, failure!)}");
                    continue;
                }
                foreach (var diagnostic in analysis!.Diagnostics.Where(d => d.Severity == Pipeline.Severity.Error))
                    Console.Error.WriteLine($"dyad: {new ReadProblem(result.Document!.Origin, $"{diagnostic.Stage}: {diagnostic.Message}")}");
                documents++;
                sentences += analysis.Sentences.Count;
                events += analysis.Events.Count;
                if (!quiet && clock.Elapsed - lastReport > ReportEvery)
                {
                    lastReport = clock.Elapsed;
                    Progress(documents, sentences, events, clock.Elapsed.TotalSeconds);
                }
            }
        }
        if (!quiet && lastReport > TimeSpan.Zero && !Console.IsErrorRedirected)
            Console.Error.WriteLine();
        buffered.Flush();
        if (!quiet)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad: done: {documents} documents, {sentences} sentences, {events} event mentions in {seconds:0.00} s (peak memory {PeakMegabytes():0} MB){(failed > 0 ? $"; {failed} inputs failed" : string.Empty)}"));
        }
        if (coder.FactsLeftOut > 0 && !quiet)
            Console.Error.WriteLine($"dyad: {coder.FactsLeftOut} facts are not in the TSV, which holds events (--format jsonl has both)");
        if (documents == 0 && failed == 0)
            Console.Error.WriteLine("dyad: no documents were read");
        return failed > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
