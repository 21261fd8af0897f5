using System.Data.Common;
using System.Globalization;
using Dyad.Coding;

namespace Dyad.Storage;

/// <summary>The read side of the store: events, facts, sentences, series and the actor graph.</summary>
public abstract partial class SqlEventStore
{
    private const string EventColumns = """
        d.doc_id, e.event_id, e.sentence, e.source, e.source_name, e.target, e.target_name, e.code, e.root, e.quad, e.goldstein,
        e.date, e.date_start, e.precision, e.report_date, e.mentions, e.trigger, e.trigger_start, e.trigger_end, e.rule,
        e.location, e.location_country, e.lat, e.lon, d.published, s.start_char, s.end_char, s.text, e.quantities, e.is_symmetric,
        e.location_kind
        """;

    private const string EventTables = "events e JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence";

    /// <summary>"YYYY" / "YYYY-MM" / "YYYY-MM-DD" as the first day it covers.</summary>
    public static string FromBound(string value) => value.Length switch
    {
        4 => value + "-01-01",
        7 => value + "-01",
        _ => value,
    };

    /// <summary>The last day a date covers, as text that sorts after every day in it.</summary>
    public static string ToBound(string value) => value.Length switch
    {
        4 => value + "-99-99",
        7 => value + "-99",
        _ => value,
    };

    /// <summary>A three-letter code matches the state part of a code (an index column); a longer one the whole code.</summary>
    private static string ActorMatch(string column, string parameter, string code) =>
        code.Length == 3 ? $"{column}_head = {parameter}" : $"{column} = {parameter}";

    /// <summary>The WHERE conditions of an event filter over a table with event columns (events, event_mentions) named <paramref name="t"/>.</summary>
    private static List<string> EventConditions(EventFilter filter, string t, List<(string, object?)> args)
    {
        var where = new List<string>();
        if (filter.Dyad is { } dyad)
        {
            var (a, b) = (dyad.A.ToUpperInvariant(), dyad.B.ToUpperInvariant());
            where.Add($"(({ActorMatch(t + ".source", "@a", a)} AND {ActorMatch(t + ".target", "@b", b)}) OR ({ActorMatch(t + ".source", "@b", b)} AND {ActorMatch(t + ".target", "@a", a)}))");
            args.Add(("a", a));
            args.Add(("b", b));
        }
        if (filter.Actor is { } actor)
        {
            var x = actor.ToUpperInvariant();
            where.Add($"({ActorMatch(t + ".source", "@x", x)} OR {ActorMatch(t + ".target", "@x", x)})");
            args.Add(("x", x));
        }
        if (filter.From is { } from)
        {
            where.Add($"{t}.date_start >= @from");
            args.Add(("from", FromBound(from)));
        }
        if (filter.To is { } to)
        {
            where.Add($"{t}.date_start <= @to");
            args.Add(("to", ToBound(to)));
        }
        return where;
    }

    private static string Where(List<string> conditions) => conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : string.Empty;

    private static string Limit(int? limit) => limit is { } n and > 0 ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : string.Empty;

    public IEnumerable<EventRecord> Events(EventFilter filter)
    {
        var args = new List<(string, object?)>();
        var order = filter.NewestFirst
            ? " ORDER BY (e.date_start IS NULL), e.date_start DESC, d.doc_id, e.sentence"
            : " ORDER BY (e.date_start IS NULL), e.date_start, d.doc_id, e.sentence";
        var sql = $"SELECT {EventColumns} FROM {EventTables}{Where(EventConditions(filter, "e", args))}{order}{Limit(filter.Limit)}";
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new EventRecord(
                reader.GetString(0), reader.GetString(1), Int(reader, 2), reader.GetString(3), Text(reader, 4) ?? "", reader.GetString(5),
                Text(reader, 6) ?? "", reader.GetString(7), reader.GetString(8), Int(reader, 9), Convert.ToDouble(reader.GetValue(10), CultureInfo.InvariantCulture),
                Text(reader, 11), Text(reader, 12), reader.GetString(13), Int(reader, 14) != 0, Int(reader, 15), Text(reader, 16),
                Int(reader, 17), Int(reader, 18), Text(reader, 19), Text(reader, 20), Text(reader, 21), Real(reader, 22), Real(reader, 23),
                Text(reader, 24))
            {
                SentenceStart = reader.IsDBNull(25) ? null : Int(reader, 25),
                SentenceEnd = reader.IsDBNull(26) ? null : Int(reader, 26),
                Text = Text(reader, 27),
                Quantities = Text(reader, 28),
                Symmetric = Int(reader, 29) != 0,
                LocationKind = Text(reader, 30),
            };
        }
    }

    /// <summary>How many events the filter selects, whatever its limit.</summary>
    public long CountEvents(EventFilter filter)
    {
        var args = new List<(string, object?)>();
        return Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM events e{Where(EventConditions(filter, "e", args))}", [.. args]), CultureInfo.InvariantCulture);
    }

    public IEnumerable<FactRecord> Facts(string? actor, int? limit = null) => Facts(new FactFilter { Actor = actor, Limit = limit });

    private static List<string> FactConditions(FactFilter filter, List<(string, object?)> args)
    {
        var where = new List<string>();
        if (filter.Dyad is { } dyad)
        {
            var (a, b) = (dyad.A.ToUpperInvariant(), dyad.B.ToUpperInvariant());
            where.Add($"(({ActorMatch("f.subject", "@a", a)} AND {ActorMatch("f.object", "@b", b)}) OR ({ActorMatch("f.subject", "@b", b)} AND {ActorMatch("f.object", "@a", a)}))");
            args.Add(("a", a));
            args.Add(("b", b));
        }
        if (filter.Actor is { } actor)
        {
            var x = actor.ToUpperInvariant();
            where.Add($"({ActorMatch("f.subject", "@x", x)} OR {ActorMatch("f.object", "@x", x)})");
            args.Add(("x", x));
        }
        if (filter.From is not null || filter.To is not null)
        {
            // A fact holds from its start (or date) to its end (or date); a missing end is open. Values are "YYYY",
            // "YYYY-MM" or "YYYY-MM-DD": a start compares as the first day it covers, an end (padded) as the last.
            where.Add("coalesce(f.at_date, f.start_date, f.end_date) IS NOT NULL");
            if (filter.From is { } from)
            {
                where.Add("(coalesce(f.at_date, f.end_date) IS NULL OR coalesce(f.at_date, f.end_date) || '-99-99' >= @from)");
                args.Add(("from", FromBound(from)));
            }
            if (filter.To is { } to)
            {
                where.Add("(coalesce(f.at_date, f.start_date) IS NULL OR coalesce(f.at_date, f.start_date) <= @to)");
                args.Add(("to", ToBound(to)));
            }
        }
        return where;
    }

    /// <summary>Facts the filter selects, by document and sentence.</summary>
    public IEnumerable<FactRecord> Facts(FactFilter filter)
    {
        var args = new List<(string, object?)>();
        var sql = $"""
            SELECT d.doc_id, f.sentence, f.subject, f.subject_name, f.predicate, f.object, f.object_name, f.what, f.quantities,
              f.at_date, f.start_date, f.end_date, f.trigger, f.trigger_start, f.trigger_end, f.rule, s.start_char, s.end_char, s.text
            FROM facts f JOIN documents d ON d.id = f.doc LEFT JOIN sentences s ON s.doc = f.doc AND s.idx = f.sentence
            {Where(FactConditions(filter, args))} ORDER BY d.doc_id, f.sentence{Limit(filter.Limit)}
            """;
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new FactRecord(reader.GetString(0), Int(reader, 1), reader.GetString(2), Text(reader, 3) ?? "", reader.GetString(4),
                reader.GetString(5), Text(reader, 6) ?? "", Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11),
                Text(reader, 12), Int(reader, 13), Int(reader, 14), Text(reader, 15))
            {
                SentenceStart = reader.IsDBNull(16) ? null : Int(reader, 16),
                SentenceEnd = reader.IsDBNull(17) ? null : Int(reader, 17),
                Text = Text(reader, 18),
            };
        }
    }

    public long CountFacts(FactFilter filter)
    {
        var args = new List<(string, object?)>();
        return Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM facts f{Where(FactConditions(filter, args))}", [.. args]), CultureInfo.InvariantCulture);
    }

    public IEnumerable<SentenceHit> Search(string text, int limit) => Search(text, null, limit);

    /// <summary>The search's extra condition: the sentence states an event (any mention) that the filter selects.</summary>
    private static string SearchFilter(EventFilter? filter, List<(string, object?)> args)
    {
        if (filter is null)
            return string.Empty;
        var conditions = EventConditions(filter with { Limit = null }, "m", args);
        return conditions.Count == 0 ? string.Empty
            : $" AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.doc = s.doc AND m.sentence = s.idx AND {string.Join(" AND ", conditions)})";
    }

    /// <summary>Sentences with all the words, best matches first; with a filter, only sentences that state an event it selects.</summary>
    public IEnumerable<SentenceHit> Search(string text, EventFilter? filter, int limit)
    {
        var query = SearchQuery(text);
        if (query.Length == 0)
            yield break;
        var args = new List<(string, object?)> { ("q", query) };
        var sql = $"SELECT d.doc_id, s.idx, s.start_char, s.end_char, s.text {SearchFrom}{SearchFilter(filter, args)} {SearchOrder}{Limit(limit)}";
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return new SentenceHit(reader.GetString(0), Int(reader, 1), Int(reader, 2), Int(reader, 3), reader.GetString(4));
    }

    public long CountSearch(string text, EventFilter? filter = null)
    {
        var query = SearchQuery(text);
        if (query.Length == 0)
            return 0;
        var args = new List<(string, object?)> { ("q", query) };
        return Convert.ToInt64(Scalar(null, $"SELECT count(*) {SearchFrom}{SearchFilter(filter, args)}", [.. args]), CultureInfo.InvariantCulture);
    }

    /// <summary>The node an actor code is drawn as: a state's code for its sectors (KAZGOV → KAZ), else the whole code (NATO, CAUN, ---REB).</summary>
    public static string NodeOf(string code) =>
        ActorCode.TryParse(code, out var parsed) && parsed.IsStateLike && parsed.Head != "---" ? parsed.Head : code;

    public IReadOnlyList<DyadEdge> Graph()
    {
        var edges = new Dictionary<(string, string), (string SourceName, string TargetName, long Events, double Sum, string? First, string? Last)>();
        using (var cmd = Command(null, """
            SELECT source, min(source_name), target, min(target_name), count(*), sum(goldstein), min(date_start), max(date_start)
            FROM events WHERE target <> '---' GROUP BY source, target
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (NodeOf(reader.GetString(0)), NodeOf(reader.GetString(2)));
                var n = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture);
                var sum = Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture);
                var (first, last) = (Text(reader, 6), Text(reader, 7));
                edges[key] = edges.TryGetValue(key, out var e)
                    ? (e.SourceName, e.TargetName, e.Events + n, e.Sum + sum, Min(e.First, first), Max(e.Last, last))
                    : (Text(reader, 1) ?? "", Text(reader, 3) ?? "", n, sum, first, last);
            }
        }
        return [.. edges.OrderBy(e => e.Key.Item1, StringComparer.Ordinal).ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
            .Select(e => new DyadEdge(e.Key.Item1, e.Value.SourceName, e.Key.Item2, e.Value.TargetName, e.Value.Events, e.Value.Sum / e.Value.Events)
            {
                First = e.Value.First,
                Last = e.Value.Last,
            })];
    }

    /// <summary>The graph's edges year by year (dated events only): for a timeline of the dyads.</summary>
    public IReadOnlyList<(string Source, string Target, string Year, long Events, double MeanGoldstein)> GraphYears()
    {
        var years = new Dictionary<(string, string, string), (long Events, double Sum)>();
        using (var cmd = Command(null, """
            SELECT source, target, substr(date_start, 1, 4), count(*), sum(goldstein)
            FROM events WHERE target <> '---' AND date_start IS NOT NULL GROUP BY source, target, substr(date_start, 1, 4)
            """))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (NodeOf(reader.GetString(0)), NodeOf(reader.GetString(1)), reader.GetString(2));
                var n = Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture);
                var sum = Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture);
                years[key] = years.TryGetValue(key, out var y) ? (y.Events + n, y.Sum + sum) : (n, sum);
            }
        }
        return [.. years.OrderBy(y => y.Key.Item1, StringComparer.Ordinal).ThenBy(y => y.Key.Item2, StringComparer.Ordinal).ThenBy(y => y.Key.Item3, StringComparer.Ordinal)
            .Select(y => (y.Key.Item1, y.Key.Item2, y.Key.Item3, y.Value.Events, y.Value.Sum / y.Value.Events))];
    }

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
}
