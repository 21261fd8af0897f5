using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Dyad.Documents.Readers;
using Dyad.Evaluation;
using Dyad.Output;

namespace Dyad.Cli.Commands;

/// <summary>`dyad eval --gold GOLD.jsonl DOC`: codes a document and scores it against a gold file.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var doc = new Argument<string>("document") { Description = "The document the gold file annotates" };
        var gold = new Option<string>("--gold") { Description = "Gold file (JSON Lines, the format of the dev gold)", Required = true, HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions") { Description = "Score this JSON Lines file instead of coding the document", HelpName = "FILE" };
        var details = new Option<bool>("--details") { Description = "Print each false positive and each miss" };
        var anyRoot = new Option<bool>("--any-root") { Description = "Accept any event root (measures actors and sentences only)" };
        var asJson = new Option<bool>("--json") { Description = "Print the counts as one JSON object" };
        var date = new Option<string?>("--date") { Description = "Publication date of the document (YYYY-MM-DD)", HelpName = "DATE" };
        var command = new Command("eval", """
            Score the coder against a gold file; prints precision, recall, F1, date and amount accuracy.
            Example: dyad eval doc.txt --gold doc.gold.jsonl --details
            """)
        {
            doc, gold, predictions, details, anyRoot, asJson, date,
        };
        command.SetAction(parse => Run(parse.GetValue(doc)!, parse.GetValue(gold)!, parse.GetValue(predictions), parse.GetValue(details), parse.GetValue(anyRoot), parse.GetValue(asJson), parse.GetValue(date)));
        return command;
    }

    private static int Run(string docPath, string goldPath, string? predictionsPath, bool details, bool anyRoot, bool asJson, string? date)
    {
        if (!DateOption.TryRead(date, out var published))
            return ExitCodes.Usage;
        var read = DocumentReader.Read(docPath, new ReaderOptions { Published = published, Format = InputFormat.Text }).First();
        if (read.Problem is { } problem)
        {
            Console.Error.WriteLine($"dyad: {problem}");
            return ExitCodes.InputFailed;
        }
        List<JsonObject> goldLines, predLines;
        try
        {
            if (!File.Exists(goldPath))
            {
                Console.Error.WriteLine($"dyad: {goldPath}: {ReadMessages.NotFound}");
                return ExitCodes.InputFailed;
            }
            goldLines = GoldScorer.ReadJsonLines(goldPath);
            if (predictionsPath is not null)
            {
                if (!File.Exists(predictionsPath))
                {
                    Console.Error.WriteLine($"dyad: {predictionsPath}: {ReadMessages.NotFound}");
                    return ExitCodes.InputFailed;
                }
                predLines = GoldScorer.ReadJsonLines(predictionsPath);
            }
            else
            {
                var analysis = DyadPipeline.Default.Run(read.Document!);
                using var buffer = new MemoryStream();
                using (var writer = new EventJsonWriter(buffer))
                    writer.Write(analysis);
                predLines = [.. Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!)];
            }
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"dyad: {ex.Message}");
            return ExitCodes.InputFailed;
        }
        try
        {
            var (counts, misses) = GoldScorer.Score(read.Document!.Text, goldLines, predLines, new ScoreOptions(anyRoot));
            if (details)
                Console.WriteLine(string.Join('\n', misses));
            Console.WriteLine(asJson ? GoldScorer.Json(counts) : GoldScorer.Summary(counts));
            return ExitCodes.Ok;
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"dyad: {goldPath}: {ex.Message}");
            return ExitCodes.InputFailed;
        }
    }
}
