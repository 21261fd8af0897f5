using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class ProgramTests
{
    [Theory]
    [InlineData("code", "--format", "xml", "x")]
    [InlineData("code")]
    [InlineData("no-such-verb")]
    [InlineData("ingest", "x", "--jobs", "many")]
    public void AWrongCommandLineExitsWithTwoAndSaysWhereTheUsageIs(params string[] args)
    {
        var result = DyadCli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.All(result.StderrLines, l => Assert.StartsWith("dyad: ", l, StringComparison.Ordinal));
        Assert.Contains("--help`", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void HelpIsNoError() => Assert.Equal(0, DyadCli.Run("code", "--help").ExitCode);

    [Fact]
    public void OneBadRecordNeverStopsTheRun()
    {
        const string stories = "{\"id\":\"s1\",\"text\":\"Egypt met Israel \\ud800 in Cairo.\"}\n{\"id\":\"\",\"text\":\"Egypt met Israel.\"}\n{\"id\":\"s3\",\"text\":\"France condemned Germany.\"}\n";
        var result = DyadCli.RunWithInput(stories, "code", "-", "-q");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.StderrLines.Length);
        Assert.StartsWith("dyad: -:1: malformed JSON Lines record: a string holds a lone surrogate", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("dyad: -:2: malformed JSON Lines record: empty \"id\"", result.StderrLines[1]);
        Assert.Contains("\"doc\":\"s3\"", result.Stdout, StringComparison.Ordinal);
    }
}
