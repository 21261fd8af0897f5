using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Documents.Readers;
using Dyad.Pipeline;
using Dyad.Stages.Actors;
using Dyad.Stages.Sentences;
using Dyad.Stages.Story;
using Dyad.Stages.Tokens;

namespace Dyad.Cli.Commands;

/// <summary>`dyad actors "TEXT"`: shows every actor the recognizer finds, with its code, entry and rule.</summary>
public static class ActorsCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The text to read (or use --file)", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read a document (.txt, .md, .html, .jsonl stories) instead of TEXT", HelpName = "FILE" };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD): people resolve by it when a sentence names no year", HelpName = "DATE" };
        var actors = new Option<string[]>("--actors") { Description = "Add or override actors: our TSV or JSON, or a TABARI/PETRARCH .actors/.agents file (repeatable)", AllowMultipleArgumentsPerToken = false, HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "One JSON object per mention" };
        var only = new Option<bool>("--only-these-actors") { Description = "Use only the --actors files, not the embedded dictionary" };
        var stats = new Option<bool>("--stats") { Description = "Print dictionary sizes, load time and memory to stderr" };
        var command = new Command("actors", """
            Explain which actors are recognized: span, text, code, name, role, entry, rule, confidence.
            Example: dyad actors "Kazakh President Tokayev met Putin in Moscow." --date 2022-10-14
            """)
        {
            text, file, date, actors, json, stats, only,
        };
        command.SetAction(parse => Run(parse.GetValue(text), parse.GetValue(file), parse.GetValue(date), parse.GetValue(actors) ?? [], parse.GetValue(json), parse.GetValue(stats), parse.GetValue(only)));
        return command;
    }

    private static int Run(string? text, string? file, string? date, string[] actorFiles, bool json, bool stats, bool only)
    {
        if (!DateOption.TryRead(date, out var published))
            return ExitCodes.Usage;
        if (text is null && file is null && !stats)
        {
            Console.Error.WriteLine("dyad: actors: give TEXT or --file");
            return ExitCodes.Usage;
        }
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        ActorDictionary dictionary;
        try
        {
            dictionary = actorFiles.Length == 0 ? ActorDictionary.Default : ActorDictionary.Load(actorFiles, problems, embedded: !only);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"dyad: --actors: {ex.Message}");
            return ExitCodes.InputFailed;
        }
        var loaded = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var p in problems.Take(20))
            Console.Error.WriteLine($"dyad: {p}");
        if (stats)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad: actors: {dictionary.Count} phrases, {dictionary.AgentCount} agent phrases, {dictionary.PersonCount} people, {dictionary.OfficeCount} terms; embedded data loaded in {dictionary.LoadTime.TotalMilliseconds:0} ms (all files {loaded.TotalMilliseconds:0} ms incl. first use); managed heap +{(after - before) / 1048576.0:0.0} MB"));
        }
        var pipeline = new PipelineBuilder().UseSentences().UseTokens().UseActors(dictionary).UseReferences().Build();
        var documents = new List<Document>();
        if (text is not null)
            documents.Add(new Document("text", text, published));
        if (file is not null)
        {
            foreach (var result in DocumentReader.Read(file, new ReaderOptions { Published = published }))
            {
                if (result.Problem is { } problem)
                {
                    Console.Error.WriteLine($"dyad: {problem}");
                    return ExitCodes.InputFailed;
                }
                documents.Add(result.Document!);
            }
        }
        using var stdout = new StreamWriter(Console.OpenStandardOutput());
        foreach (var document in documents)
        {
            var analysis = pipeline.Run(document);
            foreach (var diagnostic in analysis.Diagnostics)
                Console.Error.WriteLine($"dyad: {document.Origin}: {diagnostic.Stage}: {diagnostic.Message}");
            if (!json && analysis.Actors.Count > 0)
                stdout.WriteLine("span\ttext\tcode\tname\tkind\trole\tentry\trule\tconfidence");
            foreach (var m in analysis.Actors)
            {
                if (json)
                {
                    stdout.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                    {
                        ["doc"] = document.Id,
                        ["sentence"] = m.Sentence,
                        ["span"] = new[] { m.Span.Start, m.Span.End },
                        ["sentence_span"] = new[] { analysis.Sentences[m.Sentence].Span.Start, analysis.Sentences[m.Sentence].Span.End },
                        ["text"] = m.Text,
                        ["code"] = m.Code.Value,
                        ["name"] = m.Name,
                        ["kind"] = m.Kind,
                        ["role"] = m.Role.ToString().ToLowerInvariant(),
                        ["entry"] = m.Entry,
                        ["rule"] = m.Rule,
                        ["confidence"] = Math.Round(m.Confidence, 2),
                        ["antecedents"] = m.Antecedents.Select(a => a.Text).ToArray(),
                        ["antecedent_spans"] = m.Antecedents.Select(a => new[] { a.Span.Start, a.Span.End }).ToArray(),
                    }));
                }
                else
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{m.Span.Start}-{m.Span.End}\t{m.Text}\t{m.Code}\t{m.Name}\t{m.Kind}\t{m.Role.ToString().ToLowerInvariant()}\t{m.Entry}\t{m.Rule}\t{m.Confidence:0.00}{Chain(m)}"));
                }
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>A reference's antecedents, as a last column: "\t-> Nigeria@373-380".</summary>
    private static string Chain(ActorMention m) =>
        m.Antecedents.Count == 0 ? string.Empty : "\t-> " + string.Join(", ", m.Antecedents.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Text}@{a.Span.Start}-{a.Span.End}")));
}
