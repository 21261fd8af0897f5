namespace Dyad.Storage;

/// <summary>
/// What an event query selects; the filters combine (AND). Actor codes of three letters match the state of a
/// code (KAZ matches KAZGOV); longer codes (KAZGOV, NATO) match that code exactly.
/// </summary>
public sealed record EventFilter
{
    /// <summary>Both actors of a dyad, in either direction.</summary>
    public (string A, string B)? Dyad { get; init; }

    /// <summary>An actor as source or target.</summary>
    public string? Actor { get; init; }

    /// <summary>First day included, "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? From { get; init; }

    /// <summary>Last day included.</summary>
    public string? To { get; init; }

    /// <summary>At most this many rows (null or 0: all).</summary>
    public int? Limit { get; init; }

    /// <summary>Latest events first (what a reader wants); false keeps the chronological order of exports. Undated events come last either way.</summary>
    public bool NewestFirst { get; init; }
}

/// <summary>What a fact query selects; the filters combine (AND).</summary>
public sealed record FactFilter
{
    /// <summary>Subject and object, in either order.</summary>
    public (string A, string B)? Dyad { get; init; }

    /// <summary>An actor as subject or object.</summary>
    public string? Actor { get; init; }

    /// <summary>Facts whose time (its date, or its start and end) overlaps the range from this day on; undated facts are left out.</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    public int? Limit { get; init; }
}

/// <summary>The width of a series bucket.</summary>
public enum SeriesInterval
{
    Month,
    Year,
}

/// <summary>A dyad's time series: both directions of A and B, bucketed by month or year.</summary>
public sealed record SeriesRequest(string A, string B)
{
    public string? From { get; init; }

    public string? To { get; init; }

    public SeriesInterval Interval { get; init; } = SeriesInterval.Month;
}

/// <summary>
/// One bucket: "2014-05" (events dated to the day or month, or by their report date), or "2014" (by month: the events
/// known only to that year, in a bucket of their own instead of January; by year: all of that year's events).
/// </summary>
public sealed record SeriesBucket(string Bucket, string Precision, long Events, long AToB, long BToA,
    long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict, double? MeanGoldstein);

/// <summary>A series: its buckets in time order (months zero-filled), and the dyad's events that have no date at all.</summary>
public sealed record Series(IReadOnlyList<SeriesBucket> Buckets, long Undated);
