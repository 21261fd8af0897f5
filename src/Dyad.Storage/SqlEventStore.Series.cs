using System.Globalization;

namespace Dyad.Storage;

/// <summary>A dyad's time series.</summary>
public abstract partial class SqlEventStore
{
    /// <summary>Events per month (with the year-only events of a year in a bucket of their own) or per year, both directions, zero-filled.</summary>
    public Series Series(SeriesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (a, b) = (request.A.ToUpperInvariant(), request.B.ToUpperInvariant());
        var (sa, ta, sb, tb) = (ActorMatch("source", "@a", a), ActorMatch("target", "@b", b), ActorMatch("source", "@b", b), ActorMatch("target", "@a", a));
        const string Range = "date_start >= @from AND date_start <= @to";
        // One range scan of the (source_head, target_head, date_start, goldstein, precision, quad) index per direction.
        const string Columns = "date_start, precision, goldstein, quad";
        var sql = $"SELECT {Columns}, 0 AS dir FROM events WHERE {sa} AND {ta} AND {Range}"
            + (a == b ? string.Empty : $" UNION ALL SELECT {Columns}, 1 AS dir FROM events WHERE {sb} AND {tb} AND {Range}");
        var bucket = request.Interval == SeriesInterval.Year
            ? "substr(date_start, 1, 4)"
            : "CASE WHEN precision = 'year' THEN substr(date_start, 1, 4) ELSE substr(date_start, 1, 7) END";
        sql = $"SELECT {bucket} AS bucket, dir, quad, count(*), sum(goldstein) FROM ({sql}) x GROUP BY {bucket}, dir, quad";
        var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal); // events a→b, b→a, quads 1–4; goldstein sum in a double beside
        var sums = new Dictionary<string, double>();
        using (var cmd = Command(null, sql, ("a", a), ("b", b), ("from", request.From is null ? "0000" : FromBound(request.From)), ("to", request.To is null ? "9999" : ToBound(request.To))))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var row = counts.TryGetValue(key, out var r) ? r : counts[key] = new long[6];
                var n = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
                row[Int(reader, 1)] += n;
                if (Int(reader, 2) is var quad and >= 1 and <= 4)
                    row[1 + quad] += n;
                sums[key] = sums.GetValueOrDefault(key) + Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture);
            }
        }
        var undated = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM events WHERE date_start IS NULL AND (({sa} AND {ta}) OR ({sb} AND {tb}))", ("a", a), ("b", b)), CultureInfo.InvariantCulture);
        var buckets = new List<SeriesBucket>();
        foreach (var key in Buckets(counts.Keys, request))
        {
            var row = counts.GetValueOrDefault(key) ?? new long[6];
            var events = row[0] + row[1];
            var precision = key.Length == 4 ? "year" : "month";
            buckets.Add(new SeriesBucket(key, precision, events, row[0], row[1], row[2], row[3], row[4], row[5], events == 0 ? null : sums[key] / events));
        }
        return new Series(buckets, undated);
    }

    /// <summary>
    /// The bucket keys in time order: every month (or year) from the first to the last (or the request's bounds),
    /// and after a year's twelve months the year-only bucket of that year when it has events.
    /// </summary>
    private static IEnumerable<string> Buckets(IEnumerable<string> present, SeriesRequest request)
    {
        var keys = present.ToList();
        var years = keys.Where(k => k.Length == 4).ToHashSet(StringComparer.Ordinal);
        var months = keys.Where(k => k.Length == 7).ToList();
        // Months run from the first to the last month with events (or the request's bounds); year-only events do not stretch them.
        var first = request.From is { } from ? from[..Math.Min(7, from.Length)] : months.DefaultIfEmpty().Min(StringComparer.Ordinal);
        var last = request.To is { } to ? (to.Length == 4 ? to + "-12" : to[..7]) : months.DefaultIfEmpty().Max(StringComparer.Ordinal);
        var allYears = years.Select(y => int.Parse(y, CultureInfo.InvariantCulture)).ToList();
        if (first is not null)
            allYears.Add(int.Parse(first[..4], CultureInfo.InvariantCulture));
        if (last is not null)
            allYears.Add(int.Parse(last[..4], CultureInfo.InvariantCulture));
        if (allYears.Count == 0)
            yield break;
        for (var y = allYears.Min(); y <= allYears.Max(); y++)
        {
            var year = y.ToString("D4", CultureInfo.InvariantCulture);
            if (request.Interval == SeriesInterval.Year)
            {
                yield return year;
                continue;
            }
            for (var m = 1; m <= 12; m++)
            {
                var month = $"{year}-{m.ToString("D2", CultureInfo.InvariantCulture)}";
                if (first is not null && last is not null && string.CompareOrdinal(month, first) >= 0 && string.CompareOrdinal(month, last) <= 0)
                    yield return month;
            }
            if (years.Contains(year))
                yield return year;
        }
    }

    /// <summary>Events per month and mean Goldstein value of a dyad (both directions); months zero-filled, year-only events under "YYYY".</summary>
    public IReadOnlyList<SeriesPoint> DyadSeries(string a, string b, string? first = null, string? last = null) =>
        [.. Series(new SeriesRequest(a, b) { From = first, To = last }).Buckets.Select(p => new SeriesPoint(p.Bucket, p.Events, p.MeanGoldstein ?? 0))];
}
