using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Actors;

public class ActorRecognizerTests
{
    [Theory]
    [InlineData("Kazakhstan and Kyrgyzstan signed a border treaty.", "Kazakhstan=KAZ Kyrgyzstan=KGZ")]
    [InlineData("The Kazakh government asked for a new accord.", "Kazakh government=KAZGOV")]
    [InlineData("Uzbek forces crossed the line.", "Uzbek forces=UZBMIL")]
    [InlineData("Tashkent hired a British firm to build a bridge.", "Tashkent=UZBGOV British firm=GBRBUS")]
    [InlineData("Last year a court in Kazakhstan jailed four men.", "court in Kazakhstan=KAZJUD men=KAZCVL")]
    [InlineData("Western oil companies complained to Astana.", "Western oil companies=WSTBUS Astana=KAZGOV")]
    [InlineData("An Israeli President came to Bishkek for a day.", "Israeli President=ISRGOV Bishkek=KGZGOV")]
    [InlineData("Moscow said the plan was fine.", "Moscow=RUSGOV")]
    [InlineData("Britain's Prime Minister spoke to the Russian Federation.", "Britain's Prime Minister=GBRGOV the Russian Federation=RUS")]
    [InlineData("The Shanghai Cooperation Council and the Collective Security Organization met.", "Shanghai Cooperation Council=SCO Collective Security Organization=CSTO")]
    [InlineData("Kazakhstan's State Oil Company signed with Gazprom and CNPC.", "Kazakhstan's State Oil Company=KAZBUS Gazprom=RUSBUS CNPC=CHNBUS")]
    [InlineData("The P5+1 and Iran held a round of talks.", "P5+1=P5+1 Iran=IRN")]
    [InlineData("Afghan guerillas crossed the river.", "Afghan guerillas=AFGREB")]
    [InlineData("The Chile Trade Promotion and Investment Act helped Peru.", "Peru=PER")]
    [InlineData("The Cuba Democracy Act of 1992 was passed. Russia Acts on Syria.", "Russia=RUS Syria=SYR")]
    [InlineData("Kazakhstan joined the Eurasian Economic Union and left the Eurasian Economic Community.", "Kazakhstan=KAZ Eurasian Economic Union=EAEU Eurasian Economic Community=EURASEC")]
    [InlineData("The Soviet Union broke up and the USSR was gone.", "Soviet Union=SUN USSR=SUN")]
    [InlineData("She went to the U.S, then home.", "U.S=USA")]
    public void NamesAndCuesGiveStateAndSectorCodes(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Talks in Almaty ended late.", "Almaty")]
    [InlineData("A meeting in Astana brought the two sides closer.", "Astana")]
    [InlineData("The ministers met at Tashkent on Monday.", "Tashkent")]
    public void ACapitalNamedAsVenueIsALocationNotAnActor(string text, string capital)
    {
        var mention = Assert.Single(Some.Actors(text).Actors, a => a.Text == capital);
        Assert.Equal(MentionRole.Location, mention.Role);
    }

    [Fact]
    public void AFormerCapitalAsSubjectIsTheGovernment() =>
        Assert.Equal("Al Maty=KAZGOV", Some.Codes("Al Maty was glad to host the meeting."));

    [Theory]
    [InlineData("The mayor of Atlanta, Georgia, opened a park.")]
    [InlineData("Georgia's governor signed the state budget in Atlanta.")]
    [InlineData("We roasted a turkey for Thanksgiving.")]
    [InlineData("Turkey is best roasted slowly in the oven for Thanksgiving dinner.")]
    [InlineData("She keeps her grandmother's china in a glass cabinet.")]
    [InlineData("China plates and fine porcelain cups filled the cabinet.")]
    [InlineData("Michael Jordan scored forty points.")]
    [InlineData("Jordan Peterson gave a lecture.")]
    public void OrdinaryWordsAndNamesThatLookLikeStatesAreNotActors(string text) =>
        Assert.Empty(Some.Codes(text));

    [Theory]
    [InlineData("Georgia and Armenia signed a transit deal.", "Georgia=GEO Armenia=ARM")]
    [InlineData("Turkey and Jordan opened a border crossing.", "Turkey=TUR Jordan=JOR")]
    [InlineData("China lent money to Kyrgyzstan.", "China=CHN Kyrgyzstan=KGZ")]
    public void AmbiguousStateNamesStillMatchInPoliticalSentences(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("In 2006, President Bush met the Kazakh leader.", "President Bush=USAGOV")]
    [InlineData("In 1991, Bush spoke about the Soviet Union.", "Bush=USAGOV")]
    [InlineData("In 1997, Bush visited Astana.", "Bush=USAELI")]
    [InlineData("In 2012, David Cameron visited Astana.", "David Cameron=GBRGOV")]
    [InlineData("In 2019, David Cameron gave a lecture.", "David Cameron=GBRELI")]
    [InlineData("In 2009, Putin spoke to Lukashenko.", "Putin=RUSGOV Lukashenko=BLRGOV")]
    [InlineData("In 1985, Nazarbayev was still a Soviet official.", "Nazarbayev=KAZ")]
    [InlineData("In 2008, Hu Jintao came to Astana.", "Hu Jintao=CHNGOV")]
    [InlineData("In 2011, Chinese President Jintao visited Kazakhstan.", "Chinese President Jintao=CHNGOV Kazakhstan=KAZ")]
    public void APersonIsTheGovernmentOnlyDuringTheirTerm(string text, string expected)
    {
        var codes = Some.Codes(text);
        Assert.StartsWith(expected, codes, StringComparison.Ordinal);
    }

    [Fact]
    public void APersonResolvesByThePublicationDateWhenTheSentenceNamesNoYear()
    {
        var mention = Assert.Single(Some.Actors("Obama met the Kazakh foreign minister.", new DateOnly(2010, 4, 12)).Actors, a => a.Text == "Obama");
        Assert.Equal("USAGOV", mention.Code.Value);
        Assert.Contains("published:2010-04-12", mention.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Moscow rejected the note.", 1979, "SUNGOV")]
    [InlineData("Moscow rejected the note.", 2005, "RUSGOV")]
    [InlineData("The Kremlin rejected the note.", 1984, "SUNGOV")]
    [InlineData("Belgrade rejected the note.", 1995, "YUGGOV")]
    [InlineData("Belgrade rejected the note.", 2012, "SRBGOV")]
    [InlineData("Juba rejected the note.", 2009, "SDNGOV")]
    [InlineData("Juba rejected the note.", 2014, "SSDGOV")]
    public void ACapitalIsTheGovernmentOfTheStateItBelongedToAtTheTime(string text, int year, string expected)
    {
        var mention = Assert.Single(Some.Actors(text, new DateOnly(year, 6, 1)).Actors);
        Assert.Equal(expected, mention.Code.Value);
    }

    [Theory]
    [InlineData("An Indonesian Boeing 737 landed in Perth.")]
    [InlineData("The Boeing 747-400 of a Chilean airline landed.")]
    public void AMakerBeforeAModelNumberIsAProductNotAnActor(string text) =>
        Assert.DoesNotContain(Some.Actors(text).Actors, a => a.Code.Value.EndsWith("BUS", StringComparison.Ordinal) && a.Text.StartsWith("Boeing", StringComparison.Ordinal));

    [Fact]
    public void ACapitalWithoutAnyDateIsTheGovernmentOfToday() =>
        Assert.Equal("Juba=SSDGOV Moscow=RUSGOV", Some.Codes("Juba and Moscow rejected the note."));

    [Fact]
    public void APersonWithoutAnyDateGetsTheirLatestOffice()
    {
        var mention = Assert.Single(Some.Actors("Medvedev spoke at length.").Actors);
        Assert.Equal("RUSGOV", mention.Code.Value);
        Assert.Contains("latest", mention.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ATitleWithACountryCueAbsorbsThePersonAfterIt()
    {
        var mention = Assert.Single(Some.Actors("Kazakhstan Foreign minister Idrissov held talks in Dushanbe in March 2013.").Actors, a => a.Role == MentionRole.Actor);
        Assert.Equal("Kazakhstan Foreign minister Idrissov", mention.Text);
        Assert.Equal("KAZGOV", mention.Code.Value);
        Assert.Equal("person", mention.Kind);
        Assert.Equal("people:idrissov", mention.Entry);
    }

    [Fact]
    public void CounterpartsJoinedByAndGiveOneGovernmentEach() =>
        Assert.Equal("Nazarbayev=KAZGOV Russian and Turkmen counterparts=RUSGOV Turkmen counterparts=TKMGOV",
            Some.Codes("Nazarbayev agreed with his Russian and Turkmen counterparts in 2007."));

    [Fact]
    public void TheFiveCountriesOfCentralAsiaAreFiveMentionsWithOneSpan()
    {
        var group = Some.Actors("The envoy toured the five countries of central Asia in May.").Actors;
        Assert.Equal(["KAZ", "KGZ", "TJK", "TKM", "UZB"], group.Select(a => a.Code.Value));
        Assert.All(group, a => Assert.Equal("group", a.Kind));
        Assert.Single(group.Select(a => a.Span).Distinct());
    }

    [Theory]
    [InlineData("Kazahstan signed the accord.", "KAZ")]
    [InlineData("Nazarbeyev opened the session.", "KAZGOV")]
    [InlineData("Uzbekistann closed the border.", "UZB")]
    public void NearMissesOfNamesMatchWithALowerConfidence(string text, string code)
    {
        var mention = Assert.Single(Some.Actors(text).Actors);
        Assert.Equal(code, mention.Code.Value);
        Assert.True(mention.Confidence <= 1.0);
    }

    [Theory]
    [InlineData("Although the weather was bad, several delegates arrived.")]
    [InlineData("Yesterday, Following reports, Meanwhile, Nevertheless, Accordingly the market rose.")]
    public void OrdinaryCapitalizedWordsAreNotTakenForTypos(string text) =>
        Assert.Empty(Some.Actors(text).Actors);

    [Fact]
    public void HyphenatedPairsNameBothActors() =>
        Assert.Equal("Nazarbayev=KAZGOV Karimov=UZBGOV", Some.Codes("The Nazarbayev-Karimov meeting, June 13, 2013, was short."));

    [Theory]
    [InlineData("Britain's new Prime Minister spoke.", "Britain's new Prime Minister=GBRGOV")]
    [InlineData("Britain's former Prime Minister spoke.", "Britain's former Prime Minister=GBRELI")]
    [InlineData("Former Kazakh officials met.", "Kazakh officials=KAZELI")]
    public void FormerOfficeHoldersAreElites(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void ACapitalInADatelineIsALocation()
    {
        var almaty = Assert.Single(Some.Actors("Students at a seminar, Turgen, Almaty, 15 September 2004.").Actors, a => a.Text == "Almaty");
        Assert.Equal(MentionRole.Location, almaty.Role);
    }
}
