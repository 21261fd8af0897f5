using Dyad.Stages.Actors;
using Xunit.Abstractions;

namespace Dyad.Tests.Stages.Actors;

public class ActorDictionaryTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryIso3166StateIsInTheEmbeddedData()
    {
        var states = ActorDictionary.Default.AllEntries().Where(e => e.Kind == "state" && e.Form == EntryForm.Name).Select(e => e.Code.Value).Distinct().Count();
        Assert.True(states >= 249 + 3, $"{states} state codes");
    }

    [Fact]
    public void ThereAreAtLeastEightyOrganizations()
    {
        var organizations = ActorDictionary.Default.AllEntries().Where(e => e.Kind == "organization").Select(e => e.Code.Value).Distinct().Count();
        Assert.True(organizations >= 80, $"{organizations} organizations");
    }

    [Theory]
    [InlineData("Cameron", "2012-06-01", "GBRGOV", "in-office")]
    [InlineData("Cameron", "2008-06-01", "GBR", "before-office")]
    [InlineData("Cameron", "2018-06-01", "GBRELI", "after-office")]
    [InlineData("Cameron", "2024-01-10", "GBRGOV", "in-office")]
    [InlineData("Putin", "2010-01-01", "RUSGOV", "in-office")]
    [InlineData("Kozhara", "2013-10-01", "UKRGOV", "in-office")]
    public void ResolveGivesTheCodeForADay(string name, string day, string code, string how)
    {
        var entry = ActorDictionary.Default.Candidates(name).First(e => e.Tokens.Length == 1);
        var resolved = ActorDictionary.Default.Resolve(entry, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((code, how), (resolved.Code.Value, resolved.How));
    }

    [Fact]
    public void AMentionsEntryCanBeResolvedAgainForALaterFoundDate()
    {
        var mention = Assert.Single(Some.Actors("Cameron spoke.").Actors);
        Assert.Equal("GBRGOV", ActorDictionary.Default.Resolve(mention.Entry, new DateOnly(2012, 1, 1))?.Code.Value);
        Assert.Equal("GBRELI", ActorDictionary.Default.Resolve(mention.Entry, new DateOnly(2020, 1, 1))?.Code.Value);
        Assert.Null(ActorDictionary.Default.Resolve("people:nobody", new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void AUserTsvOverridesAndAddsEntries()
    {
        using var dir = new Support.TempDir();
        var path = Path.Combine(dir.Path, "mine.tsv");
        File.WriteAllText(path, "code\tname\tnames\tkind\tcomment\nKAZBUS\tSteppe Gas\tSteppe Gas|SteppeGas\tcompany\tinvented\nXYZ\tNATO\tNATO\torganization\toverride for a test\n");
        var d = ActorDictionary.Load([path]);
        Assert.Equal("Steppe Gas=KAZBUS NATO=XYZ", Some.Codes("Steppe Gas told NATO.", dictionary: d));
        Assert.Equal("NATO=NATO", Some.Codes("NATO said no."));
    }

    [Fact]
    public void AUserJsonAddsAPersonWithTerms()
    {
        using var dir = new Support.TempDir();
        var path = Path.Combine(dir.Path, "mine.json");
        File.WriteAllText(path, """{"entries":[{"code":"KGZGOV","name":"Aibek Testov","names":["Testov"],"kind":"person","offices":[{"code":"KGZGOV","role":"fm","start":"2020-01-01","end":"2021-12-31"}]}]}""");
        var d = ActorDictionary.Load([path]);
        Assert.Equal("Testov=KGZGOV", Some.Codes("In 2020, Testov spoke.", dictionary: d));
        Assert.Equal("Testov=KGZELI", Some.Codes("In 2023, Testov spoke.", dictionary: d));
    }

    [Fact]
    public void ABrokenUserFileIsReportedNotThrown()
    {
        using var dir = new Support.TempDir();
        var path = Path.Combine(dir.Path, "broken.json");
        File.WriteAllText(path, "{ not json");
        var problems = new List<string>();
        ActorDictionary.Load([path], problems);
        Assert.Single(problems);
    }

    [Fact]
    public void LoadingTheEmbeddedDataIsReported()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var d = ActorDictionary.LoadDefault();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{d.Count} phrases, {d.AgentCount} agents, {d.PersonCount} people, {d.OfficeCount} terms, loaded in {d.LoadTime.TotalMilliseconds:0} ms, ~{(after - before) / 1048576.0:0.0} MB");
        GC.KeepAlive(d);
        Assert.True(d.Count > 2000);
    }
}
