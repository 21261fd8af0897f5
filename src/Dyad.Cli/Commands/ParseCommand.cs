using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Documents.Readers;
using Dyad.Pipeline;
using Dyad.Stages.Sentences;
using Dyad.Stages.Syntax;

namespace Dyad.Cli.Commands;

/// <summary>`dyad parse FILE...`: UD tokens, tags, lemmas and dependency trees as CoNLL-U on stdout.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Texts to parse (.txt, .md, .html, .jsonl stories), or CoNLL-U with --input conllu; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var input = new Option<string>("--input") { Description = "text: split raw text into sentences and words; conllu: keep the words of a CoNLL-U file and predict the rest", DefaultValueFactory = _ => "text" };
        input.AcceptOnlyFromAmong("text", "conllu");
        var model = new Option<string?>("--model") { Description = "A model file written by train-syntax instead of the built-in one" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No summary line (sentences, words, speed, model load time) on stderr" };
        var command = new Command("parse", "Tag, lemmatize and parse texts into Universal Dependencies trees (CoNLL-U on stdout, word offsets as TokenRange in MISC)")
        {
            files, input, model, quiet,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(input) == "conllu", parse.GetValue(model), parse.GetValue(quiet)));
        return command;
    }

    private static int Run(string[] files, bool conllu, string? modelPath, bool quiet)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!TryModel(modelPath, out var model))
            return ExitCodes.Usage;
        var load = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var status = ExitCodes.Ok;
        var counts = new Counts();
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        foreach (var file in files)
        {
            var ok = conllu ? ParseConllu(file, model, stdout, counts) : ParseText(file, model, stdout, counts);
            if (!ok)
                status = ExitCodes.InputFailed;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (!quiet)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad: parsed {counts.Sentences} sentences, {counts.Words} words in {seconds:0.00} s ({counts.Sentences / Math.Max(seconds, 1e-6):0} sentences/s, reading and writing included); model loaded in {load:0.00} s"));
        }
        return status;
    }

    private sealed class Counts
    {
        public long Sentences;
        public long Words;
    }

    internal static bool TryModel(string? path, out SyntaxModel model)
    {
        model = null!;
        try
        {
            model = path is null ? SyntaxModel.Default : SyntaxModel.Load(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"dyad: --model '{path ?? "built-in"}': {ex.Message}");
            return false;
        }
    }

    private static bool ParseText(string file, SyntaxModel model, TextWriter output, Counts counts)
    {
        var pipeline = new PipelineBuilder().UseSentences().UseSyntax(model).Build();
        var ok = true;
        foreach (var read in DocumentReader.Read(file))
        {
            if (read.Problem is { } problem)
            {
                Console.Error.WriteLine($"dyad: {problem}");
                ok = false;
                continue;
            }
            var analysis = pipeline.Run(read.Document!);
            output.Write($"# newdoc id = {read.Document!.Id}\n");
            for (var i = 0; i < analysis.Syntax.Count; i++)
            {
                var parsed = analysis.Syntax[i];
                if (parsed.Count == 0)
                    continue;
                counts.Sentences++;
                counts.Words += parsed.Count;
                var id = string.Create(CultureInfo.InvariantCulture, $"{read.Document.Id}-{i + 1}");
                Conllu.Write(output, Conllu.FromParsed(parsed, id, analysis.Sentences[i].Text, offsets: true));
            }
        }
        output.Flush();
        return ok;
    }

    private static bool ParseConllu(string file, SyntaxModel model, TextWriter output, Counts counts)
    {
        TextReader reader;
        try
        {
            reader = file == "-" ? Console.In : new StreamReader(file, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"dyad: {file}: {(ex is FileNotFoundException or DirectoryNotFoundException ? ReadMessages.NotFound : ex.Message)}");
            return false;
        }
        using (reader)
        {
            try
            {
                foreach (var sentence in Conllu.Read(reader))
                {
                    var forms = sentence.Words.Select(w => UdTokenizer.Normalize(w.Form)).ToList();
                    counts.Sentences++;
                    counts.Words += forms.Count;
                    Conllu.Write(output, Conllu.WithPrediction(sentence, model.Parse(forms)));
                }
            }
            catch (FormatException ex)
            {
                output.Flush();
                Console.Error.WriteLine($"dyad: {file}: {ex.Message}");
                return false;
            }
        }
        output.Flush();
        return true;
    }
}
