using Dyad.Storage.Workbench;

namespace Dyad.Analytics.Tests;

public sealed class PeriodsTests
{
    [Theory]
    [InlineData("2014-05", false, Period.Year, "2014")]
    [InlineData("2014-05", false, Period.Quarter, "2014-Q2")]
    [InlineData("2014-12", false, Period.Quarter, "2014-Q4")]
    [InlineData("2014-01", false, Period.Month, "2014-01")]
    [InlineData("2014-01", true, Period.Month, "2014")]
    [InlineData("2014-01", true, Period.Quarter, "2014")]
    [InlineData(null, false, Period.Year, Periods.Undated)]
    public void AnEventsPeriodLabelFollowsItsMonthAndPrecision(string? month, bool yearOnly, Period per, string label) =>
        Assert.Equal(label, Periods.Label(month, yearOnly, per));

    [Fact]
    public void AQuarterSelectsItsThreeMonthsAndLeavesOutYearOnlyEvents()
    {
        var q = Periods.Select(new WorkbenchQuery(), "2014-Q2", Period.Quarter);
        Assert.Equal(("2014-04", "2014-06", (bool?)false), (q.From, q.To, q.YearOnly));
    }

    [Fact]
    public void AYearLabelUnderMonthsSelectsOnlyEventsKnownToTheYear()
    {
        Assert.True(Periods.Select(new WorkbenchQuery(), "2016", Period.Month).YearOnly);
        Assert.Null(Periods.Select(new WorkbenchQuery(), "2016", Period.Year).YearOnly);
        Assert.True(Periods.Select(new WorkbenchQuery(), Periods.Undated, Period.Year).Undated);
    }

    [Theory]
    [InlineData("2014", Period.Month, true)]
    [InlineData("2014-05", Period.Month, true)]
    [InlineData("2014-13", Period.Month, false)]
    [InlineData("2014-Q3", Period.Quarter, true)]
    [InlineData("2014-Q5", Period.Quarter, false)]
    [InlineData("2014-05", Period.Year, false)]
    public void OnlyLabelsOfThePeriodAreAccepted(string label, Period per, bool valid) => Assert.Equal(valid, Periods.IsLabel(label, per));
}
