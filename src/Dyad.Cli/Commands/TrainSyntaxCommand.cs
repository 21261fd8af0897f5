using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dyad.Stages.Syntax;

namespace Dyad.Cli.Commands;

/// <summary>`dyad train-syntax --train FILE... --dev FILE --out DIR`: trains the tagger, lemmatizer and parser.</summary>
public static class TrainSyntaxCommand
{
    public const string ModelFile = "en.model";

    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Training treebanks (CoNLL-U)", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var dev = new Option<string>("--dev") { Description = "Development treebank (CoNLL-U): each component keeps its best epoch on it", Required = true };
        var output = new Option<string>("--out") { Description = $"Folder to write the model to (as {ModelFile})", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Parser epochs (the tagger trains for two thirds as many, at least 4)", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffling and exploration (same seed, same data: same model)", DefaultValueFactory = _ => 1 };
        var taggerEpochs = new Option<int?>("--tagger-epochs") { Description = "Tagger epochs (default: two thirds of --epochs, at least 4)" };
        var prune = new Option<float>("--prune") { Description = "Drop weights smaller than this from the saved model: smaller, faster to load and run, a little less accurate (0: keep all)", DefaultValueFactory = _ => 0.3f };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds for the parser's training tags (1: tag the training set with the final tagger)", DefaultValueFactory = _ => 4 };
        var command = new Command("train-syntax", "Train the part-of-speech tagger, lemmatizer and dependency parser on Universal Dependencies treebanks")
        {
            train, dev, output, epochs, taggerEpochs, seed, folds, prune,
        };
        command.SetAction(parse => Run(parse.GetValue(train)!, parse.GetValue(dev)!, parse.GetValue(output)!, parse.GetValue(epochs), parse.GetValue(taggerEpochs), parse.GetValue(seed), parse.GetValue(folds), parse.GetValue(prune)));
        return command;
    }

    private static int Run(string[] trainFiles, string devFile, string outDir, int epochs, int? taggerEpochs, int seed, int folds, float prune)
    {
        if (epochs < 0 || taggerEpochs < 1 || folds < 1 || prune < 0)
        {
            Console.Error.WriteLine("dyad: --epochs and --prune must be at least 0, --tagger-epochs and --folds at least 1");
            return ExitCodes.Usage;
        }
        var train = new List<ParsedSentence>();
        foreach (var file in trainFiles)
        {
            if (!TryRead(file, out var sentences))
                return ExitCodes.InputFailed;
            train.AddRange(sentences);
        }
        if (!TryRead(devFile, out var devSentences))
            return ExitCodes.InputFailed;
        if (train.Count == 0)
        {
            Console.Error.WriteLine("dyad: --train: no sentences in the training files");
            return ExitCodes.InputFailed;
        }
        var clock = Stopwatch.StartNew();
        var options = new SyntaxTrainingOptions
        {
            ParserEpochs = epochs,
            TaggerEpochs = taggerEpochs ?? Math.Max(4, epochs * 2 / 3),
            Seed = seed,
            Folds = folds,
            Description = string.Create(CultureInfo.InvariantCulture,
                $"trained on {string.Join(", ", trainFiles.Select(Path.GetFileName))} ({train.Count} sentences), dev {Path.GetFileName(devFile)}, {epochs} epochs, seed {seed}"),
        };
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, ModelFile);
        // The best model so far is written after each epoch that improves it, so a long run can be stopped early.
        var model = SyntaxTrainer.Train(train, devSentences, options,
            line => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: [{clock.Elapsed.TotalSeconds,6:0.0} s] {line}")),
            better => Save(better, path, prune));
        Save(model, path, prune);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:0.0} MB");
        return ExitCodes.Ok;
    }

    private static void Save(SyntaxModel model, string path, float prune)
    {
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
            (prune > 0 ? model.Pruned(prune) : model).Save(file);
        File.Move(temp, path, overwrite: true);
    }

    internal static bool TryRead(string path, out List<ParsedSentence> sentences)
    {
        sentences = [];
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"dyad: {path}: no such file");
            return false;
        }
        try
        {
            sentences = [.. Conllu.ReadFile(path).Select(Conllu.ToParsed).Where(s => s.Count > 0)];
            return true;
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"dyad: {path}: {ex.Message}");
            return false;
        }
    }
}
