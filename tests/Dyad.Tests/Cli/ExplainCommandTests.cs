using System.Text.Json;
using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class ExplainCommandTests
{
    [Fact]
    public void ExplainShowsActorsClausesTriggerPatternAndTheEvent()
    {
        var result = DyadCli.Run("explain", "Norway sought to mediate between Colombia and Venezuela in 2015.");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.Contains("actor mention", StringComparison.Ordinal) && l.Contains("NOR", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("clause", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("pattern mediate", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("event NOR -> COL 039", StringComparison.Ordinal));
    }

    [Fact]
    public void ExplainSaysWhyANegatedActIsNoEvent()
    {
        var result = DyadCli.Run("explain", "Finland has never criticized Sweden.");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.Contains("negated by 'never'", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Trim() == "no events");
    }

    [Fact]
    public void CodeEventsPrintsOneLinePerEventWithItsMentionCount()
    {
        using var dir = new TempDir();
        var file = dir.File("twice.txt", "Armenia, Georgia and Azerbaijan signed a transit treaty in 2009.\n\nIn 2009, Armenia, Georgia and Azerbaijan signed a treaty on transit.\n");
        var result = DyadCli.Run("code", "--events", file);
        Assert.Equal(0, result.ExitCode);
        var events = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("type").GetString() == "event").ToList();
        var one = Assert.Single(events);
        Assert.Equal(6, one.GetProperty("mentions").GetInt32());
    }

    [Fact]
    public void CodePatternsAddsAUserPattern()
    {
        using var dir = new TempDir();
        var patterns = dir.File("mine.tsv", "applaud-x\tV\tapplaud\t051\tdir\t0\t\t\tour verb\n");
        var text = dir.File("s.txt", "Chile applauded Peru on Monday.\n");
        var result = DyadCli.Run("code", "--patterns", patterns, text);
        Assert.Equal(0, result.ExitCode);
        var e = JsonDocument.Parse(Assert.Single(result.StdoutLines, l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal("051", e.GetProperty("code").GetString());
        Assert.Equal("events.applaud-x", e.GetProperty("rule").GetString());
    }

    [Fact]
    public void APatternFileWithAnUnknownCodeStopsTheRunBeforeCoding()
    {
        using var dir = new TempDir();
        var patterns = dir.File("mine.tsv", "applaud-x\tV\tapplaud\t999\tdir\t0\t\t\tnot a CAMEO code\n");
        var text = dir.File("s.txt", "Chile applauded Peru on Monday.\n");
        var result = DyadCli.Run("code", "--patterns", patterns, text);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StdoutLines);
        Assert.Contains(result.StderrLines, l => l.Contains("'999' is not a CAMEO code", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, l => l.EndsWith("nothing was coded", StringComparison.Ordinal));
    }

    [Fact]
    public void CodeAcceptsTheGoldsteinAndQuadSchemes()
    {
        using var dir = new TempDir();
        var text = dir.File("s.txt", "Mongolia and Japan signed a fisheries agreement in 2011.\n");
        var result = DyadCli.Run("code", "--goldstein", "phoenix", "--quads", "gdelt", text);
        Assert.Equal(0, result.ExitCode);
        var e = JsonDocument.Parse(Assert.Single(result.StdoutLines, l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(2, e.GetProperty("quad").GetInt32());
        Assert.Equal(8.0, e.GetProperty("goldstein").GetDouble());
    }
}
