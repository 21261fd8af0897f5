namespace Dyad.Tests.Stages.Actors;

/// <summary>Domestic groups, communities and titles whose country the sentence gives in some other way than a cue.</summary>
public class DomesticActorTests
{
    [Theory]
    [InlineData("Striking teachers were promised a raise by the Kenyan government.", "teachers=KENCVL Kenyan government=KENGOV")]
    [InlineData("A judge ordered the arrest of three Peruvian officials.", "judge=PERJUD Peruvian officials=PERGOV")]
    [InlineData("Hundreds of refugees began a sit-in against the Greek authorities.", "refugees=GRCREF Greek authorities=GRCGOV")]
    public void ADomesticGroupTakesTheOneStateTheSentenceNamesAfterIt(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Militants attacked the Indian embassy overnight.", "Militants=---REB Indian embassy=INDGOV")]
    [InlineData("The government thanked China for the loan.", "government=---GOV China=CHN")]
    public void ArmedGroupsAndGovernmentsDoNotTakeAStateNamedAfterThem(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void ACivilianModifierDoesNotTakeTheStateNamedAfterIt() =>
        Assert.Equal("UN=UN civilian=---CVL Chad=TCD", Some.Codes("The UN sent military and civilian staff to Chad."));

    [Theory]
    [InlineData("President Jean Kabore promised jobs to young Malians.", "President Jean Kabore=MLIGOV Malians=MLI")]
    [InlineData("King Tanu of Jordan received the envoy.", "King Tanu of Jordan=JORGOV")]
    public void ATitleWithAnUnknownNameTakesTheSentencesOneState(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Some 300 ethnic Hungarians rallied in Slovakia on Sunday.", "ethnic Hungarians=SVKCVL Slovakia=SVK")]
    [InlineData("Ethnic Serb militants shelled a village in Croatia.", "Ethnic Serb militants=HRVREB Croatia=HRV")]
    [InlineData("Bosnian Croats blocked the road to the coast.", "Bosnian Croats=BIHCVL")]
    public void CommunitiesBelongToTheStateWhereTheyLive(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void AnEthnicCommunityWithoutAnyOtherStateKeepsItsOwn() =>
        Assert.Equal("ethnic Greeks=GRCCVL", Some.Codes("Thousands of ethnic Greeks marched on Saturday."));

    [Theory]
    [InlineData("Syrian Kurd refugees crossed into the town.", "Syrian Kurd refugees=SYRREF")]
    [InlineData("The Canadian Security Intelligence Service warned of threats.", "Canadian Security Intelligence Service=CANCOP")]
    public void AnUnknownCapitalizedWordMayStandBetweenAnAdjectiveAndItsAgent(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("The militant group Hamas rejected the offer.", "Hamas=PSEREB")]
    [InlineData("The rebel Revolutionary United Front freed the hostages.", "Revolutionary United Front=SLEREB hostages=---CVL")]
    public void ADescriptorBeforeANamedGroupIsNoSecondActor(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void ACapitalizedAgentWordInsideAnUnknownNameIsNoAgent() =>
        Assert.Equal(string.Empty, Some.Codes("The Forces for National Renewal issued a statement."));

    [Theory]
    [InlineData("Prisoners rioted at a jail in East Timor on Monday.", "Prisoners=TLSCVL")]
    [InlineData("The Serbian Metalworkers Union called a strike.", "Serbian Metalworkers Union=SRBLAB")]
    [InlineData("Vice-President Amos Kiprono resigned, Kenyan radio said.", "Vice-President Amos Kiprono=KENGOV")]
    public void MoreDomesticGroups(string text, string expected) =>
        Assert.Contains(expected, Some.Codes(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("Farmers fled from Nepalese government troops.", "Farmers=NPLCVL Nepalese government troops=NPLMIL")]
    [InlineData("Government forces shelled the town.", "forces=---MIL")]
    public void GovernmentForcesAreTheMilitary(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void ARegionAdjectiveBeforeAStateIsAPartOfIt() =>
        Assert.Equal("Laotian troops=LAOMIL Thailand=THA", Some.Codes("Laotian troops entered a village in Western Thailand."));

    [Theory]
    [InlineData("The Chilean Union of Dockworkers ended its strike.", "Chilean Union of Dockworkers=CHLLAB")]
    [InlineData("The Ghanaian Federation of Students ended its boycott.", "Ghanaian Federation of Students=GHAOPP")]
    [InlineData("The Zambia Electoral Commission published the results.", "Zambia Electoral Commission=ZMBGOV")]
    [InlineData("The Global Sanitation Forum urged rich states to pay more.", "Global Sanitation Forum=NGO")]
    [InlineData("The River Valley Alliance asked the Peruvian Congress for a vote.", "River Valley Alliance=PEROPP Peruvian Congress=PERLEG")]
    public void AnOrganizationWeDoNotKnowIsReadFromTheFormOfItsName(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void AStateWhoseNameEndsInAnOrganizationWordIsStillTheState() =>
        Assert.Equal("Soviet Union=SUN", Some.Codes("The Soviet Union collapsed in 1991."));

    [Fact]
    public void AircraftOfAStateAreItsMilitary() =>
        Assert.Equal("Chilean aircraft=CHLMIL", Some.Codes("Chilean aircraft bombed the bridge."));

    [Theory]
    [InlineData("Igbo elders asked for more seats in the assembly.", "Igbo elders=NGACVL")]
    [InlineData("Thousands of Zulus marched through the town.", "Zulus=ZAF")]
    public void PeoplesOfOneStateAreCodedAsThatState(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Theory]
    [InlineData("Members of the Association of Coastal Fishermen met the minister.", "Association of Coastal Fishermen=NGO")]
    [InlineData("The Front for the Liberation of the Niger Delta blew up a pipeline.", "Front for the Liberation of the Niger Delta=NGAOPP")]
    public void AnUnknownOrganizationsNameStartsAtItsOwnWords(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void TheTwoGovernmentsAreNotCivilians()
    {
        var analysis = Some.Actors("Villagers in Laos met Thai and Cambodian officials. The two governments then signed a deal.");
        var references = analysis.Actors.Where(a => a.Kind == "reference").Select(a => a.Code.Value).ToList();
        Assert.DoesNotContain("LAOCVL", references);
        Assert.Contains("THAGOV", references);
    }

    [Fact]
    public void AnUnknownFirstNameBeforeAKnownPersonLeavesThePersonAsTheActor() =>
        Assert.Equal("Mitterrand=FRAGOV", Some.Codes("President Francoise Mitterrand spoke on Monday.", new DateOnly(1990, 1, 1)));

    [Theory]
    [InlineData("The Kyrgyz Security Council met on Monday.", "Kyrgyz Security Council=KGZGOV")]
    [InlineData("The Security Council met on Monday.", "Security Council=UN")]
    public void AStatesSecurityCouncilIsItsGovernment(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));

    [Fact]
    public void AGlossInBracketsAfterAKnownGroupIsNoSecondGroup() =>
        Assert.Equal("Hamas=PSEREB", Some.Codes("Hamas (Islamic Resistance Front) rejected the offer."));

    [Theory]
    [InlineData("Police arrested three Pakistani men on Friday.", "Police=---COP Pakistani men=PAKCVL")]
    [InlineData("Parliament ratified the agreement with Kazakhstan.", "Parliament=---LEG Kazakhstan=KAZ")]
    [InlineData("The newspaper said Russian troops had crossed the border.", "newspaper=---MED Russian troops=RUSMIL")]
    public void PeopleOfAStateAndTheOtherPartyOfALegislatureOrPaperGiveNoCountry(string text, string expected) =>
        Assert.Equal(expected, Some.Codes(text));
}
