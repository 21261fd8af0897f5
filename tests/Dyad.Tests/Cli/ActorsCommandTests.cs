using System.Text.Json;
using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class ActorsCommandTests
{
    [Fact]
    public void ActorsPrintsATableWithTheEntryAndRule()
    {
        var result = DyadCli.Run("actors", "Talks in Almaty: Nazarbayev met Putin.", "--date", "2010-05-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("span\ttext\tcode\tname\tkind\trole\tentry\trule\tconfidence", result.StdoutLines[0]);
        Assert.Contains(result.StdoutLines, l => l.Contains("Almaty\tKAZ\tKazakhstan\tstate\tlocation", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.Contains("Putin\tRUSGOV\tVladimir Putin\tperson\tactor\tpeople:putin\tperson.in-office@published:2010-05-01", StringComparison.Ordinal));
    }

    [Fact]
    public void AReferenceShowsItsAntecedentAndWhereItStands()
    {
        var result = DyadCli.Run("actors", "Peru took Chile to the International Court of Justice. Chile criticized the court.");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.Contains("the court\tICJ", StringComparison.Ordinal) && l.Contains("story.description", StringComparison.Ordinal)
            && l.EndsWith("-> International Court of Justice@23-53", StringComparison.Ordinal));
    }

    [Fact]
    public void ActorsJsonHasOneObjectPerMention()
    {
        var result = DyadCli.Run("actors", "Uzbek forces crossed into Kyrgyzstan.", "--json");
        Assert.Equal(0, result.ExitCode);
        var codes = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("code").GetString()).ToList();
        Assert.Equal(["UZBMIL", "KGZ"], codes);
    }

    [Fact]
    public void AnActorsFileAddsEntries()
    {
        using var dir = new TempDir();
        var file = dir.File("mine.tsv", "code\tname\tnames\tkind\tcomment\nNORTHBUS\tNorthwind\tNorthwind\tcompany\tinvented for a test\n");
        var result = DyadCli.Run("actors", "Northwind sued Kazakhstan.", "--actors", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.StdoutLines, l => l.Contains("Northwind\tNORTHBUS", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadDateIsAUsageError()
    {
        var result = DyadCli.Run("actors", "Kazakhstan.", "--date", "soon");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--date 'soon': {Dyad.Cli.Commands.DateOption.NotIsoDate}", result.Stderr, StringComparison.Ordinal);
    }
}
