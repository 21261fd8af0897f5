using Dyad.Coding;

namespace Dyad.Tests.Coding;

public sealed class CameoTableTests
{
    [Fact]
    public void EveryRootFromOneToTwentyHasAHeadingAndABaseCode()
    {
        for (var root = 1; root <= 20; root++)
        {
            var r = root.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotNull(CameoTable.Default.Find(EventCode.Parse(r)));
            Assert.Equal(r, CameoTable.Default.Find(EventCode.Parse(r + "0"))!.Root);
        }
    }

    [Theory]
    [InlineData("057", 8.0, "SUPPORT", 1)]
    [InlineData("042", 1.9, "CONSULT", 1)]
    [InlineData("0331", 5.2, "AGREE", 1)]
    [InlineData("061", 6.4, "COOPERATE", 2)]
    [InlineData("074", 8.5, "AID", 2)]
    [InlineData("111", -2.0, "ACCUSE", 3)]
    [InlineData("120", -4.0, "REJECT", 3)]
    [InlineData("163", -8.0, "COERCE", 4)]
    [InlineData("173", -5.0, "COERCE", 4)]
    [InlineData("190", -10.0, "ASSAULT", 4)]
    public void ACodeHasItsGoldsteinValuePloverTypeAndQuad(string code, double goldstein, string plover, int quad)
    {
        var entry = CameoTable.Default.Find(EventCode.Parse(code))!;
        Assert.Equal(goldstein, entry.Goldstein);
        Assert.Equal(plover, entry.Plover);
        Assert.Equal((QuadClass)quad, entry.Quad);
        Assert.Equal(goldstein, CameoInfo.Of(EventCode.Parse(code)).Goldstein);
    }

    // Codes whose GDELT value is easy to get wrong: each was wrong once in our table.
    [Theory]
    [InlineData("016", -2.0)]
    [InlineData("0874", 10.0)]
    [InlineData("13", -6.0)]
    [InlineData("130", -4.4)]
    [InlineData("1244", -4.0)]
    [InlineData("165", -6.5)]
    [InlineData("1821", -9.0)]
    [InlineData("1823", -10.0)]
    public void GoldsteinValuesFollowTheTableGdeltPublishes(string code, double goldstein) =>
        Assert.Equal(goldstein, CameoTable.Default.Find(EventCode.Parse(code))!.Goldstein);

    // CAMEO 1.1b3 codes GDELT's table lacks take their parent's Goldstein value and PLOVER type.
    [Theory]
    [InlineData("155", "15")]
    [InlineData("176", "17")]
    [InlineData("1834", "183")]
    [InlineData("1951", "195")]
    [InlineData("1952", "195")]
    public void NewerCameoCodesAreKnownAndFollowTheirParent(string code, string parent)
    {
        var entry = CameoTable.Default.Find(EventCode.Parse(code))!;
        var parentEntry = CameoTable.Default.Find(EventCode.Parse(parent))!;
        Assert.Equal(code, entry.Code.ToString());
        Assert.Equal(parentEntry.Goldstein, entry.Goldstein);
        Assert.Equal(parentEntry.Plover, entry.Plover);
    }

    [Fact]
    public void StatementsAndAppealsHaveNoPloverType() =>
        Assert.Null(CameoTable.Default.Find(EventCode.Parse("010"))!.Plover);

    [Fact]
    public void AnUnknownSubCodeFallsBackToItsParent() =>
        Assert.Equal("057", CameoTable.Default.Find(EventCode.Parse("0579"))!.Code);

    [Fact]
    public void TheTableCoversAllCameoCodes() => Assert.True(CameoTable.Default.Count >= 300);
}
