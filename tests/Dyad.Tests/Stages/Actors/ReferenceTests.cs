using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Actors;

public class ReferenceTests
{
    private static List<ActorMention> In(string text, int sentence) =>
        [.. Some.Actors(text).Actors.Where(a => a.Sentence == sentence)];

    [Theory]
    [InlineData("In 2004, Russia and Kazakhstan agreed to explore the shelf. In 2005, they signed a deal.", "they")]
    [InlineData("Uzbekistan and Kazakhstan quarrelled over water. Later the two states made peace.", "the two states")]
    [InlineData("Kyrgyzstan and Tajikistan argued about the river. Both countries asked for help.", "Both countries")]
    [InlineData("Kyrgyzstan and Tajikistan argued about the river. Both sides asked for help.", "Both sides")]
    public void APluralReferenceStandsForTheActorsNamedBefore(string text, string phrase)
    {
        var refs = In(text, 1).Where(a => a.Text == phrase).ToList();
        Assert.Equal(2, refs.Count);
        Assert.All(refs, r => Assert.Equal("reference", r.Kind));
        Assert.All(refs, r => Assert.Single(r.Antecedents));
        Assert.Equal(2, refs.Select(r => r.Code.Head).Distinct().Count());
    }

    [Fact]
    public void TheTwoPresidentsCollectsPeopleFromNeighbouringSentences()
    {
        var text = "In 2006, Nazarbayev visited Washington in May. President Bush spoke of reform. The two presidents agreed to meet yearly.";
        var refs = In(text, 2).Where(a => a.Text == "The two presidents").Select(a => a.Code.Value).Order().ToList();
        Assert.Equal(["KAZGOV", "USAGOV"], refs);
    }

    [Fact]
    public void HeIsTheLastPersonNamed()
    {
        var he = Assert.Single(In("British Prime Minister Cameron arrived in June 2013. He also signed trade deals.", 1), a => a.Text == "He");
        Assert.Equal("GBRGOV", he.Code.Value);
        Assert.Equal("British Prime Minister Cameron", he.Antecedents[0].Text);
    }

    [Fact]
    public void TheCountryIsTheLastStateNamed()
    {
        var country = Assert.Single(In("Russia is the main partner. The country's firms are everywhere.", 1), a => a.Text.StartsWith("The country", StringComparison.Ordinal));
        Assert.Equal("RUS", country.Code.Value);
    }

    [Fact]
    public void AReferenceWithNothingBeforeItIsNotAnActor() =>
        Assert.Empty(Some.Actors("They said nothing at all.").Actors);
}
