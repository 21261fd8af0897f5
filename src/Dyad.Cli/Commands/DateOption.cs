using Dyad.Documents.Readers;

namespace Dyad.Cli.Commands;

/// <summary>Reads the --date option every verb shares, with one error message for all of them.</summary>
internal static class DateOption
{
    /// <summary>The reason a --date value is refused; the value itself is named before it.</summary>
    public const string NotIsoDate = "not an ISO date (want YYYY-MM-DD; 12/03/2024-style dates are ambiguous)";

    /// <summary>False (after one line on stderr) when <paramref name="text"/> is given but is not a date.</summary>
    public static bool TryRead(string? text, out DateOnly? published)
    {
        published = null;
        if (text is null)
            return true;
        if (!DocumentReader.TryParseStoryDate(text, out var date))
        {
            Console.Error.WriteLine($"dyad: --date '{text}': {NotIsoDate}");
            return false;
        }
        published = date;
        return true;
    }
}
