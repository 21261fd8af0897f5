using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Facts;

public sealed class FactExtractorTests
{
    private static List<Fact> FactsOf(string text) =>
        DyadPipeline.Default.Run(new Document("facts", text, new DateOnly(2015, 1, 1))).Facts;

    [Fact]
    public void ALeaseNamesOwnerUserWhatUntilAndTheRentPaidLater()
    {
        var facts = FactsOf("Georgia and Turkey agreed to allow Turkey to lease the Batumi Terminal from Georgia until 2040. Turkey is paying $20 million in rent annually.");
        var lease = Assert.Single(facts, f => f.Predicate == "leases");
        Assert.Equal("GEO", lease.Subject.Code.Head);
        Assert.Equal("TUR", lease.Object.Code.Head);
        Assert.Equal("Batumi Terminal", lease.What);
        Assert.Equal("2040", lease.End?.Value);
        Assert.Contains(lease.Quantities, q => q.Value == 20_000_000 && q.Unit == "USD");
    }

    [Fact]
    public void TradeBetweenTwoStatesIsATradeVolume()
    {
        var fact = Assert.Single(FactsOf("Trade between Chile and Peru reached $3 billion in 2015."), f => f.Predicate == "trade_volume");
        Assert.Equal(["CHL", "PER"], new[] { fact.Subject.Code.Head, fact.Object.Code.Head }.Order());
    }

    [Fact]
    public void APercentOfAnotherStatesExportsIsAnExportShare()
    {
        var fact = Assert.Single(FactsOf("Japan takes 30% of Brunei's gas exports."), f => f.Predicate == "export_share");
        Assert.Equal("JPN", fact.Subject.Code.Head);
        Assert.Equal("BRN", fact.Object.Code.Head);
        Assert.Equal("gas exports", fact.What);
    }

    [Fact]
    public void BecomingChairOfAnOrganizationIsChairOf()
    {
        var fact = Assert.Single(FactsOf("Finland became OSCE chair in 2008."), f => f.Predicate == "chair_of");
        Assert.Equal("FIN", fact.Subject.Code.Head);
        Assert.Equal("OSCE", fact.Object.Code.Value);
    }

    [Fact]
    public void SigningABorderAgreementIsABorderAgreementFact() =>
        Assert.Contains(FactsOf("Ghana and Togo signed a border agreement in 2010."), f => f.Predicate == "border_agreement");

    [Fact]
    public void AMainTradingPartnerIsAFactNotAnEvent()
    {
        var analysis = DyadPipeline.Default.Run(new Document("facts", "Mongolia's most important partner is China, which is also its main trading partner.", new DateOnly(2015, 1, 1)));
        Assert.Empty(analysis.Events);
        var fact = Assert.Single(analysis.Facts, f => f.Predicate == "main_trading_partner");
        Assert.Equal("CHN", fact.Subject.Code.Head);
        Assert.Equal("MNG", fact.Object.Code.Head);
    }
}
