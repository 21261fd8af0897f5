using Dyad.Tests.Support;

namespace Dyad.Tests.Stages.Places;

public class PlaceRecognizerTests
{
    /// <summary>Every place of the text as "name country venue", joined by "; ".</summary>
    private static string Places(string text) =>
        string.Join("; ", Annotate.Text(text).Places.Select(p => $"{p.Name} {p.Country} {p.Venue ?? "-"}"));

    [Theory]
    [InlineData("Talks were held in Tashkent.", "Tashkent UZB in")]
    [InlineData("The leaders met for a summit in Turkmenbashi City last year.", "Turkmenbashi TKM in")]
    [InlineData("The leaders shook hands during a meeting in Astana, Kazakhstan, July 1, 2013.", "Astana KAZ in; Kazakhstan KAZ -")]
    [InlineData("Heads of state attended the OSCE Summit in Astana.", "Astana KAZ in")]
    [InlineData("It was a suicide attack on the southern city of Taraz.", "Taraz KAZ on")]
    [InlineData("Others were linked to attacks in the western oil city of Atyrau.", "Atyrau KAZ in")]
    [InlineData("A centre was opened in Almaty in 1999.", "Almaty KAZ in")]
    [InlineData("The talks took place in Al Maty.", "Almaty KAZ in")]
    [InlineData("Al Maty hosted a round of negotiations.", "Almaty KAZ host")]
    [InlineData("Kazakhstan hosted the talks.", "Kazakhstan KAZ -")]
    [InlineData("The capital moved to Nur-Sultan.", "Astana KAZ to")]
    [InlineData("Russia leases the Baikonur Cosmodrome.", "Russia RUS -; Baikonur KAZ -")]
    [InlineData("The US left Manas airbase.", "United States USA -; Manas KGZ -")]
    [InlineData("Drilling began in the Caspian Sea.", "Caspian Sea --- in")]
    [InlineData("Troops moved into Georgia.", "Georgia GEO into")]
    [InlineData("Tests were held at the Lop Nor site in Xinjiang Province.", "Lop Nor CHN at; Xinjiang CHN in")]
    [InlineData("The delegation met in Yangon and then in Naypyidaw.", "Yangon MMR in; Naypyidaw MMR in")]
    public void ResolvesVenues(string text, string expected) => Assert.Equal(expected, Places(text));

    [Theory]
    [InlineData("Moscow said it would respond.", "Moscow RUS -")]
    [InlineData("Queen Victoria signed a treaty.", "")]
    [InlineData("The minister spoke to reporters.", "")]
    public void RecordsACapitalUsedAsAnActorWithoutAVenue(string text, string expected) => Assert.Equal(expected, Places(text));

    [Fact]
    public void ACaptionsPlaceLineIsTheVenue()
    {
        var analysis = Annotate.Text("Students attend a class on leadership skills, Turgen, Almaty, 15 September 2004.");
        Assert.Equal(["Turgen", "Almaty"], analysis.Places.Where(p => p.IsVenue).Select(p => p.Name));
    }

    [Fact]
    public void AWireDatelineNamesWhereTheStoryWasFiled()
    {
        var analysis = Annotate.Text("LONDON, March 22 - The king begins a visit on Tuesday.", new DateOnly(1987, 3, 22));
        var p = Assert.Single(analysis.Places);
        Assert.Equal("London", p.Name);
        Assert.Equal("dateline", p.Venue);
    }

    [Fact]
    public void PlacesKeepCoordinates()
    {
        var p = Assert.Single(Annotate.Text("They met in Tashkent.").Places);
        Assert.InRange(p.Latitude!.Value, 41, 42);
        Assert.InRange(p.Longitude!.Value, 69, 70);
        Assert.Equal("capital", p.Kind);
        Assert.Equal("Tashkent", p.Text);
    }
}
