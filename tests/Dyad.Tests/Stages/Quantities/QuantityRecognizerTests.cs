using System.Globalization;
using Dyad.Coding;
using Dyad.Tests.Support;

namespace Dyad.Tests.Stages.Quantities;

public class QuantityRecognizerTests
{
    /// <summary>Every amount of the text as "value unit kind[/per][ ~][ ..max]", joined by "; ".</summary>
    private static string Amounts(string text) => string.Join("; ", Annotate.Text(text).Quantities.Select(Show));

    private static string Show(Quantity q) => string.Create(
        CultureInfo.InvariantCulture,
        $"{q.Value} {q.Unit} {q.Kind}{(q.Per is null ? "" : "/" + q.Per)}{(q.Approximate ? " ~" : "")}{(q.Max is { } m ? ".." + m : "")}");

    [Theory]
    [InlineData("The deal involved $23 billion in investments.", "23000000000 USD money")]
    [InlineData("Firms with more than US$500,000 must report.", "500000 USD money ~")]
    [InlineData("The bank lent €5 million.", "5000000 EUR money")]
    [InlineData("The mine cost A$2 billion.", "2000000000 AUD money")]
    [InlineData("The port cost HK$300 million.", "300000000 HKD money")]
    [InlineData("The fund holds £2.5bn.", "2500000000 GBP money")]
    [InlineData("Exports were worth 1.5 billion stg.", "1500000000 GBP money")]
    [InlineData("Tariffs hit 300 mln dlrs of goods.", "300000000 USD money")]
    [InlineData("The grant was 20 million Australian dollars.", "20000000 AUD money")]
    [InlineData("The loan came to 40 million New Zealand dollars.", "40000000 NZD money")]
    [InlineData("Tolls brought in 7 billion Egyptian pounds.", "7000000000 EGP money")]
    [InlineData("The budget was 3 million dollars.", "3000000 USD money")]
    [InlineData("The loan was 10 billion roubles.", "10000000000 RUB money")]
    [InlineData("The loan was 10 billion rubles.", "10000000000 RUB money")]
    [InlineData("The budget set aside 20 billion tenge.", "20000000000 KZT money")]
    [InlineData("The line cost 3 billion yuan.", "3000000000 CNY money")]
    [InlineData("The grant was 5 million euros.", "5000000 EUR money")]
    [InlineData("They pledged two billion dollars.", "2000000000 USD money")]
    [InlineData("The project costs $10-15 million.", "10000000 USD money..15000000")]
    [InlineData("Britain sold 1.5 billion stg of goods and bought 436 mln.", "1500000000 GBP money; 436000000 GBP money")]
    public void ReadsMoney(string text, string expected) => Assert.Equal(expected, Amounts(text));

    [Theory]
    [InlineData("Moscow pays $115 million in rent annually.", "115000000 USD money/year")]
    [InlineData("Trade stands at $2 billion a year.", "2000000000 USD money/year")]
    [InlineData("Oil should sell at 18 dlrs a barrel.", "18 USD money/barrel")]
    [InlineData("The state pays $4 million per year.", "4000000 USD money/year")]
    [InlineData("The pipe carries 38 bcm a year.", "38 bcm measure/year")]
    [InlineData("The EU imported 1.2 million barrels per day.", "1200000 barrels measure/day")]
    public void ReadsRates(string text, string expected) => Assert.Equal(expected, Amounts(text));

    [Theory]
    [InlineData("Police held thirteen alleged members of the cell.", "13 people count")]
    [InlineData("A court sentenced 47 people.", "47 people count")]
    [InlineData("The army will deploy 20 officers.", "20 people count")]
    [InlineData("The state blocked three Russian satellite launches.", "3 launches count")]
    [InlineData("A million Kazakhs live there.", "1000000 people count")]
    [InlineData("Some 200,000 Uighurs live there.", "200000 people count ~")]
    [InlineData("The city hosted two rounds of talks.", "2 rounds count")]
    [InlineData("It killed more than one hundred thirty civilians.", "130 people count ~")]
    [InlineData("They fired about 1,000 rounds.", "1000 rounds count ~")]
    public void ReadsCounts(string text, string expected) => Assert.Equal(expected, Amounts(text));

    [Theory]
    [InlineData("China takes 12% of the oil.", "12 percent percent")]
    [InlineData("The EU takes 72 % of the oil.", "72 percent percent")]
    [InlineData("Growth was 12 percent.", "12 percent percent")]
    [InlineData("Growth was 3 per cent.", "3 percent percent")]
    [InlineData("They imposed 100 pct tariffs.", "100 percent percent")]
    public void ReadsPercentages(string text, string expected) => Assert.Equal(expected, Amounts(text));

    [Theory]
    [InlineData("They face prison terms of up to 15 years.", "15 years duration ~")]
    [InlineData("The king begins a four-day visit.", "4 days duration")]
    [InlineData("Troops must leave within 60 days.", "60 days duration")]
    [InlineData("Investors must notify within a 60-day period.", "60 days duration")]
    [InlineData("It stayed under civil rule for two more years.", "2 years duration")]
    public void ReadsDurations(string text, string expected) => Assert.Equal(expected, Amounts(text));

    [Theory]
    [InlineData("Trade grew in 2012.")]
    [InlineData("The two countries met.")]
    [InlineData("One of the allies objected.")]
    [InlineData("It began four years earlier.")]
    [InlineData("Order 13310 froze assets.")]
    [InlineData("He spoke at the 89th anniversary.")]
    public void LeavesOutWhatIsNotAnAmount(string text) => Assert.Equal(string.Empty, Amounts(text));

    [Fact]
    public void KeepsTheRawSpan()
    {
        const string text = "Russia agreed to provide $160 million to develop roads.";
        var q = Assert.Single(Annotate.Text(text).Quantities);
        Assert.Equal("$160 million", q.Text);
        Assert.Equal(q.Text, text.Substring(q.Span.Start, q.Span.Length));
        Assert.Equal("quantity.money-symbol", q.Rule);
    }
}
