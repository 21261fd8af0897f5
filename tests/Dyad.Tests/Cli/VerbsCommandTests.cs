using System.Text.Json;
using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public sealed class VerbsCommandTests
{
    private const string Dictionary = "---  PENALIZE   [---]  ---\nPENALIZE\n- * &NOPE                  [163]\n- * BLOCKADE (ON +)          [163]\n";

    [Fact]
    public void CodeVerbsAddsTheDictionaryPatterns()
    {
        using var dir = new TempDir();
        var verbs = dir.File("mine.verbs.txt", Dictionary);
        var text = dir.File("s.txt", "Norway penalized Chile with a blockade on Tuesday.\n");
        var result = DyadCli.Run("code", "--verbs", verbs, text);
        Assert.Equal(0, result.ExitCode);
        var e = JsonDocument.Parse(Assert.Single(result.StdoutLines, l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal("163", e.GetProperty("code").GetString());
        Assert.StartsWith("events.penalize.", e.GetProperty("rule").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingVerbDictionaryIsAUsageError()
    {
        using var dir = new TempDir();
        var text = dir.File("s.txt", "Norway penalized Chile.\n");
        var result = DyadCli.Run("code", "--verbs", "/no/such.verbs", text);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dyad: --verbs '/no/such.verbs': no such file", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void VerbsWritesTheConvertedRowsAndCountsWhatItLeftOut()
    {
        using var dir = new TempDir();
        var verbs = dir.File("mine.verbs.txt", Dictionary);
        var result = DyadCli.Run("verbs", verbs);
        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(result.StdoutLines).Split('\t');
        Assert.Equal(("163", "on", "blockade|blockades"), (row[3], row[5], row[6]));
        Assert.EndsWith("1 pattern rows; 1 entries Dyad cannot express were left out", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
