using System.Globalization;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>How events are bucketed in time.</summary>
public enum Period
{
    Year,
    Quarter,
    Month,
}

/// <summary>
/// Period labels and the events each covers. A label is "2014" (a year), "2014-Q2" or "2014-05". Under quarters
/// and months, events known only to the year get the year's own label ("2014"), so they are neither spread over
/// nor piled into January; undated events are labelled <see cref="Undated"/>. Labels sort in time order.
/// </summary>
public static class Periods
{
    public const string Undated = "undated";

    public static bool TryParse(string? text, out Period period) =>
        Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period);

    /// <summary>The label of an event's period, from its month ("YYYY-MM", null when undated) and whether it is known only to the year.</summary>
    public static string Label(string? month, bool yearOnly, Period per)
    {
        if (month is null || month.Length < 4)
            return Undated;
        var year = month[..4];
        if (per == Period.Year || yearOnly || month.Length < 7)
            return year;
        if (per == Period.Month)
            return month[..7];
        var m = int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture);
        return $"{year}-Q{(m + 2) / 3}";
    }

    /// <summary>The query that selects exactly the events of a period label (added to <paramref name="query"/>).</summary>
    public static WorkbenchQuery Select(WorkbenchQuery query, string label, Period per)
    {
        if (label == Undated)
            return query with { Undated = true };
        if (label.Length == 4)
            return query with { From = label, To = label, YearOnly = per == Period.Year ? null : true };
        if (label.Length == 7 && label[5] == 'Q')
        {
            var q = label[6] - '0';
            return query with { From = $"{label[..4]}-{3 * q - 2:D2}", To = $"{label[..4]}-{3 * q:D2}", YearOnly = false };
        }
        return query with { From = label, To = label, YearOnly = false };
    }

    /// <summary>Whether <paramref name="label"/> is a period label of <paramref name="per"/>.</summary>
    public static bool IsLabel(string label, Period per) => label == Undated
        || (label.Length == 4 && int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        || (per == Period.Quarter && label.Length == 7 && label[4] == '-' && label[5] == 'Q' && label[6] is >= '1' and <= '4')
        || (per == Period.Month && label.Length == 7 && DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
