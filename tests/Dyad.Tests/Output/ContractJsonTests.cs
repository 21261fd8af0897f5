using Dyad.Coding;
using Dyad.Documents;
using Dyad.Output;

namespace Dyad.Tests.Output;

public class ContractJsonTests
{
    [Fact]
    public void AmountsSurviveTheStoresJsonWithSpanRangeAndHedge()
    {
        Quantity[] amounts =
        [
            new(new TextSpan(10, 21), "$23 billion", 23e9, "USD", Rule: "quantities.money") { Kind = "money" },
            new(new TextSpan(30, 44), "about 10-15 %", 10, "percent", "year") { Kind = "percent", Max = 15, Approximate = true },
        ];
        var back = ContractJson.ReadQuantities(ContractJson.QuantitiesJson(amounts));
        Assert.Equal(amounts, back);
    }

    [Fact]
    public void NoAmountsIsNoJsonAndNoJsonIsNoAmounts()
    {
        Assert.Null(ContractJson.QuantitiesJson([]));
        Assert.Empty(ContractJson.ReadQuantities(null));
    }

    [Fact]
    public void AnOlderStoresAmountWithoutSpanIsStillRead()
    {
        var q = Assert.Single(ContractJson.ReadQuantities("[{\"text\":\"12 %\",\"value\":12,\"unit\":\"percent\",\"kind\":\"percent\"}]"));
        Assert.Equal((12.0, "percent", "percent", default(TextSpan)), (q.Value, q.Unit, q.Kind, q.Span));
    }
}
