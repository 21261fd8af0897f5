using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Actors;

/// <summary>Agent words without a country cue, datelines and names the wire wrote in another case.</summary>
public class ActorContextTests
{
    [Theory]
    [InlineData("Militants stormed a checkpoint near Kandahar overnight.", "Militants=AFGREB")]
    [InlineData("Gunmen opened fire on a bus, witnesses said.", "Gunmen=---REB")]
    [InlineData("Protesters in Caracas blocked the main road.", "Protesters in Caracas=VENOPP")]
    [InlineData("Iraq's national security adviser met the French presidency.", "Iraq's national security adviser=IRQGOV French presidency=FRAGOV")]
    [InlineData("Police arrested two men in Lahore on Friday.", "Police=PAKCOP men=PAKCVL")]
    [InlineData("The civilians were freed at dawn.", "civilians=---CVL")]
    [InlineData("Rights groups condemned the verdict.", "Rights groups=NGOHRI")]
    [InlineData("Thousands of refugees crossed the border at night.", "refugees=---REF")]
    public void AnAgentWordWithoutACueTakesTheCountryOfTheSentencesPlace(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void TheGovernmentAloneIsTheStateOfThePreviousSentence() =>
        Assert.Equal("Ghana=GHA government=GHAGOV", Some.Codes("Ghana held an election in May. The government then raised fuel prices."));

    [Fact]
    public void TheGovernmentAloneWithoutContextIsAnUnknownGovernment() =>
        Assert.Equal("government=---GOV", Some.Codes("The government expressed thanks for the help."));

    [Fact]
    public void ADatelineGivesTheCountryAndIsALocation()
    {
        var analysis = Some.Actors("GAZA CITY, Palestinian Territories: Militants fired rockets overnight, the army said.");
        Assert.Equal("Militants=PSEREB army=PSEMIL", string.Join(' ', analysis.Actors.Where(a => a.Role == MentionRole.Actor).Select(a => $"{a.Text}={a.Code}")));
        Assert.All(analysis.Actors.Where(a => a.Span.Start < 30), a => Assert.Equal(MentionRole.Location, a.Role));
    }

    [Fact]
    public void ACityDatelineInCapitalsGivesItsCountry() =>
        Assert.Equal("police=FRACOP", Some.Codes("LYON: The police seized forged passports on Tuesday."));

    [Theory]
    [InlineData("President obama thanked the nation.", "President obama=USAGOV")]
    [InlineData("Aid will go to iSrael next year.", "iSrael=ISR")]
    [InlineData("THE UNITED STATES AND RUSSIA AGREE", "UNITED STATES=USA RUSSIA=RUS")]
    public void NamesInAnotherCaseStillMatch(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text, new DateOnly(2014, 6, 1)));

    [Theory]
    [InlineData("The president said nothing.")]
    [InlineData("Officials met on Monday.")]
    [InlineData("He said the general mood was calm.")]
    public void OrdinaryWordsWithoutACueAreNotActors(string text) =>
        Assert.Empty(Some.Codes(text));

    [Fact]
    public void AFormerTitleWithAnUnknownNameIsAnElite() =>
        Assert.Equal("Supporters=MLIOPP President Amadou Diallo=MLIELI", Some.Codes("Supporters of former President Amadou Diallo marched in Bamako."));

    [Fact]
    public void ATitleWithAnUnknownNameTakesThePlacesCountry() =>
        Assert.Equal("President Laurent Gbagbo=CIVGOV", Some.Codes("President Laurent Gbagbo extended the curfew in Abidjan."));

    [Theory]
    [InlineData("Hamas fired rockets and Hezbollah stayed quiet.", "Hamas=PSEREB Hezbollah=LBNREB")]
    [InlineData("Boko Haram and al-Shabab pledged loyalty to the Islamic State.", "Boko Haram=NGAREB al-Shabab=SOMREB Islamic State=ISIL")]
    [InlineData("The Muslim Brotherhood called for protests.", "Muslim Brotherhood=EGYOPP")]
    [InlineData("The Syrian Observatory for Human Rights counted the dead.", "Syrian Observatory for Human Rights=SYRHRI")]
    [InlineData("The Pentagon and Downing Street disagreed.", "Pentagon=USAMIL Downing Street=GBRGOV")]
    [InlineData("The Kremlin rejected the report.", "Kremlin=RUSGOV")]
    public void NamedGroupsAndSeatsOfGovernmentHaveTheirCodes(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("In 1999 the Taliban closed the schools.", "the Taliban=AFGGOV")]
    [InlineData("In 2010 the Taliban attacked a convoy.", "the Taliban=AFGREB")]
    [InlineData("In 2023 the Taliban closed the schools.", "the Taliban=AFGGOV")]
    public void ADatedGroupCodeFollowsTheYear(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("In 2012 Assad met Morsi and Zuma.", "Assad=SYRGOV Morsi=EGYGOV Zuma=ZAFGOV")]
    [InlineData("In 1999 Assad received Mubarak.", "Assad=SYRGOV Mubarak=EGYGOV")]
    [InlineData("In 2009 Saad Hariri thanked King Abdullah II.", "Saad Hariri=LBNGOV King Abdullah II=JORGOV")]
    [InlineData("In 2016 Haniyeh criticized Abbas.", "Haniyeh=PSEREB Abbas=PSEGOV")]
    [InlineData("In 2015 Lula spoke about Rousseff.", "Lula=BRAELI Rousseff=BRAGOV")]
    public void WireNewsLeadersResolveByDate(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Farmers received ministers from the Armenian government.", "Farmers=ARMCVL Armenian government=ARMGOV")]
    [InlineData("Gunmen killed two villagers in southern Mali.", "Gunmen=MLIREB villagers=MLICVL Mali=MLI")]
    [InlineData("The deal offered military support to the city.", "")]
    [InlineData("Four children died in Israeli tank fire, doctors in Gaza said.", "children=PSECVL Israeli tank=ISRMIL doctors in Gaza=PSECVL")]
    public void CuesPlacesAndAdjectivesAreReadWithTheirNeighbours(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Israel closed roads in the West Bank.", "Israel=ISR West Bank=PSE")]
    [InlineData("The West Bank and the West disagreed.", "West Bank=PSE the West=WST")]
    public void APhraseStartingWithTheYieldsToALongerNameAfterIt(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Darfur rebels attacked a convoy.", "Darfur rebels=SDNREB")]
    [InlineData("Envoys met leaders of Peru's new government.", "Peru's new government=PERGOV")]
    [InlineData("Russian helicopters and tanks shelled the hills.", "Russian helicopters=RUSMIL tanks=RUSMIL")]
    public void APlaceBeforeAnAgentAndPossessiveCuesGiveTheCountry(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Turkish police dispersed students at a university.", "Turkish police=TURCOP students=TURCVL")]
    [InlineData("Thai troops and Cambodian soldiers watched as villagers fled.", "Thai troops=THAMIL Cambodian soldiers=KHMMIL villagers=---CVL")]
    public void AnAgentWithoutACueTakesTheSentencesOnlyState(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Sudan's government lifted the emergency in West Darfur State.", "Sudan's government=SDNGOV")]
    [InlineData("The West warned Iran.", "West=WST Iran=IRN")]
    [InlineData("Palestinian youths threw stones at Israeli air raids.", "Palestinian youths=PSECVL Israeli air raids=ISRMIL")]
    public void RegionsAndGroupsOfPeopleNeedTheirContext(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("The move was meant to show Japan and Congress that he was firm.", "Japan=JPN Congress=USALEG")]
    [InlineData("The Knesset and the Duma passed laws.", "Knesset=ISRLEG Duma=RUSLEG")]
    [InlineData("The Philippine Congress met.", "Philippine Congress=PHLLEG")]
    public void ALegislatureNamedForItsStateNeedsNoCue(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void ADatelineWithADateIsStillADateline() =>
        Assert.Equal("police=EGYCOP", Some.Codes("CAIRO, March 22 - The police closed the square."));
}
