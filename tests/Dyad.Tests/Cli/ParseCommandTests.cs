using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class ParseCommandTests
{
    private static readonly string Tiny = Path.Combine(AppContext.BaseDirectory, "Stages", "Syntax", "Data", "tiny.conllu");

    [Fact]
    public void RawTextBecomesCoNllUWithTextIdsAndOffsets()
    {
        const string text = "Russia’s envoy met Chinese officials. They didn't agree.";
        var result = DyadCli.RunWithInput(text, "parse", "-", "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("# text = Russia’s envoy met Chinese officials.", result.StdoutLines);
        Assert.Contains("# sent_id = stdin-2", result.StdoutLines);
        var words = result.StdoutLines.Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.All(words, w => Assert.Equal(10, w.Length));
        foreach (var w in words)
        {
            var range = w[9]["TokenRange=".Length..].Split(':').Select(int.Parse).ToArray();
            Assert.Equal(w[1], text[range[0]..range[1]]);
        }
        Assert.Equal(["They", "did", "n't", "agree", "."], words.Skip(7).Select(w => w[1]));
        Assert.Empty(result.StderrLines);
    }

    [Fact]
    public void PreTokenizedCoNllUKeepsItsWordsAndComments()
    {
        var result = DyadCli.Run("parse", "--input", "conllu", Tiny);
        Assert.Equal(0, result.ExitCode);
        var gold = File.ReadAllLines(Tiny).Where(l => l.Length > 0).ToList();
        var predicted = result.StdoutLines.ToList();
        Assert.Equal(gold.Count, predicted.Count);
        for (var i = 0; i < gold.Count; i++)
        {
            if (gold[i].StartsWith('#'))
                Assert.Equal(gold[i], predicted[i]);
            else
                Assert.Equal(gold[i].Split('\t')[..2], predicted[i].Split('\t')[..2]);
        }
        Assert.Contains(result.StderrLines, l => l.StartsWith("dyad: parsed 12 sentences", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFileIsNamedAndTheExitCodeIsOne()
    {
        var result = DyadCli.Run("parse", "--quiet", "no-such-file.txt");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.Contains("no-such-file.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenCoNllULineIsNamed()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.conllu", "# text = x\n1\tx\tx\n");
        var result = DyadCli.Run("parse", "--input", "conllu", "--quiet", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.Contains("bad.conllu: line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainSyntaxWritesAModelThatParseUses()
    {
        using var dir = new TempDir();
        var train = DyadCli.Run("train-syntax", "--train", Tiny, "--dev", Tiny, "--out", dir.Path, "--epochs", "3", "--folds", "1");
        Assert.Equal(0, train.ExitCode);
        Assert.Contains(train.StderrLines, l => l.Contains("parser epoch 3", StringComparison.Ordinal));
        var model = Path.Combine(dir.Path, "en.model");
        Assert.True(File.Exists(model));
        var parse = DyadCli.Run("parse", "--input", "conllu", "--model", model, "--quiet", Tiny);
        Assert.Equal(0, parse.ExitCode);
        Assert.NotEmpty(parse.StdoutLines);
    }

    [Fact]
    public void AModelFileThatIsNoModelIsAUsageError()
    {
        using var dir = new TempDir();
        var file = dir.File("fake.model", "not a model");
        var result = DyadCli.Run("parse", "--model", file, "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.Contains("fake.model", StringComparison.Ordinal));
    }

    [Fact]
    public void TrainSyntaxWithAMissingTreebankFailsWithItsName()
    {
        var result = DyadCli.Run("train-syntax", "--train", "nothing.conllu", "--dev", Tiny, "--out", Path.GetTempPath());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.StderrLines, l => l.Contains("nothing.conllu: no such file", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplainShowsTheDependencyTree()
    {
        var result = DyadCli.Run("explain", "Norway mediated talks with Colombia.");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("syntax of sentence 1:", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.Trim() == "root mediated (VERB)");
    }
}
