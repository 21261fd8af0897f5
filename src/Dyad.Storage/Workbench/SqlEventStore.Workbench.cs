using System.Data.Common;
using System.Globalization;
using Dyad.Storage.Workbench;

namespace Dyad.Storage;

/// <summary>The queries the analysis verbs and the web workbench read: grouped counts, events with their evidence, documents.</summary>
public abstract partial class SqlEventStore
{
    // An actor matches on the indexed first three letters; a longer code (KAZGOV) must also match whole. Unlike
    // "head = x OR code = x", this lets SQLite and PostgreSQL answer from the (source_head, …) and (target_head, …) indexes.
    private static string Src(string p) => $"(e.source_head = {p}h AND (length({p}) <= 3 OR e.source = {p}))";

    private static string Tgt(string p) => $"(e.target_head = {p}h AND (length({p}) <= 3 OR e.target = {p}))";

    /// <summary>The two parameters an actor match needs: the code and its first three letters.</summary>
    private static IEnumerable<(string, object?)> ActorArgs(string name, string actor)
    {
        actor = actor.ToUpperInvariant();
        return [(name, actor), (name + "h", actor.Length > 3 ? actor[..3] : actor)];
    }

    /// <summary>
    /// The events of <paramref name="actor"/> with every other actor, counted per partner (first three letters), month,
    /// quad class and direction. Events of the actor with itself (its government and its people) are left out.
    /// </summary>
    public IReadOnlyList<PartnerCount> PartnerCounts(string actor, string? from = null, string? to = null)
    {
        var out_ = Src("@x");
        var sql = $"""
            SELECT CASE WHEN {out_} THEN e.target_head ELSE e.source_head END,
              coalesce(min(CASE WHEN {out_} AND e.target = e.target_head THEN e.target_name WHEN NOT {out_} AND e.source = e.source_head THEN e.source_name END),
                min(CASE WHEN {out_} THEN e.target_name ELSE e.source_name END)),
              substr(e.date_start, 1, 7), CASE WHEN e.precision = 'year' THEN 1 ELSE 0 END, e.quad,
              CASE WHEN {out_} THEN 1 ELSE 0 END, count(*), sum(e.goldstein)
            FROM events e
            WHERE ({out_} OR {Tgt("@x")}) AND NOT ({out_} AND {Tgt("@x")}){Range(from, to, out var args)}
            GROUP BY 1, 3, 4, 5, 6
            """;
        args.AddRange(ActorArgs("x", actor));
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        var counts = new List<PartnerCount>();
        while (reader.Read())
        {
            counts.Add(new PartnerCount(reader.GetString(0), Text(reader, 1) ?? "", Text(reader, 2), Int(reader, 3) != 0, Int(reader, 4),
                Int(reader, 5) != 0, Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToDouble(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }
        return counts;
    }

    private static string Range(string? from, string? to, out List<(string, object?)> args)
    {
        args = [];
        var sql = string.Empty;
        if (from is not null)
        {
            sql += " AND e.date_start >= @from";
            args.Add(("from", FromBound(from)));
        }
        if (to is not null)
        {
            sql += " AND e.date_start <= @to";
            args.Add(("to", ToBound(to)));
        }
        return sql;
    }

    /// <summary>The actor graph between two dates: one edge per ordered pair of states (first three letters).</summary>
    public IReadOnlyList<DyadEdge> GraphBetween(string? from, string? to, int minEvents = 1)
    {
        var edges = new List<DyadEdge>();
        using var cmd = Command(null, $"""
            SELECT e.source_head, coalesce(min(CASE WHEN e.source = e.source_head THEN e.source_name END), min(e.source_name)), e.target_head,
              coalesce(min(CASE WHEN e.target = e.target_head THEN e.target_name END), min(e.target_name)), count(*), avg(e.goldstein)
            FROM events e WHERE e.source_head <> e.target_head{Range(from, to, out var args)}
            GROUP BY e.source_head, e.target_head HAVING count(*) >= @min ORDER BY count(*) DESC, e.source_head, e.target_head
            """, [.. args, ("min", minEvents)]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            edges.Add(new DyadEdge(reader.GetString(0), Text(reader, 1) ?? "", reader.GetString(2), Text(reader, 3) ?? "",
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture)));
        }
        return edges;
    }

    /// <summary>Every actor (first three letters) with its number of events as source or target, most active first.</summary>
    public IReadOnlyList<ActorTotal> ActorTotals(int limit = 500)
    {
        using var cmd = Command(null, """
            SELECT head, coalesce(min(state), min(name)), sum(n) FROM (
              SELECT source_head AS head, min(CASE WHEN source = source_head THEN source_name END) AS state, min(source_name) AS name, count(*) AS n
              FROM events GROUP BY source_head
              UNION ALL SELECT target_head, min(CASE WHEN target = target_head THEN target_name END), min(target_name), count(*) FROM events GROUP BY target_head) x
            GROUP BY head ORDER BY sum(n) DESC, head LIMIT @n
            """, ("n", limit));
        using var reader = cmd.ExecuteReader();
        var totals = new List<ActorTotal>();
        while (reader.Read())
            totals.Add(new ActorTotal(reader.GetString(0), Text(reader, 1) ?? "", Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        return totals;
    }

    private const string WorkbenchColumns = """
        d.doc_id, e.event_id, e.sentence, e.source, e.source_name, e.target, e.target_name, e.code, e.quad, e.goldstein, e.date,
        e.date_start, e.precision, e.report_date, e.mentions, e.trigger, e.trigger_start, e.trigger_end, e.rule, e.location, d.published,
        s.start_char, s.text
        """;

    /// <summary>Events with the sentence each was coded from, as <paramref name="query"/> selects and orders them.</summary>
    public IReadOnlyList<WorkbenchEvent> WorkbenchEvents(WorkbenchQuery query)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (query.Actor is { } actor && query.Partner is { } partner)
        {
            where.Add($"(({Src("@x")} AND {Tgt("@p")}) OR ({Src("@p")} AND {Tgt("@x")}))");
            args.AddRange(ActorArgs("x", actor));
            args.AddRange(ActorArgs("p", partner));
        }
        else if ((query.Actor ?? query.Partner) is { } one)
        {
            where.Add($"({Src("@x")} OR {Tgt("@x")})");
            args.AddRange(ActorArgs("x", one));
        }
        var range = Range(query.From, query.To, out var rangeArgs);
        if (range.Length > 0)
            where.Add(range[" AND ".Length..]);
        args.AddRange(rangeArgs);
        if (query.Undated)
            where.Add("e.date_start IS NULL");
        if (query.YearOnly is { } yearOnly)
            where.Add(yearOnly ? "e.precision = 'year'" : "e.precision <> 'year'");
        if (query.Quads.Count > 0)
            where.Add($"e.quad IN ({string.Join(", ", query.Quads.Select(q => q.ToString(CultureInfo.InvariantCulture)))})");
        if (query.Doc is { } doc)
        {
            where.Add("e.doc IN (SELECT id FROM documents WHERE doc_id = @doc)");
            args.Add(("doc", doc));
        }
        if (query.Text is { } text)
        {
            var hits = Search(text, 500).Select(h => (h.Doc, h.Sentence)).Distinct().ToList();
            if (hits.Count == 0)
                return [];
            // The documents first, so the doc index narrows the events before the (document, sentence) pairs are checked.
            where.Add($"e.doc IN (SELECT id FROM documents WHERE doc_id IN ({string.Join(", ", hits.Select((_, i) => $"@hd{i}"))}))");
            where.Add("(" + string.Join(" OR ", hits.Select((_, i) => $"(e.doc IN (SELECT id FROM documents WHERE doc_id = @hd{i}) AND e.sentence = @hs{i})")) + ")");
            args.AddRange(hits.SelectMany((h, i) => new (string, object?)[] { ($"hd{i}", h.Doc), ($"hs{i}", h.Sentence) }));
        }
        var order = query.Order switch
        {
            EventOrder.DateDescending => "e.date_start IS NULL, e.date_start DESC, e.doc, e.sentence",
            EventOrder.GoldsteinDescending => "e.goldstein DESC, e.date_start, e.doc, e.sentence",
            EventOrder.GoldsteinAscending => "e.goldstein, e.date_start, e.doc, e.sentence",
            _ => "e.date_start IS NULL, e.date_start, e.doc, e.sentence",
        } + ", e.event_id, e.source, e.target";
        // The page of events is chosen from the events table alone (its indexes), and only that page is joined to its
        // document and sentence: joined first, SQLite walked the documents and probed the events once per document.
        var sql = $"""
            SELECT {WorkbenchColumns} FROM (SELECT * FROM events e
              {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty)}
              ORDER BY {order} LIMIT @limit OFFSET @offset) e
            JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
            ORDER BY {order}
            """;
        args.Add(("limit", Math.Max(0, query.Limit)));
        args.Add(("offset", Math.Max(0, query.Offset)));
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        var events = new List<WorkbenchEvent>();
        while (reader.Read())
            events.Add(ReadWorkbenchEvent(reader));
        return events;
    }

    /// <summary>One event by its name, or null when the store has no such event (any more).</summary>
    public WorkbenchEvent? WorkbenchEvent(EventRef name)
    {
        using var cmd = Command(null, $"""
            SELECT {WorkbenchColumns} FROM events e JOIN documents d ON d.id = e.doc
            LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence
            WHERE d.doc_id = @doc AND e.event_id = @id AND e.source = @source AND e.target = @target
            ORDER BY e.sentence LIMIT 1
            """, ("doc", name.Doc), ("id", name.EventId), ("source", name.Source), ("target", name.Target));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadWorkbenchEvent(reader) : null;
    }

    private static WorkbenchEvent ReadWorkbenchEvent(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Int(r, 2), r.GetString(3), Text(r, 4) ?? "", r.GetString(5), Text(r, 6) ?? "", r.GetString(7),
        Int(r, 8), Convert.ToDouble(r.GetValue(9), CultureInfo.InvariantCulture), Text(r, 10), Text(r, 11), r.GetString(12), Int(r, 13) != 0,
        Int(r, 14), Text(r, 15), Int(r, 16), Int(r, 17), Text(r, 18), Text(r, 19), Text(r, 20), Int(r, 21), Text(r, 22));

    /// <summary>The sentences of a document, in order; empty when no document has this id.</summary>
    public IReadOnlyList<StoredSentence> DocumentSentences(string doc)
    {
        using var cmd = Command(null, """
            SELECT s.idx, s.start_char, s.end_char, s.text FROM sentences s JOIN documents d ON d.id = s.doc
            WHERE d.doc_id = @doc ORDER BY s.idx
            """, ("doc", doc));
        using var reader = cmd.ExecuteReader();
        var sentences = new List<StoredSentence>();
        while (reader.Read())
            sentences.Add(new StoredSentence(Int(reader, 0), Int(reader, 1), Int(reader, 2), reader.GetString(3)));
        return sentences;
    }
}
