using Dyad.Stages.Dates;
using Dyad.Stages.Places;
using Dyad.Stages.Sentences;
using Dyad.Stages.Tokens;

namespace Dyad.Tests.Stages.Places;

public class GazetteerTests
{
    [Theory]
    [InlineData("Nur-Sultan", "Astana", "KAZ")]
    [InlineData("Al Maty", "Almaty", "KAZ")]
    [InlineData("Turkmenbashi City", "Turkmenbashi", "TKM")]
    [InlineData("Baikonur Cosmodrome", "Baikonur", "KAZ")]
    [InlineData("Manas airbase", "Manas", "KGZ")]
    [InlineData("Vostochny Cosmodrome", "Vostochny Cosmodrome", "RUS")]
    [InlineData("Kurmangazy", "Kurmangazy field", "KAZ")]
    [InlineData("Rogun Dam", "Rogun Dam", "TJK")]
    [InlineData("Rangoon", "Yangon", "MMR")]
    [InlineData("Kiev", "Kyiv", "UKR")]
    [InlineData("Bakassi Peninsula", "Bakassi", "CMR")]
    [InlineData("Caspian Sea", "Caspian Sea", "---")]
    public void FindsNamesAndVariants(string name, string expected, string country)
    {
        Assert.True(Gazetteer.Default.TryFind(name, out var entry));
        Assert.Equal(expected, entry.Name);
        Assert.Equal(country, entry.Country);
    }

    [Fact]
    public void EveryPlaceButACountryHasAPoint()
    {
        var problems = new List<string>();
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Dyad.Data.Places/Data/places.tsv")!;
        using var reader = new StreamReader(stream);
        var g = Gazetteer.Load(reader, problems);
        Assert.Empty(problems);
        Assert.True(g.Count > 700, $"only {g.Count} places");
        foreach (var capital in new[] { "Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Moscow", "Beijing", "Kabul", "Tehran", "Baku", "London", "Washington" })
        {
            Assert.True(g.TryFind(capital, out var e), capital);
            Assert.Equal("capital", e.Kind);
            Assert.NotNull(e.Latitude);
            Assert.InRange(e.Latitude!.Value, -90, 90);
            Assert.InRange(e.Longitude!.Value, -180, 180);
        }
    }

    [Fact]
    public void AUsersGazetteerReplacesTheDefault()
    {
        var g = Gazetteer.Load(new StringReader("name\tvariants\tcountry\tlat\tlon\tkind\tnote\nFreedonia Port\tFreeport\tXXA\t1.5\t2.5\tcity\tinvented\n"));
        var pipeline = new Dyad.Pipeline.PipelineBuilder()
            .UseSentences().UseTokens().UseDates().UsePlaces(g).Build();
        var analysis = pipeline.Run(new Dyad.Documents.Document("t", "Talks were held in Freeport. Moscow said nothing."));
        var p = Assert.Single(analysis.Places);
        Assert.Equal("Freedonia Port", p.Name);
        Assert.Equal("in", p.Venue);
    }

    [Fact]
    public void ABadRowIsReportedNotThrown()
    {
        var problems = new List<string>();
        var g = Gazetteer.Load(new StringReader("name\tvariants\tcountry\tlat\tlon\tkind\tnote\nNowhere\n"), problems);
        Assert.Equal(0, g.Count);
        Assert.Single(problems);
    }
}
