using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Story;

/// <summary>Short stories of our own: references across sentences, implied partners and who the story is about.</summary>
public sealed class StoryTests
{
    private static Analysis Run(string text, int year = 2010) =>
        DyadPipeline.Default.Run(new Document("story", text, new DateOnly(year, 5, 1)));

    private static List<string> Codes(Analysis a, string words) =>
        [.. a.Actors.Where(m => m.Text == words).Select(m => m.Code.Value).Distinct()];

    private static List<string> Events(Analysis a) =>
        [.. a.Events.Select(e => $"{e.Source.Code.Head}>{e.Target.Code.Head} {e.Code.Root}")];

    // Definite descriptions

    [Theory]
    [InlineData("Chile took its dispute with Peru to the International Court of Justice in 2008. Years later the court ruled on it.", "the court", "ICJ")]
    [InlineData("Serbia appealed to the International Court of Justice. Belgrade welcomed the ruling of the court.", "the court", "ICJ")]
    [InlineData("The International Court of Justice heard the case in 2009. The verdict angered Belgrade.", "The verdict", "ICJ")]
    [InlineData("King Hussein of Jordan visited Egypt last week. Egypt promised aid to the kingdom.", "the kingdom", "JOR")]
    public void ADefiniteDescriptionRefersToTheActorItDescribes(string text, string words, string code) =>
        Assert.Contains(code, Codes(Run(text, 1990), words));

    [Fact]
    public void ADescriptionWithNothingToDescribeIsNoActor() =>
        Assert.Empty(Codes(Run("Peru and Chile met in Lima. The court will meet next week."), "the court"));

    [Fact]
    public void TheKingdomAfterAKingIsCodedAsItsStateInAnEvent() =>
        Assert.Contains("EGY>JOR 03", Events(Run("King Hussein of Jordan visited Egypt last week. Egypt promised aid to the kingdom.", 1990)));

    // Pairs

    [Theory]
    [InlineData("Ethiopia and Eritrea fought a border war from 1998 to 2000.\n\nIn 2018 the two countries signed a peace agreement.", "the two countries")]
    [InlineData("India accused Pakistan of shelling villages. Both sides agreed to talks in February.", "Both sides")]
    [InlineData("India and Pakistan signed an Anglo-German style accord. Both countries kept it.", "Both countries")]
    public void APairReferenceIsTheTwoStatesTheStoryIsAbout(string text, string words)
    {
        var codes = Codes(Run(text), words).Select(c => c[..3]).Order().ToList();
        Assert.Equal(2, codes.Count);
        Assert.True(codes.SequenceEqual(["ERI", "ETH"]) || codes.SequenceEqual(["IND", "PAK"]), string.Join(",", codes));
    }

    [Fact]
    public void TheLastTwoStatesNamedMakeThePairNotTheFirstTwo() =>
        Assert.Equal(["CMR", "NGA"], Codes(Run("Germany and Cameroon signed a treaty in 1913. Later Cameroon and Nigeria signed two declarations on the border between the two countries."), "the two countries").Order());

    [Fact]
    public void APairWithOnlyOneStateNamedIsCompletedByItsPartnerInTheStory() =>
        Assert.Equal(["ERI", "ETH"], Codes(Run("Ethiopia and Eritrea fought over Badme. Ethiopia and Eritrea blamed each other. Ethiopia rebuilt its army. Ethiopia mourned. Peace talks between the two countries began in 2018."), "the two countries").Order());

    [Fact]
    public void ThePairOfAStoryWithOneStateIsNoGuess() =>
        Assert.Empty(Codes(Run("Chad held elections. The two countries signed a treaty."), "The two countries"));

    // It, acronyms, surnames

    [Fact]
    public void ASentenceOpeningItIsTheActorThePreviousSentenceOpenedWith() =>
        Assert.Equal(["ICJ"], Codes(Run("The International Court of Justice delivered its judgment on Monday. It instructed Serbia to pay damages."), "It"));

    [Fact]
    public void ADummyItIsNoActor() =>
        Assert.Empty(Codes(Run("The International Court of Justice delivered its judgment on Monday. It is a long text."), "It"));

    [Theory]
    [InlineData("The Ogoni Liberation Front (OLF) attacked a pipeline in Nigeria. Police said OLF fighters fled.", "OLF")]
    [InlineData("The Kivu Peoples Congress (KPC) was founded in 2004. Rwanda denied that it armed the KPC.", "KPC")]
    [InlineData("Human Rights Watch (HRW) released a report on Myanmar. Myanmar rejected what HRW wrote.", "HRW")]
    public void AnAcronymIntroducedInParenthesesRefersToTheNamedOrganization(string text, string acronym)
    {
        var a = Run(text);
        var full = a.Actors.First(m => m.Span.End <= text.IndexOf('(', StringComparison.Ordinal) && m.Kind is "organization");
        Assert.Contains(a.Actors, m => m.Text == acronym && m.Code == full.Code && m.Span.Start > text.IndexOf(')', StringComparison.Ordinal));
    }

    [Fact]
    public void AnActIntroducedInParenthesesIsNoActor() =>
        Assert.DoesNotContain(Run("The Clean Rivers Act (CRA) was passed in 2001. Canada praised the CRA.").Actors, m => m.Code.Value == "CRA");

    [Theory]
    [InlineData("Nigerian Foreign Minister Ojo Maduekwe arrived in Accra on Monday. Maduekwe met Ghanaian officials on Tuesday.", "Maduekwe", "NGAGOV")]
    [InlineData("Kenyan Defence Minister Amos Wekesa flew to Kampala. Uganda said Wekesa was welcome.", "Wekesa", "KENGOV")]
    public void ASurnameRefersToThePersonNamedInFullBefore(string text, string surname, string code) =>
        Assert.Equal([code], Codes(Run(text), surname));

    // Implied partners

    [Theory]
    [InlineData("Eritrea and Ethiopia have disputed the town of Badme for years. Ethiopia and Eritrea fought over it in 1999.\n\nEthiopia began to withdraw its troops in 2018.", "ETH>ERI 08")]
    [InlineData("Sudan and South Sudan disputed Abyei for years. Sudan and South Sudan clashed in 2011.\n\nIn 2012 Sudan began to withdraw its forces.", "SDN>SSD 08")]
    public void AWithdrawalIsFromTheOtherPartyOfTheStorysDispute(string text, string expected) =>
        Assert.Contains(expected, Events(Run(text)));

    [Fact]
    public void AWithdrawalInAStoryWithoutADisputeHasNoTarget()
    {
        var e = Assert.Single(Run("Chad began to withdraw its troops in 2018.").Events);
        Assert.Equal("---", e.Target.Code.Value);
    }

    [Theory]
    [InlineData("Sudan and South Sudan held a summit in Addis Ababa in March. A further summit was held in June.")]
    [InlineData("Armenia and Azerbaijan held talks in Vienna in May. Further talks were held in July.")]
    public void AMeetingThatNamesNobodyIsBetweenTheParticipantsOfTheLastMeeting(string text)
    {
        var a = Run(text);
        Assert.Contains(a.Events, e => e.Sentence == 1 && e.Code.Root == "04" && e.Rule.Contains(".story.meeting", StringComparison.Ordinal));
    }

    [Fact]
    public void AMeetingThatNamesNobodyAfterNoMeetingIsNotCoded() =>
        Assert.Empty(Run("Chad adopted a new constitution in March. A further summit was held in June.").Events);

    [Fact]
    public void ASigningWithNoPartnerInTheParagraphIsNotCoded() =>
        Assert.Empty(Run("France praised the agreement.\n\nGermany signed a treaty in 2005.").Events);

    [Fact]
    public void ASigningTakesItsPartnerFromTheParagraph() =>
        Assert.Contains("GBR>KAZ 05", Events(Run("Britain and Kazakhstan expanded trade in 2012. Britain and Kazakhstan opened new flights. British Prime Minister Cameron concluded a strategic partnership agreement in June 2013.")));

    [Fact]
    public void AVisitWithNoHostInAWireStoryIsToTheDatelinesPlace() =>
        Assert.Contains("JOR>EGY 04", Events(Run("CAIRO, May 3 - King Hussein of Jordan begins a three-day state visit on Sunday.", 1990)));

    [Fact]
    public void AVisitWithNoHostTakesTheHostOfTheParagraphsLastVisit() =>
        Assert.Contains(Run("The Kenyan president visited Ethiopia in May. The Ugandan president visited in June.").Events,
            e => e.Sentence == 1 && e.Source.Code.Head == "UGA" && e.Target.Code.Head == "ETH");

    [Fact]
    public void AnImpliedPartnerIsNeverTakenFromTheEventsOwnSentence() =>
        Assert.Equal("---", Assert.Single(Run("Hezbollah declared a ceasefire after battles with the Syrian-backed Amal militia.").Events).Target.Code.Value);

    [Fact]
    public void TheTraceSaysWhereAnImpliedPartnerCameFrom()
    {
        var a = DyadPipeline.Default.Run(new Document("t", "Eritrea and Ethiopia disputed Badme. Ethiopia and Eritrea fought over it.\n\nEthiopia began to withdraw its troops.", null), trace: true);
        Assert.Contains(a.Trace, line => line.Contains("ETH->ERI 0874: partner from the story", StringComparison.Ordinal));
    }

    // The story

    [Fact]
    public void TheStoryCountsItsParticipantsMostNamedFirst()
    {
        var a = Run("Eritrea and Ethiopia have disputed Badme for years. Ethiopia and Eritrea fought over it in 1999. Ethiopia began to withdraw its troops in 2018. Kenya welcomed it.");
        var participants = a.Story!.Participants;
        Assert.Equal("ETH", participants[0].Code);
        Assert.Contains(participants, p => p.Code == "ERI" && p.Mentions == 2 && p.Events >= 1);
    }

    [Fact]
    public void ResolvedReferencesShowTheirChainInTheTrace()
    {
        var a = DyadPipeline.Default.Run(new Document("t", "Chile took its dispute with Peru to the International Court of Justice. Peru criticized the court.", null), trace: true);
        Assert.Contains(a.Trace, line => line.Contains("'the court' -> ICJ", StringComparison.Ordinal) && line.Contains("International Court of Justice", StringComparison.Ordinal));
    }
}

/// <summary>The story line of the JSON output.</summary>
public sealed class StoryLineTests
{
    [Fact]
    public void EachDocumentGetsOneStoryLineWithItsParticipants()
    {
        var analysis = DyadPipeline.Default.Run(new Document("d1", "Ethiopia and Eritrea fought a war. Ethiopia and Eritrea signed a treaty.", new DateOnly(2010, 1, 1)));
        using var stream = new MemoryStream();
        using (var writer = new Dyad.Output.EventJsonWriter(stream))
            writer.Write(analysis);
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var story = Assert.Single(lines, l => l.Contains("\"type\":\"story\"", StringComparison.Ordinal));
        var json = System.Text.Json.Nodes.JsonNode.Parse(story)!;
        Assert.Equal("d1", json["doc"]!.GetValue<string>());
        var codes = json["participants"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["ERI", "ETH"], codes);
    }
}
