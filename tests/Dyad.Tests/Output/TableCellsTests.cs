using Dyad.Output;

namespace Dyad.Tests.Output;

public class TableCellsTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+7 dead", "'+7 dead")]
    [InlineData("-- said the minister", "'-- said the minister")]
    [InlineData("@channel", "'@channel")]
    [InlineData("-2", "-2")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("+1E3", "+1E3")]
    [InlineData("Kazakhstan", "Kazakhstan")]
    [InlineData("", "")]
    public void AFormulaLikeTextCellIsGuardedAndANumberIsNot(string cell, string expected) =>
        Assert.Equal(expected, TableCells.ForSpreadsheet(cell));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void ACsvCellIsQuotedOnlyWhenItMustBe(string cell, string expected) => Assert.Equal(expected, TableCells.Csv(cell));

    [Fact]
    public void ATsvCellHasNoTabsOrLineBreaks() => Assert.Equal("a b c", TableCells.Tsv("a\tb\nc"));

    [Fact]
    public void AmountsAreColumnsWithTheRestJoined()
    {
        Dyad.Coding.Quantity[] amounts =
        [
            new(default, "$23 billion", 23e9, "USD") { Kind = "money" },
            new(default, "12 %", 12, "percent") { Kind = "percent" },
        ];
        var cells = EventColumns.Amounts(amounts);
        Assert.Equal(EventColumns.AmountNames.Count, cells.Length);
        Assert.Equal(new string?[] { "23000000000", null, "USD", null, "money", "$23 billion", "12 percent" }.AsEnumerable(), cells.AsEnumerable());
    }
}
