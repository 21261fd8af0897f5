namespace Dyad.Stages.Dates;

/// <summary>Month and weekday names and the small words around dates.</summary>
internal static class DateWords
{
    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["January"] = 1, ["Jan"] = 1, ["February"] = 2, ["Feb"] = 2, ["March"] = 3, ["Mar"] = 3, ["April"] = 4, ["Apr"] = 4,
        ["May"] = 5, ["June"] = 6, ["Jun"] = 6, ["July"] = 7, ["Jul"] = 7, ["August"] = 8, ["Aug"] = 8, ["September"] = 9,
        ["Sept"] = 9, ["Sep"] = 9, ["October"] = 10, ["Oct"] = 10, ["November"] = 11, ["Nov"] = 11, ["December"] = 12, ["Dec"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday,
        ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday, ["Sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Words before a bare month name that make it a date ("in July", "last October"), not a verb or a name.</summary>
    public static readonly HashSet<string> MonthLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "since", "until", "till", "by", "last", "next", "this", "early", "late", "mid", "during", "from", "to", "before",
        "after", "through", "that", "of", "each", "every", "between", "end", "beginning",
    };

    /// <summary>Words that, before a number, make it a label and not a year ("Resolution 1325", "Flight 1400").</summary>
    public static readonly HashSet<string> LabelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "resolution", "order", "no", "number", "article", "section", "flight", "route", "highway", "tier", "room", "act",
        "paragraph", "chapter", "page", "pages", "p", "pp", "code", "model", "line", "unit", "building", "block",
    };

    /// <summary>Words after a four-digit number that make it a clock time ("1400 Gulf time", "0700 EDT").</summary>
    public static readonly HashSet<string> ClockWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "time", "gmt", "utc", "edt", "est", "cet", "msk", "hours", "hrs", "h", "local",
    };

    /// <summary>Words that make a sentence look forward, so a bare "Tuesday" or "January 1" is the next one.</summary>
    public static readonly HashSet<string> FutureCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "begins", "starts", "expected", "scheduled", "plans", "planned", "upcoming", "forthcoming",
        "next", "tomorrow",
    };

    public static int MonthOf(string word)
    {
        if (word.Length < 3 || !char.IsUpper(word[0]))
            return 0;
        return MonthNames.TryGetValue(word, out var m) ? m : 0;
    }

    public static bool TryWeekday(string word, out DayOfWeek day)
    {
        day = default;
        return word.Length > 0 && char.IsUpper(word[0]) && WeekdayNames.TryGetValue(word, out day);
    }
}
