using Dyad.Pipeline;
using Dyad.Stages.Dates;
using Dyad.Tests.Support;

namespace Dyad.Tests.Stages.Dates;

public class DateRecognizerTests
{
    /// <summary>Every date of the text as "value role" (and "..end" for ranges), joined by "; ".</summary>
    private static string Dates(string text, DateOnly? published = null) =>
        string.Join("; ", Annotate.Text(text, published).Times.Select(Show));

    private static string Show(TimeMention t) =>
        t.Value.Value + (t.End is { } e ? ".." + e.Value : string.Empty) + (t.Role == TimeRole.Point ? string.Empty : " " + t.Role.ToString().ToLowerInvariant());

    [Theory]
    [InlineData("The ministers signed the accord on May 29, 2014.", "2014-05-29")]
    [InlineData("They met on 29 May 2014 in Minsk.", "2014-05-29")]
    [InlineData("The summit opened on 1 December 2010.", "2010-12-01")]
    [InlineData("The leaders met again on June 13, 2013.", "2013-06-13")]
    [InlineData("The envoys met on Sept. 4, 2009.", "2009-09-04")]
    [InlineData("The pact was signed on the 3rd of March 2001.", "2001-03-03")]
    [InlineData("Talks resumed in March 2013.", "2013-03")]
    [InlineData("Talks resumed in March, 2013.", "2013-03")]
    [InlineData("The pact was signed in 2007.", "2007")]
    [InlineData("A 2011 bombing shook the town.", "2011")]
    [InlineData("The plant closed in mid-2005.", "2005")]
    [InlineData("Prices fell in early 2010.", "2010")]
    [InlineData("Border clashes flared in the 1990s.", "1990..1999 range")]
    [InlineData("Clashes flared in the mid-1990s.", "1990..1999 range")]
    [InlineData("Cooperation has grown since 9/11.", "2001-09-11 since")]
    [InlineData("The three leaders sign the charter.May 29, 2014", "2014-05-29")]
    [InlineData("The record was filed on 2005-03-14.", "2005-03-14")]
    [InlineData("The record was filed on 3/14/2005.", "2005-03-14")]
    [InlineData("She visited the region in November–December 2011.", "2011-11..2011-12 range")]
    [InlineData("The ministers met on 4-5 April 2010.", "2010-04-04..2010-04-05 range")]
    public void ReadsExplicitDates(string text, string expected) => Assert.Equal(expected, Dates(text));

    [Theory]
    [InlineData("The lease runs until 2050.", "2050 until")]
    [InlineData("Consultations have taken place since 2010.", "2010 since")]
    [InlineData("Sanctions have applied since May 1997.", "1997-05 since")]
    [InlineData("He served as envoy from 1999 to 2004.", "1999..2004 range")]
    [InlineData("He served as envoy between 2001 and 2003.", "2001..2003 range")]
    [InlineData("The truce held in 1999-2004.", "1999..2004 range")]
    public void ReadsSpans(string text, string expected) => Assert.Equal(expected, Dates(text));

    [Theory]
    [InlineData("Exports reached $24 billion in 2012.", "2012")]
    [InlineData("Police detained 20 officers and 47 people; 2,000 more fled.", "")]
    [InlineData("Resolution 1325 was adopted.", "")]
    [InlineData("The ships fired at about 1400 local time.", "")]
    [InlineData("The army sent 2000 troops.", "")]
    [InlineData("They may meet again, officials said.", "")]
    [InlineData("Nomads crossed the Xinjiang Province 1 border post.", "")]
    public void DoesNotTakeCountsAndLabelsForDates(string text, string expected) => Assert.Equal(expected, Dates(text));

    [Theory]
    [InlineData("In 2004 the group was banned after attacks earlier that year.", "2004; 2004")]
    [InlineData("The state won the chair in 2010 after a campaign begun four years earlier.", "2010; 2006")]
    [InlineData("The accord was signed in 2008. The following year the two sides met again.", "2008; 2009")]
    [InlineData("The accord was signed in 2008. Two years later it lapsed.", "2008; 2010")]
    [InlineData("The talks began in March 2013. Later that month they broke down.", "2013-03; 2013-03")]
    [InlineData("The union was agreed in May 2014, to come into force January 1.", "2014-05; 2015-01-01 since")]
    [InlineData("Troops left from 1 August 2006. On 14 August a ceremony was held. The following day the flag was lowered.", "2006-08-01; 2006-08-14; 2006-08-15")]
    public void ResolvesRelativeDatesAgainstTheLastNamedDate(string text, string expected) => Assert.Equal(expected, Dates(text));

    [Theory]
    [InlineData("The tanker was hit on Friday.", "1987-10-16")]
    [InlineData("The destroyers fired on Monday.", "1987-10-19")]
    [InlineData("The king begins a state visit on Tuesday.", "1987-10-20")]
    [InlineData("Officials said yesterday the talks failed.", "1987-10-18")]
    [InlineData("The deficit hit a record last year.", "1986")]
    [InlineData("The panel met last week.", "1987-10")]
    [InlineData("Relations were cut last March.", "1987-03")]
    [InlineData("Princes went to the kingdom in November.", "1986-11")]
    [InlineData("WASHINGTON, Oct 19 - Experts spoke.", "1987-10-19")]
    public void ResolvesRelativeDatesAgainstThePublicationDate(string text, string expected) =>
        Assert.Equal(expected, Dates(text, new DateOnly(1987, 10, 19)));

    [Fact]
    public void AWireTimestampBeforeTheStoryIsThePublicationDate()
    {
        var analysis = Annotate.Text("14-JUN-1991 10:00:00.00\n\nTALKS OPEN\n\nBONN, June 14 - Talks opened on Thursday.");
        var dateline = Assert.Single(analysis.Times, t => t.Rule == DateRecognizer.DatelineRule);
        Assert.Equal("1991-06-14", dateline.Value.Value);
        Assert.Contains(analysis.Times, t => t.Text == "June 14" && t.Value.Value == "1991-06-14");
        Assert.Contains(analysis.Times, t => t.Text == "Thursday" && t.Value.Value == "1991-06-13");
    }

    [Fact]
    public void AStatementDateLineIsThePublicationDate()
    {
        var analysis = Annotate.Text("Statement on the Visit\n\nJuly 17, 2021\n\nThis week a delegation went to Tashkent.");
        Assert.Equal("2021-07-17", Assert.Single(analysis.Times, t => t.Rule == DateRecognizer.DatelineRule).Value.Value);
        Assert.Contains(analysis.Times, t => t.Text == "This week" && t.Value.Value == "2021-07");
    }

    [Fact]
    public void ADayWithoutAYearAndNoContextIsLeftOut()
    {
        var analysis = Annotate.Text("The envoy arrived on Sunday morning, 4 April.");
        Assert.Empty(analysis.Times);
    }

    [Fact]
    public void SpansPointAtTheDateWords()
    {
        Assert.Equal("July", Assert.Single(Annotate.Text("The navy began escorting tankers in July.", new DateOnly(1987, 10, 19)).Times).Text);
        const string text = "Leaders met in Astana on 1 December 2010.";
        var t = Assert.Single(Annotate.Text(text).Times);
        Assert.Equal("1 December 2010", text.Substring(t.Span.Start, t.Span.Length));
        Assert.Equal(t.Text, text.Substring(t.Span.Start, t.Span.Length));
        Assert.False(string.IsNullOrEmpty(t.Rule));
    }
}
