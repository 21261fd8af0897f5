using Dyad.Stages.Actors;

namespace Dyad.Tests.Stages.Actors;

public class TabariImporterTests
{
    // Our own tiny dictionaries in the TABARI/PETRARCH layouts (invented places and people).
    private const string Actors = """
        <!-- a block comment
             over two lines -->
        # a comment line
        NORTHLAND [NLD2] # trailing comment
        +NORTHLANDER
        +NORTH_REALM
        QUEEN_ELSA  ; a TABARI comment
        	[NLD2GOV 19950601 - 19990815]
        	[NLD2ELI > 990816]
        	[NLD2 < 950601]
        SOUTHMARK_ [SMK]
        ISLANDI [ISL2]
        RIVER_FOLK {RIVERFOLK} [RVF]
        <NOUN>
        SHEEP
        </NOUN>
        """;

    private const string Agents = """
        !PERSON! = MAN, MEN, WOMAN, WOMEN
        SOLDIER [~MIL] # a suffix agent
        GOVERNMENT {} [~GOV]
        CHARITY {CHARITIES} [NGO~] # a prefix agent
        TRADE!PERSON! [~BUS]
        """;

    private static ActorDictionary Imported()
    {
        var d = new ActorDictionary();
        TabariImporter.ImportActors(d, new StringReader(Actors), "test.actors");
        TabariImporter.ImportAgents(d, new StringReader(Agents), "test.agents");
        return d;
    }

    [Theory]
    [InlineData("Northland spoke to Southmark.", "Northland=NLD2 Southmark=SMK")]
    [InlineData("A Northlander met the North Realm.", "Northlander=NLD2 North Realm=NLD2")]
    [InlineData("Islandians marched.", "Islandians=ISL2")]
    [InlineData("Northland soldiers left.", "Northland soldiers=NLD2MIL")]
    [InlineData("The government of Southmark spoke.", "government of Southmark=SMKGOV")]
    [InlineData("Northland charities gave aid.", "Northland charities=NGONLD2")]
    [InlineData("Southmark tradewomen sold wool.", "Southmark tradewomen=SMKBUS")]
    public void ImportedNamesSynonymsAndAgentsMatchWithoutRegardToCase(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text, dictionary: Imported()));

    [Theory]
    [InlineData("19940101", "NLD2")]
    [InlineData("19970101", "NLD2GOV")]
    [InlineData("20010101", "NLD2ELI")]
    public void DateRestrictedCodesApplyInTheirWindow(string date, string expected)
    {
        var published = DateOnly.ParseExact(date, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var mention = Assert.Single(Some.Actors("Queen Elsa spoke.", published, Imported()).Actors);
        Assert.Equal(expected, mention.Code.Value);
    }

    [Fact]
    public void NounListsAndCommentsAreNotActors() =>
        Assert.Empty(Some.Codes("Sheep and a comment line.", dictionary: Imported()));

    [Fact]
    public void AnExactEntryDoesNotMatchALongerWord() =>
        Assert.Empty(Some.Codes("Southmarkers left.", dictionary: Imported()));

    [Theory]
    [InlineData("950601", 1995, 6, 1)]
    [InlineData("300101", 2030, 1, 1)]
    [InlineData("310101", 1931, 1, 1)]
    [InlineData("20140305", 2014, 3, 5)]
    public void KedsDatesUseTheTwoDigitYearRule(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), TabariImporter.KedsDate(text));

    [Fact]
    public void BadCodesAreReportedNotThrown()
    {
        var problems = new List<string>();
        TabariImporter.ImportActors(new ActorDictionary(), new StringReader("GOOD [GD]\nBAD [!!]\nODD [XX 99zz99]\n"), "bad.actors", problems);
        Assert.Equal(2, problems.Count);
    }
}
