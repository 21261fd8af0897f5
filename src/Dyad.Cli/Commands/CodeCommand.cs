using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Documents.Readers;
using Dyad.Output;

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
        };
        format.AcceptOnlyFromAmong("jsonl", "tsv");
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD) for documents that carry none" };
        var input = new Option<string>("--input-format")
        {
            Description = "How to read the inputs: auto (by extension), text, markdown, html, jsonl",
            DefaultValueFactory = _ => "auto",
        };
        input.AcceptOnlyFromAmong("auto", "text", "markdown", "html", "jsonl");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line on stderr" };
        var command = new Command("code", "Code documents into events (and facts) as JSON Lines or TSV on stdout")
        {
            files, format, date, input, quiet,
        };
        command.SetAction(parse => Run(
            parse.GetValue(files)!,
            parse.GetValue(format)!,
            parse.GetValue(date),
            parse.GetValue(input)!,
            parse.GetValue(quiet)));
        return command;
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

    private static int Run(string[] files, string format, string? date, string inputFormat, bool quiet)
    {
        DateOnly? published = null;
        if (date is not null)
        {
            if (!DocumentReader.TryParseStoryDate(date, out var d))
            {
                Console.Error.WriteLine($"dyad: --date '{date}': not a date (want YYYY-MM-DD)");
                return ExitCodes.Usage;
            }
            published = d;
        }
        var options = new ReaderOptions { Published = published, Format = Enum.Parse<InputFormat>(inputFormat.Replace("jsonl", "JsonLines", StringComparison.Ordinal), ignoreCase: true) };
        var pipeline = DyadPipeline.Default;
        var clock = Stopwatch.StartNew();
        int documents = 0, sentences = 0, events = 0, failed = 0;
        var lastReport = TimeSpan.Zero;
        using var stdout = Console.OpenStandardOutput();
        using var buffered = new BufferedStream(stdout, 1 << 16);
        using var json = format == "jsonl" ? new EventJsonWriter(buffered) : null;
        using var text = format == "tsv" ? new StreamWriter(buffered, leaveOpen: true) : null;
        var tsv = text is null ? null : new EventTsvWriter(text);
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
                var analysis = pipeline.Run(result.Document!);
                foreach (var diagnostic in analysis.Diagnostics.Where(d => d.Severity == Pipeline.Severity.Error))
                    Console.Error.WriteLine($"dyad: {result.Document!.Origin}: {diagnostic.Stage}: {diagnostic.Message}");
                json?.Write(analysis);
                tsv?.Write(analysis);
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
        text?.Flush();
        buffered.Flush();
        if (!quiet)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad: done: {documents} documents, {sentences} sentences, {events} event mentions in {seconds:0.00} s{(failed > 0 ? $"; {failed} inputs failed" : string.Empty)}"));
        }
        if (documents == 0 && failed == 0)
            Console.Error.WriteLine("dyad: no documents were read");
        return failed > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
