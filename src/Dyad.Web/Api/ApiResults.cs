using Dyad.Analytics;

namespace Dyad.Web.Api;

/// <summary>How the API answers bad input: a problem with one message naming the parameter and the reason.</summary>
internal static class ApiResults
{
    public static IResult Bad(string message) => Results.Problem(detail: message, statusCode: StatusCodes.Status400BadRequest, title: "bad request");

    public static bool ValidDate(string? value) => value is null || (value.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(value, out _));

    /// <summary>Checks from/to/per; returns the problem or null.</summary>
    public static IResult? CheckRange(string? from, string? to, string? per, out Period period)
    {
        period = Period.Year;
        if (!ValidDate(from))
            return Bad($"from '{from}': want YYYY, YYYY-MM or YYYY-MM-DD");
        if (!ValidDate(to))
            return Bad($"to '{to}': want YYYY, YYYY-MM or YYYY-MM-DD");
        if (per is not null && !Periods.TryParse(per, out period))
            return Bad($"per '{per}': want year, quarter or month");
        return null;
    }

    /// <summary>An actor code as the store keeps it: letters and digits, upper case.</summary>
    public static string? Actor(string? value) =>
        value is { Length: >= 2 and <= 12 } v && v.All(char.IsAsciiLetterOrDigit) ? v.ToUpperInvariant() : null;
}
