using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Storage.Workbench;

namespace Dyad.Storage;

/// <summary>
/// Corrections: a reviewer's verdict on a coded event, stored apart from the coded rows and applied to them, now
/// and after every later store of the same document. A correction is anchored on what does not move when a
/// document is re-coded or edited elsewhere: the document's id, the sentence's text, the trigger's offset within
/// it and the event as coded (source, target, code), not on row ids.
/// </summary>
public abstract partial class SqlEventStore
{
    private const string CorrectionsTable = "corrections";

    private const string CorrectionColumns = """
        id, doc_id, sentence_text, trigger_offset, trigger_text, source, target, code, action, new_source, new_source_name, new_target,
        new_target_name, new_code, new_date, note, author, at_ms, before_json
        """;

    /// <summary>Creates the corrections table when the store has none (stores made before corrections gain it on first use).</summary>
    private void EnsureCorrections(DbTransaction tx)
    {
        if (TableExists(tx, CorrectionsTable))
            return;
        Execute(tx, $"""
            CREATE TABLE {CorrectionsTable} (id {IdColumn}, doc_id TEXT NOT NULL, sentence_text TEXT NOT NULL,
              trigger_offset {SqlType(ColumnType.Int)} NOT NULL, trigger_text TEXT, source TEXT NOT NULL, target TEXT NOT NULL,
              code TEXT NOT NULL, action TEXT NOT NULL, new_source TEXT, new_source_name TEXT, new_target TEXT, new_target_name TEXT,
              new_code TEXT, new_date TEXT, note TEXT, author TEXT NOT NULL, at_ms {SqlType(ColumnType.Long)} NOT NULL, before_json TEXT NOT NULL)
            """);
        Execute(tx, $"CREATE INDEX ix_corrections_doc ON {CorrectionsTable} (doc_id)");
    }

    /// <summary>
    /// Stores a correction of <paramref name="request"/>'s event and applies it to the stored rows. Returns the stored
    /// correction, or throws <see cref="ArgumentException"/> (the event is not in the store, or the change is not valid).
    /// </summary>
    public Correction AddCorrection(CorrectionRequest request)
    {
        var e = WorkbenchEvent(request.Event) ?? throw new ArgumentException($"no event {request.Event} in the store", nameof(request));
        if (e.SentenceText is null)
            throw new ArgumentException($"event {request.Event} has no stored sentence to anchor a correction on", nameof(request));
        request.Validate();
        var before = JsonSerializer.Serialize(new
        {
            doc = e.Doc, sentence = e.Sentence, source = e.Source, target = e.Target, code = e.Code, date = e.Date, precision = e.Precision,
            trigger = e.Trigger, rule = e.Rule,
        });
        using var tx = Connection.BeginTransaction();
        EnsureCorrections(tx);
        var id = Convert.ToInt64(Scalar(tx, $"""
            INSERT INTO {CorrectionsTable} (doc_id, sentence_text, trigger_offset, trigger_text, source, target, code, action, new_source,
              new_source_name, new_target, new_target_name, new_code, new_date, note, author, at_ms, before_json)
            VALUES (@doc, @sentence, @offset, @trigger, @source, @target, @code, @action, @ns, @nsn, @nt, @ntn, @nc, @nd, @note, @author, {NowMs}, @before)
            RETURNING id
            """,
            ("doc", e.Doc), ("sentence", e.SentenceText), ("offset", e.TriggerStart - e.SentenceStart), ("trigger", e.Trigger), ("source", e.Source),
            ("target", e.Target), ("code", e.Code), ("action", request.Reject ? "reject" : "fix"), ("ns", request.Source), ("nsn", request.SourceName ?? request.Source),
            ("nt", request.Target), ("ntn", request.TargetName ?? request.Target), ("nc", request.Code), ("nd", request.Date), ("note", request.Note),
            ("author", request.Author), ("before", before)), CultureInfo.InvariantCulture);
        var correction = ReadCorrections(tx, "id = @id", ("id", id)).Single();
        Apply(tx, correction);
        tx.Commit();
        return correction;
    }

    /// <summary>All corrections, oldest first (or those of one document).</summary>
    public IReadOnlyList<Correction> Corrections(string? doc = null)
    {
        using var tx = Connection.BeginTransaction();
        if (!TableExists(tx, CorrectionsTable))
            return [];
        return doc is null ? ReadCorrections(tx, null) : ReadCorrections(tx, "doc_id = @doc", ("doc", doc));
    }

    /// <summary>Applies the corrections of the documents just stored to their new rows, in the order they were made.</summary>
    private void ReapplyCorrections(DbTransaction tx, IEnumerable<string> docIds)
    {
        var ids = docIds.Distinct().ToList();
        if (ids.Count == 0 || !TableExists(tx, CorrectionsTable))
            return;
        foreach (var chunk in ids.Chunk(ListChunk))
        {
            var list = string.Join(", ", chunk.Select((_, i) => $"@d{i}"));
            foreach (var correction in ReadCorrections(tx, $"doc_id IN ({list})", [.. chunk.Select((d, i) => ($"d{i}", (object?)d))]))
                Apply(tx, correction);
        }
    }

    private List<Correction> ReadCorrections(DbTransaction tx, string? where, params (string, object?)[] args)
    {
        using var cmd = Command(tx, $"SELECT {CorrectionColumns} FROM {CorrectionsTable}{(where is null ? "" : " WHERE " + where)} ORDER BY id", args);
        using var r = cmd.ExecuteReader();
        var list = new List<Correction>();
        while (r.Read())
        {
            list.Add(new Correction(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), Int(r, 3), Text(r, 4),
                r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8) == "reject", Text(r, 9), Text(r, 10), Text(r, 11), Text(r, 12),
                Text(r, 13), Text(r, 14), Text(r, 15), r.GetString(16), Convert.ToInt64(r.GetValue(17), CultureInfo.InvariantCulture), r.GetString(18)));
        }
        return list;
    }

    /// <summary>Deletes or rewrites the rows (events and their mentions) the correction is anchored on; returns the events touched.</summary>
    private int Apply(DbTransaction tx, Correction c)
    {
        var touched = 0;
        foreach (var table in new[] { Schema.Events.Name, Schema.EventMentions.Name })
        {
            var match = $"""
                doc IN (SELECT id FROM documents WHERE doc_id = @doc) AND source = @source AND target = @target AND code = @code
                AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc = {table}.doc AND s.idx = {table}.sentence AND s.text = @sentence
                  AND {table}.trigger_start - s.start_char = @offset)
                """;
            var args = new List<(string, object?)> { ("doc", c.Doc), ("source", c.Source), ("target", c.Target), ("code", c.Code), ("sentence", c.SentenceText), ("offset", c.TriggerOffset) };
            string sql;
            if (c.Reject)
            {
                sql = $"DELETE FROM {table} WHERE {match}";
            }
            else
            {
                var set = new List<string>();
                if (c.NewSource is { } ns)
                {
                    set.Add("source = @ns, source_head = @nsh, source_name = @nsn");
                    args.AddRange([("ns", ns), ("nsh", ActorCode.Parse(ns).Head), ("nsn", c.NewSourceName ?? ns)]);
                }
                if (c.NewTarget is { } nt)
                {
                    set.Add("target = @nt, target_head = @nth, target_name = @ntn");
                    args.AddRange([("nt", nt), ("nth", ActorCode.Parse(nt).Head), ("ntn", c.NewTargetName ?? nt)]);
                }
                if (c.NewCode is { } nc)
                {
                    var code = EventCode.Parse(nc);
                    set.Add("code = @nc, root = @nroot, quad = @nquad, goldstein = @ngold");
                    args.AddRange([("nc", nc), ("nroot", code.Root), ("nquad", (int)QuadClasses.Of(code)), ("ngold", CameoInfo.Of(code).Goldstein)]);
                }
                if (c.NewDate is { } nd)
                {
                    if (!DateValue.TryParse(nd, out var date))
                        continue;
                    set.Add("date = @nd, date_start = @nds, precision = @np, report_date = 0");
                    args.AddRange([("nd", date.Value), ("nds", date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("np", date.PrecisionName)]);
                }
                if (set.Count == 0)
                    continue;
                sql = $"UPDATE {table} SET {string.Join(", ", set)} WHERE {match}";
            }
            using var cmd = Command(tx, sql, [.. args]);
            var n = cmd.ExecuteNonQuery();
            if (table == Schema.Events.Name)
                touched = n;
        }
        return touched;
    }
}
