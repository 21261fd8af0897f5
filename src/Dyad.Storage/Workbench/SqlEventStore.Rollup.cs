using System.Globalization;
using Dyad.Storage.Workbench;

namespace Dyad.Storage;

/// <summary>The whole events table summed by ordered state pair, month, precision and quad class: what a server keeps in memory.</summary>
public abstract partial class SqlEventStore
{
    /// <summary>
    /// One row per ordered pair of states (first three letters), month, year-only flag and quad class, with the
    /// events and their summed Goldstein value. A store of a million events sums to a few tens of thousands of rows.
    /// </summary>
    public IReadOnlyList<PairMonth> PairMonths()
    {
        using var cmd = Command(null, """
            SELECT source_head, target_head, substr(date_start, 1, 7), CASE WHEN precision = 'year' THEN 1 ELSE 0 END, quad, count(*), sum(goldstein)
            FROM events GROUP BY source_head, target_head, substr(date_start, 1, 7), CASE WHEN precision = 'year' THEN 1 ELSE 0 END, quad
            """);
        using var reader = cmd.ExecuteReader();
        var rows = new List<PairMonth>();
        while (reader.Read())
        {
            rows.Add(new PairMonth(reader.GetString(0), reader.GetString(1), Text(reader, 2), Int(reader, 3) != 0, Int(reader, 4),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>The name of each state code (three letters) as the events give it, from the events where the state itself acts.</summary>
    public IReadOnlyDictionary<string, string> StateNames(IEnumerable<string> heads)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var head in heads)
        {
            // Each look-up is one probe of an index: the state as source, else as target, else any of its actors.
            var name = Scalar(null, "SELECT source_name FROM events WHERE source_head = @h AND source = @h LIMIT 1", ("h", head))
                ?? Scalar(null, "SELECT target_name FROM events WHERE target_head = @h AND target = @h LIMIT 1", ("h", head))
                ?? Scalar(null, "SELECT source_name FROM events WHERE source_head = @h LIMIT 1", ("h", head));
            names[head] = name as string ?? head;
        }
        return names;
    }

    /// <summary>
    /// Changes whenever the events do: a document is stored or replaced (the ingest log and the documents only grow),
    /// events are bulk-inserted, or a correction is made. Three look-ups of a primary key's maximum.
    /// </summary>
    public string Fingerprint()
    {
        using var tx = Connection.BeginTransaction();
        var docs = Scalar(tx, "SELECT max(id) FROM documents");
        var log = Scalar(tx, "SELECT max(id) FROM ingest_log");
        var corrections = TableExists(tx, CorrectionsTable) ? Scalar(tx, $"SELECT max(id) FROM {CorrectionsTable}") : null;
        return FormattableString.Invariant($"{docs}/{log}/{corrections}");
    }
}
