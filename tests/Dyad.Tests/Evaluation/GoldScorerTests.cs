using Dyad.Tests.Support;

namespace Dyad.Tests.Evaluation;

/// <summary>`dyad eval` prints what the reference scorer printed for the same files (recorded in Data/eval).</summary>
public class GoldScorerTests
{
    [Theory]
    [InlineData("steppe-brief.expected.txt")]
    [InlineData("steppe-brief.expected-details.txt", "--details")]
    [InlineData("steppe-brief.expected-any-root.txt", "--any-root")]
    [InlineData("steppe-brief.expected-json.txt", "--json")]
    public void EvalPrintsWhatTheReferenceScorerPrinted(string expectedFile, params string[] flags)
    {
        var result = DyadCli.Run([
            "eval", DyadCli.Data("eval", "steppe-brief.txt"),
            "--gold", DyadCli.Data("eval", "steppe-brief.gold.jsonl"),
            "--predictions", DyadCli.Data("eval", "steppe-brief.pred.jsonl"), .. flags]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(DyadCli.Data("eval", expectedFile)).TrimEnd(), result.Stdout.TrimEnd());
    }

    [Fact]
    public void EvalCodesTheDocumentWhenNoPredictionsAreGiven()
    {
        var result = DyadCli.Run("eval", DyadCli.Data("eval", "steppe-brief.txt"), "--gold", DyadCli.Data("eval", "steppe-brief.gold.jsonl"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("gold dyads 4 required", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.StartsWith("F1 ", result.StdoutLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8125, 3, "0.812")]
    [InlineData(0.8135, 3, "0.814")]
    [InlineData(62.5, 0, "62")]
    [InlineData(63.5, 0, "64")]
    [InlineData(2.0 / 3, 3, "0.667")]
    public void NumbersAreRoundedAsThePythonScorerRoundsThem(double value, int digits, string expected) =>
        Assert.Equal(expected, Dyad.Evaluation.GoldScorer.Fixed(value, digits));

    [Fact]
    public void AGoldFileThatIsMissingIsAOneLineError()
    {
        var result = DyadCli.Run("eval", DyadCli.Data("eval", "steppe-brief.txt"), "--gold", "/no/such/gold.jsonl");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("dyad: /no/such/gold.jsonl: no such file or directory", Assert.Single(result.StderrLines));
    }
}
