using System.Globalization;

namespace Dyad.Coding;

public enum DatePrecision
{
    None,
    Year,
    Month,
    Day,
}

/// <summary>A calendar date known to a precision: 2014-05-29 (day), 2013-06 (month), 2007 (year).</summary>
public readonly record struct DateValue(int Year, int Month, int Day, DatePrecision Precision)
{
    public static DateValue OfYear(int year) => new(year, 0, 0, DatePrecision.Year);

    public static DateValue OfMonth(int year, int month) => new(year, month, 0, DatePrecision.Month);

    public static DateValue OfDay(int year, int month, int day) => new(year, month, day, DatePrecision.Day);

    public static DateValue OfDay(DateOnly date) => OfDay(date.Year, date.Month, date.Day);

    /// <summary>The report date used when an event has no date of its own: a full date with precision none.</summary>
    public static DateValue Reported(DateOnly date) => new(date.Year, date.Month, date.Day, DatePrecision.None);

    public bool IsKnown => Year != 0;

    /// <summary>The ISO form at this precision: "2014-05-29", "2013-06", "2007"; a reported date keeps the full day.</summary>
    public string Value => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        _ => Year == 0 ? string.Empty : $"{Year:D4}-{Month:D2}-{Day:D2}",
    };

    /// <summary>The first day the value covers, for sorting and ranges.</summary>
    public DateOnly? Start => Year == 0 ? null : new DateOnly(Year, Math.Max(Month, 1), Math.Max(Day, 1));

    public string PrecisionName => Precision.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out DateValue value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var parts = text.Trim().Split('-');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return false;
        }
        switch (numbers.Length)
        {
            case 1 when numbers[0] is >= 1 and <= 9999:
                value = OfYear(numbers[0]);
                return true;
            case 2 when numbers[1] is >= 1 and <= 12:
                value = OfMonth(numbers[0], numbers[1]);
                return true;
            case 3 when numbers[1] is >= 1 and <= 12 && numbers[2] >= 1 && numbers[2] <= DateTime.DaysInMonth(Math.Max(numbers[0], 1), numbers[1]):
                value = OfDay(numbers[0], numbers[1], numbers[2]);
                return true;
            default:
                return false;
        }
    }

    public override string ToString() => $"{Value} ({PrecisionName})";
}
