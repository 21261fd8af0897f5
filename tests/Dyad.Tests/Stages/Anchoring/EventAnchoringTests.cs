using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Anchoring;
using Dyad.Tests.Support;

namespace Dyad.Tests.Stages.Anchoring;

public class EventAnchoringTests
{
    /// <summary>Annotates the text, adds one hand-built event per trigger word, and anchors them.</summary>
    private static List<EventMention> Anchor(string text, DateOnly? published, params string[] triggers)
    {
        var analysis = Annotate.Text(text, published);
        var from = 0;
        foreach (var word in triggers)
        {
            var at = text.IndexOf(word, from, StringComparison.Ordinal);
            Assert.True(at >= 0, word);
            from = at + word.Length;
            var sentence = analysis.Sentences.First(s => s.Span.Contains(at));
            analysis.Events.Add(new EventMention
            {
                Sentence = sentence.Index,
                Source = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
                Target = new EventActor(ActorCode.Parse("RUS"), "Russia"),
                Code = EventCode.Parse("057"),
                Trigger = new TextSpan(at, at + word.Length),
                Rule = "test",
            });
        }
        new EventAnchoring().Run(analysis);
        return analysis.Events;
    }

    [Fact]
    public void AnEventTakesTheDateAmountAndVenueOfItsSentence()
    {
        var e = Assert.Single(Anchor("In 2005, the two states signed a deal worth $23 billion in Astana.", null, "signed"));
        Assert.Equal("2005", e.Date.Value);
        Assert.False(e.DateIsReportDate);
        var q = Assert.Single(e.Quantities);
        Assert.Equal(23e9, q.Value);
        Assert.Equal("USD", q.Unit);
        Assert.Equal("Astana", e.Location?.Name);
        Assert.Equal("KAZ", e.Location?.Country);
    }

    [Fact]
    public void TheDateNearestTheTriggerWins()
    {
        var events = Anchor("The treaty of 1998 was replaced when the states signed a new one in 2008.", null, "signed");
        Assert.Equal("2008", Assert.Single(events).Date.Value);
    }

    [Fact]
    public void ACaptionsTrailingDateDatesItsEvent()
    {
        var e = Assert.Single(Anchor("Photo: the three presidents sign the charter.May 29, 2014", null, "sign"));
        Assert.Equal("2014-05-29", e.Date.Value);
        Assert.Equal(DatePrecision.Day, e.Date.Precision);
    }

    [Fact]
    public void ALaterSentenceOfTheParagraphTakesTheLastDateNamed()
    {
        const string text = "A summit brought the presidents together in Tashkent in June 2013. Outcomes were the signings of two agreements. He also signed deals worth $1 billion during the visit.";
        var events = Anchor(text, null, "signings", "signed");
        Assert.All(events, e => Assert.Equal("2013-06", e.Date.Value));
        Assert.Equal(1e9, Assert.Single(events[1].Quantities).Value);
    }

    [Fact]
    public void ASpanInTheSentenceYieldsToTheParagraphsDate()
    {
        const string text = "In 2006, the president visited Washington. The two presidents agreed to hold consultations (which have taken place since 2010).";
        var events = Anchor(text, null, "visited", "agreed");
        Assert.Equal("2006", events[1].Date.Value);
    }

    [Fact]
    public void ANewParagraphFallsBackToTheReportDateAndSaysSo()
    {
        const string text = "The states signed a treaty in 1998.\n\nThe states have increased their military ties.";
        var events = Anchor(text, new DateOnly(2014, 3, 1), "signed", "increased");
        Assert.Equal("1998", events[0].Date.Value);
        Assert.True(events[1].DateIsReportDate);
        Assert.Equal(DatePrecision.None, events[1].Date.Precision);
        Assert.Equal("2014-03-01", events[1].Date.Value);
    }

    [Fact]
    public void APresentPerfectDoesNotTakeTheParagraphsPastDate()
    {
        const string text = "In 2004, the state signed a defence contract. It has since expanded its ties with the alliance.";
        var events = Anchor(text, new DateOnly(2014, 3, 1), "signed", "expanded");
        Assert.Equal("2004", events[0].Date.Value);
        Assert.True(events[1].DateIsReportDate);
    }

    [Fact]
    public void ASpanIsNotTheEventsDate()
    {
        var e = Assert.Single(Anchor("Since 9/11, the state has increased its military ties.", new DateOnly(2014, 3, 1), "increased"));
        Assert.True(e.DateIsReportDate);
    }

    [Fact]
    public void WithoutAnyDateTheEventStaysUndated()
    {
        var e = Assert.Single(Anchor("The states have increased their military ties.", null, "increased"));
        Assert.False(e.Date.IsKnown);
        Assert.False(e.DateIsReportDate);
    }

    [Fact]
    public void ADatelineOfAWireStoryIsTheReportDate()
    {
        const string text = "19-OCT-1987 15:23:36.33\n\nSTRIKE\n\nWASHINGTON, Oct 19 - Experts spoke.\n    The navy has escorted tankers.";
        var e = Assert.Single(Anchor(text, null, "escorted"));
        Assert.True(e.DateIsReportDate);
        Assert.Equal("1987-10-19", e.Date.Value);
    }

    [Fact]
    public void CountsGoToTheNearestTrigger()
    {
        const string text = "In 2012 police arrested 13 members and a court sentenced 47 people.";
        var events = Anchor(text, null, "arrested", "sentenced");
        Assert.Equal(13, Assert.Single(events[0].Quantities).Value);
        Assert.Equal(47, Assert.Single(events[1].Quantities).Value);
        Assert.All(events, e => Assert.Equal("people", e.Quantities[0].Unit));
    }

    [Fact]
    public void AFactTakesItsSpanAndRate()
    {
        const string text = "Russia leases the base from Kazakhstan until 2050 for $115 million a year.";
        var analysis = Annotate.Text(text);
        var fact = new Fact
        {
            Sentence = 0,
            Subject = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Object = new EventActor(ActorCode.Parse("RUS"), "Russia"),
            Predicate = "leases",
            Trigger = new TextSpan(7, 13),
            Rule = "test",
        };
        analysis.Facts.Add(fact);
        new EventAnchoring().Run(analysis);
        Assert.Equal("2050", fact.End?.Value);
        Assert.Null(fact.Start);
        var rent = Assert.Single(fact.Quantities);
        Assert.Equal("year", rent.Per);
    }

    [Fact]
    public void AFactsValueLeavesOutTheDurationAroundIt()
    {
        const string text = "Trade doubled in four years to $24 billion in 2012.";
        var analysis = Annotate.Text(text);
        var fact = new Fact
        {
            Sentence = 0,
            Subject = new EventActor(ActorCode.Parse("CHN"), "China"),
            Object = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Predicate = "trade_volume",
            Trigger = new TextSpan(0, 5),
            Rule = "test",
        };
        analysis.Facts.Add(fact);
        new EventAnchoring().Run(analysis);
        Assert.Equal("2012", fact.At?.Value);
        Assert.Equal(24e9, Assert.Single(fact.Quantities).Value);
    }

    [Fact]
    public void AnEventInAnUnknownSentenceIsReportedNotThrown()
    {
        var analysis = Annotate.Text("Nothing here.");
        analysis.Events.Add(new EventMention
        {
            Sentence = 42,
            Source = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Target = new EventActor(ActorCode.Parse("RUS"), "Russia"),
            Code = EventCode.Parse("057"),
            Trigger = new TextSpan(0, 7),
            Rule = "test",
        });
        new EventAnchoring().Run(analysis);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "anchoring");
    }
}

public class EventAnchoringVenueTests
{
    [Fact]
    public void APlaceInAnotherClauseIsNotTheVenue()
    {
        const string text = "In 2004 the government announced the arrest of members of a group that had carried out attacks in Uzbekistan.";
        var analysis = Annotate.Text(text);
        var at = text.IndexOf("arrest", StringComparison.Ordinal);
        analysis.Events.Add(new EventMention
        {
            Sentence = 0,
            Source = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Target = new EventActor(ActorCode.Parse("UZB"), "Uzbekistan"),
            Code = EventCode.Parse("173"),
            Trigger = new TextSpan(at, at + 6),
            Rule = "test",
        });
        new EventAnchoring().Run(analysis);
        Assert.Null(analysis.Events[0].Location);
    }

    [Theory]
    [InlineData("042", "Kyrgyzstan")]
    [InlineData("057", null)]
    public void ADestinationIsAVenueOnlyForAMovement(string code, string? expected)
    {
        const string text = "In 2007 the president went on a visit to Kyrgyzstan.";
        var analysis = Annotate.Text(text);
        var at = text.IndexOf("visit", StringComparison.Ordinal);
        analysis.Events.Add(new EventMention
        {
            Sentence = 0,
            Source = new EventActor(ActorCode.Parse("KAZ"), "Kazakhstan"),
            Target = new EventActor(ActorCode.Parse("KGZ"), "Kyrgyzstan"),
            Code = EventCode.Parse(code),
            Trigger = new TextSpan(at, at + 5),
            Rule = "test",
        });
        new EventAnchoring().Run(analysis);
        Assert.Equal(expected, analysis.Events[0].Location?.Name);
    }
}

public class EventAnchoringClauseTests
{
    private static EventMention AnchorOne(string text, string trigger)
    {
        var analysis = Annotate.Text(text, new DateOnly(1987, 3, 22));
        var at = text.IndexOf(trigger, StringComparison.Ordinal);
        analysis.Events.Add(new EventMention
        {
            Sentence = analysis.Sentences.First(s => s.Span.Contains(at)).Index,
            Source = new EventActor(ActorCode.Parse("SAU"), "Saudi Arabia"),
            Target = new EventActor(ActorCode.Parse("GBR"), "United Kingdom"),
            Code = EventCode.Parse("040"),
            Trigger = new TextSpan(at, at + trigger.Length),
            Rule = "test",
        });
        new EventAnchoring().Run(analysis);
        return analysis.Events[0];
    }

    [Fact]
    public void ADateInASinceClauseIsNotTheEventsDate()
    {
        var e = AnchorOne("The king will hold talks during his first visit since he took power in June 1982.", "talks");
        Assert.True(e.DateIsReportDate);
        Assert.Equal("1987-03-22", e.Date.Value);
    }

    [Fact]
    public void ADateInAnotherClauseStillBeatsNoDate()
    {
        var e = AnchorOne("After the ally announced in 2009 that it would close the base, the state concluded a transit deal.", "concluded");
        Assert.Equal("2009", e.Date.Value);
    }
}
