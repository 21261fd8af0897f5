using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Dyad.Storage;

/// <summary>
/// What SQLite and PostgreSQL share: the schema, claims, replace-on-change and the queries, in SQL both
/// understand (ON CONFLICT upserts, RETURNING, substr). A dialect supplies the types, bulk insert and search.
/// </summary>
public abstract class SqlEventStore : IEventStore
{
    private DbConnection? _connection;

    // Multi-row statements are kept short: SQLite finds a named parameter by a linear scan, so binding n of them costs n².
    private const int ListChunk = 64;
    private const int RowChunk = 16;

    /// <summary>Schema changes from one version to the next, keyed by the version they start from.</summary>
    private static readonly Dictionary<int, string[]> Migrations = [];

    private static readonly System.Text.CompositeFormat NewerSchema = System.Text.CompositeFormat.Parse(StoreMessages.NewerSchema);
    private static readonly System.Text.CompositeFormat OlderSchema = System.Text.CompositeFormat.Parse(StoreMessages.OlderSchema);
    private static readonly System.Text.CompositeFormat NoMigration = System.Text.CompositeFormat.Parse(StoreMessages.NoMigration);

    public abstract string Name { get; }

    protected DbConnection Connection => _connection ?? throw new InvalidOperationException("the store is not open; call Open first");

    /// <summary>The dialect's expression for the database clock in milliseconds since 1970 (claims use the server's clock, not the workers').</summary>
    protected abstract string NowMs { get; }

    /// <summary>The primary key column of documents and the ingest log.</summary>
    protected abstract string IdColumn { get; }

    protected abstract string SqlType(ColumnType type);

    protected abstract DbConnection CreateConnection();

    /// <summary>Serializes schema creation between processes starting at once.</summary>
    protected virtual void LockSchema(DbTransaction transaction)
    {
    }

    protected virtual void AfterOpen()
    {
    }

    protected abstract bool TableExists(DbTransaction transaction, string table);

    protected abstract long CountTables(DbTransaction transaction);

    /// <summary>Full-text search structures over sentences (FTS5 in SQLite, a tsvector column in PostgreSQL).</summary>
    protected abstract IEnumerable<string> SearchDdl();

    protected abstract void InsertRows(DbTransaction transaction, Table table, IEnumerable<(long Doc, object?[] Row)> rows);

    protected abstract string SearchSql { get; }

    /// <summary>The query text the dialect's full-text search reads.</summary>
    protected abstract string SearchQuery(string text);

    /// <summary>Turns a driver exception into a one-line message, or null when it is not a database problem we know.</summary>
    protected abstract string? Reason(Exception failure);

    /// <summary>
    /// True when <paramref name="failure"/> is about one document's values (a character or size the database cannot
    /// hold), not about the database: the batch is then stored document by document and only that one fails.
    /// </summary>
    public virtual bool IsDocumentFault(Exception failure) =>
        failure is ArgumentException or InvalidCastException or OverflowException or System.Text.EncoderFallbackException;

    public StoreException Explain(Exception failure)
    {
        if (failure is StoreException store)
            return store;
        var reason = Reason(failure) ?? FirstLine(failure.Message);
        return new StoreException($"{Name}: {reason}", failure);
    }

    protected static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }

    public void Open(bool migrate = false)
    {
        try
        {
            _connection = CreateConnection();
            _connection.Open();
            AfterOpen();
            using var tx = _connection.BeginTransaction();
            LockSchema(tx);
            if (!TableExists(tx, "schema_info"))
            {
                if (CountTables(tx) > 0)
                    throw new StoreException($"{Name}: {StoreMessages.ForeignTables}");
                Create(tx);
            }
            else
            {
                var version = ReadVersion(tx);
                if (version != Schema.Version)
                    Upgrade(tx, version, migrate);
            }
            tx.Commit();
        }
        catch (Exception ex)
        {
            _connection?.Dispose();
            _connection = null;
            throw Explain(ex);
        }
    }

    private void Upgrade(DbTransaction tx, int version, bool migrate)
    {
        var db = Name[(Name.IndexOf(' ') + 1)..];
        if (version > Schema.Version)
            throw new StoreException($"{Name}: " + string.Format(CultureInfo.InvariantCulture, NewerSchema, version, Schema.Version));
        if (!migrate)
            throw new StoreException($"{Name}: " + string.Format(CultureInfo.InvariantCulture, OlderSchema, version, Schema.Version, db));
        for (var v = version; v < Schema.Version; v++)
        {
            if (!Migrations.TryGetValue(v, out var steps))
                throw new StoreException($"{Name}: " + string.Format(CultureInfo.InvariantCulture, NoMigration, v, Schema.Version));
            foreach (var step in steps)
                Execute(tx, step);
        }
        Execute(tx, "UPDATE schema_info SET value = @v WHERE name = 'schema_version'", ("v", Schema.Version.ToString(CultureInfo.InvariantCulture)));
    }

    private int ReadVersion(DbTransaction tx)
    {
        var value = Scalar(tx, "SELECT value FROM schema_info WHERE name = 'schema_version'");
        return int.TryParse(value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    public int? StoredSchemaVersion()
    {
        using var tx = Connection.BeginTransaction();
        return TableExists(tx, "schema_info") ? ReadVersion(tx) : null;
    }

    private void Create(DbTransaction tx)
    {
        Execute(tx, "CREATE TABLE schema_info (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        Execute(tx, $"""
            CREATE TABLE documents (
              id {IdColumn}, doc_key TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, origin TEXT NOT NULL, published TEXT,
              content_hash TEXT NOT NULL, coder_version TEXT NOT NULL, data_hash TEXT NOT NULL, chars {SqlType(ColumnType.Int)} NOT NULL,
              sentences {SqlType(ColumnType.Int)} NOT NULL, event_mentions {SqlType(ColumnType.Int)} NOT NULL,
              events {SqlType(ColumnType.Int)} NOT NULL, facts {SqlType(ColumnType.Int)} NOT NULL,
              stored_by TEXT NOT NULL, stored_at_ms {SqlType(ColumnType.Long)} NOT NULL)
            """);
        foreach (var table in Schema.ChildTables)
        {
            var id = table == Schema.Sentences ? $"id {IdColumn}, " : string.Empty;
            var columns = string.Join(", ", table.Columns.Select(c => $"{c.Name} {SqlType(c.Type)}{(c.Nullable ? "" : " NOT NULL")}"));
            Execute(tx, $"CREATE TABLE {table.Name} ({id}{columns})");
        }
        Execute(tx, "CREATE UNIQUE INDEX ix_sentences_doc ON sentences (doc, idx)");
        Execute(tx, $"CREATE TABLE claims (doc_key TEXT PRIMARY KEY, content_hash TEXT NOT NULL, owner TEXT NOT NULL, expires_ms {SqlType(ColumnType.Long)} NOT NULL)");
        Execute(tx, $"""
            CREATE TABLE ingest_log (id {IdColumn}, doc_key TEXT NOT NULL, content_hash TEXT NOT NULL, worker TEXT NOT NULL,
              action TEXT NOT NULL, at_ms {SqlType(ColumnType.Long)} NOT NULL)
            """);
        foreach (var (name, table, columns) in Schema.Indexes)
            Execute(tx, $"CREATE INDEX {name} ON {table} ({columns})");
        foreach (var ddl in SearchDdl())
            Execute(tx, ddl);
        Execute(tx, "INSERT INTO schema_info (name, value) VALUES ('schema_version', @v)", ("v", Schema.Version.ToString(CultureInfo.InvariantCulture)));
        Execute(tx, "INSERT INTO schema_info (name, value) VALUES ('created_by', @v)", ("v", "dyad " + CoderVersion.Version));
    }

    public ClaimResult Claim(string key, string contentHash, string owner, TimeSpan lease) =>
        Claim([(key, contentHash)], owner, lease)[0];

    /// <summary>Claims several documents in one transaction (see <see cref="IEventStore.Claim"/>).</summary>
    public IReadOnlyList<ClaimResult> Claim(IReadOnlyList<(string Key, string Hash)> documents, string owner, TimeSpan lease)
    {
        var results = new ClaimResult[documents.Count];
        using var tx = Connection.BeginTransaction();
        // A lost claim costs a redo at worst, so claims need not wait for the disk.
        BeforeClaims(tx);
        // Claim first, then look for stored copies: a worker that stored one of these documents and dropped its
        // claim just before our claim is then seen here (PostgreSQL reads each statement's own snapshot).
        var wanted = new List<int>();
        var seen = new HashSet<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (seen.Add(documents[i].Key))
                wanted.Add(i);
            else
                results[i] = ClaimResult.Busy; // the same key twice in one batch: the second waits for the first
        }
        var got = new HashSet<string>();
        foreach (var chunk in wanted.Chunk(ListChunk))
        {
            var values = string.Join(", ", chunk.Select((_, j) => $"(@k{j}, @h{j}, @o, {NowMs} + @lease)"));
            var args = new List<(string, object?)> { ("o", owner), ("lease", (long)lease.TotalMilliseconds) };
            args.AddRange(chunk.Select((i, j) => ($"k{j}", (object?)documents[i].Key)));
            args.AddRange(chunk.Select((i, j) => ($"h{j}", (object?)documents[i].Hash)));
            using var cmd = Command(tx, $"""
                INSERT INTO claims (doc_key, content_hash, owner, expires_ms) VALUES {values}
                ON CONFLICT (doc_key) DO UPDATE SET content_hash = excluded.content_hash, owner = excluded.owner, expires_ms = excluded.expires_ms
                WHERE claims.expires_ms < {NowMs} OR claims.owner = excluded.owner
                RETURNING doc_key
                """, [.. args]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                got.Add(reader.GetString(0));
        }
        var stored = StoredHashes(tx, documents.Select(d => d.Key));
        var release = new List<string>();
        foreach (var i in wanted)
        {
            var (key, hash) = documents[i];
            if (stored.TryGetValue(key, out var s) && s.Hash == hash)
            {
                results[i] = ClaimResult.Done;
                if (got.Contains(key))
                    release.Add(key);
            }
            else
            {
                results[i] = got.Contains(key) ? ClaimResult.Claimed : ClaimResult.Busy;
            }
        }
        foreach (var chunk in release.Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            Execute(tx, $"DELETE FROM claims WHERE owner = @o AND doc_key IN ({names})", [("o", owner), .. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
        }
        tx.Commit();
        return results;
    }

    /// <summary>Settings for a claims transaction (PostgreSQL: commit without waiting for the disk).</summary>
    protected virtual void BeforeClaims(DbTransaction transaction)
    {
    }

    /// <summary>Called in a store transaction after the replaced documents' rows are gone, before the new rows go in.</summary>
    protected virtual void BeforeChildRows(DbTransaction transaction)
    {
    }

    /// <summary>Called in a store transaction after the new rows of every document of the batch are in.</summary>
    protected virtual void AfterChildRows(DbTransaction transaction)
    {
    }

    private Dictionary<string, (long Id, string Hash)> StoredHashes(DbTransaction tx, IEnumerable<string> keys)
    {
        var found = new Dictionary<string, (long, string)>();
        foreach (var chunk in keys.Distinct().Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            using var cmd = Command(tx, $"SELECT doc_key, id, content_hash FROM documents WHERE doc_key IN ({names})", [.. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                found[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2));
        }
        return found;
    }

    public void Release(string key, string owner)
    {
        using var tx = Connection.BeginTransaction();
        Execute(tx, "DELETE FROM claims WHERE doc_key = @k AND owner = @o", ("k", key), ("o", owner));
        tx.Commit();
    }

    /// <summary>Of <paramref name="keys"/>, those another worker holds under an unexpired claim.</summary>
    public IReadOnlySet<string> HeldByOthers(IEnumerable<string> keys, string owner)
    {
        var held = new HashSet<string>();
        foreach (var chunk in keys.Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            using var cmd = Command(null, $"SELECT doc_key FROM claims WHERE owner <> @o AND expires_ms >= {NowMs} AND doc_key IN ({names})",
                [("o", owner), .. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                held.Add(reader.GetString(0));
        }
        return held;
    }

    /// <summary>The workers that hold claims.</summary>
    public IReadOnlyList<string> ClaimOwners()
    {
        var owners = new List<string>();
        using var cmd = Command(null, "SELECT DISTINCT owner FROM claims");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            owners.Add(reader.GetString(0));
        return owners;
    }

    /// <summary>Drops every claim of <paramref name="owner"/>; returns how many.</summary>
    public int ReleaseAll(string owner)
    {
        using var tx = Connection.BeginTransaction();
        using var cmd = Command(tx, "DELETE FROM claims WHERE owner = @o", ("o", owner));
        var n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n;
    }

    public IReadOnlyList<string> ClaimsOf(string owner)
    {
        using var tx = Connection.BeginTransaction();
        var keys = new List<string>();
        using var cmd = Command(tx, "SELECT doc_key FROM claims WHERE owner = @o ORDER BY doc_key", ("o", owner));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        return keys;
    }

    public IReadOnlyList<StoreOutcome> Store(IReadOnlyList<StoredDocument> documents, string owner)
    {
        var outcomes = new StoreOutcome[documents.Count];
        var toInsert = new List<(long Id, StoredDocument Doc)>();
        using var tx = Connection.BeginTransaction();
        var stored = StoredHashes(tx, documents.Select(d => d.Key));
        var fresh = new List<int>();
        var replaced = new List<(long Id, int Index)>();
        var inBatch = new Dictionary<string, int>();
        var lastOf = new Dictionary<string, int>();
        for (var i = 0; i < documents.Count; i++)
            lastOf[documents[i].Key] = i;
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            if (lastOf[doc.Key] != i)
            {
                // The same key again later in this batch: the last copy wins, as it would in two batches.
                outcomes[i] = StoreOutcome.Unchanged;
                continue;
            }
            inBatch[doc.Key] = i;
            if (stored.TryGetValue(doc.Key, out var s))
            {
                outcomes[i] = s.Hash == doc.ContentHash ? StoreOutcome.Unchanged : StoreOutcome.Replaced;
                if (outcomes[i] == StoreOutcome.Replaced)
                    replaced.Add((s.Id, i));
            }
            else
            {
                outcomes[i] = StoreOutcome.Inserted;
                fresh.Add(i);
            }
        }
        foreach (var chunk in replaced.Chunk(ListChunk))
        {
            var ids = string.Join(", ", chunk.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
            foreach (var table in Schema.ChildTables)
                Execute(tx, $"DELETE FROM {table.Name} WHERE doc IN ({ids})");
        }
        foreach (var (id, i) in replaced)
        {
            Execute(tx, $"""
                UPDATE documents SET doc_id = @id, origin = @origin, published = @published, content_hash = @hash,
                  coder_version = @version, data_hash = @data, chars = @chars, sentences = @sentences, event_mentions = @mentions,
                  events = @events, facts = @facts, stored_by = @owner, stored_at_ms = {NowMs} WHERE doc_key = @k
                """, DocumentValues(documents[i], owner, string.Empty));
            toInsert.Add((id, documents[i]));
        }
        foreach (var chunk in fresh.Chunk(RowChunk))
        {
            var values = string.Join(", ", chunk.Select((_, j) =>
                $"(@k{j}, @id{j}, @origin{j}, @published{j}, @hash{j}, @version, @data, @chars{j}, @sentences{j}, @mentions{j}, @events{j}, @facts{j}, @owner, {NowMs})"));
            var args = new List<(string, object?)> { ("version", CoderVersion.Version), ("data", CoderVersion.DataHash), ("owner", owner) };
            for (var j = 0; j < chunk.Length; j++)
                args.AddRange(DocumentValues(documents[chunk[j]], owner, j.ToString(CultureInfo.InvariantCulture)).Where(a => a.Item1.EndsWith(j.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
            var ids = new Dictionary<string, long>();
            using (var cmd = Command(tx, $"""
                INSERT INTO documents (doc_key, doc_id, origin, published, content_hash, coder_version, data_hash, chars, sentences,
                  event_mentions, events, facts, stored_by, stored_at_ms)
                VALUES {values}
                ON CONFLICT (doc_key) DO NOTHING
                RETURNING doc_key, id
                """, [.. args]))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                    ids[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
            foreach (var i in chunk)
            {
                // Not inserted: another worker stored it meanwhile (its claim had run out on us); its rows stand.
                if (ids.TryGetValue(documents[i].Key, out var id))
                    toInsert.Add((id, documents[i]));
                else
                    outcomes[i] = StoreOutcome.Unchanged;
            }
        }
        var log = toInsert.Select(t => t.Doc).ToList();
        foreach (var chunk in log.Chunk(RowChunk))
        {
            var values = string.Join(", ", chunk.Select((_, j) => $"(@k{j}, @h{j}, @owner, @a{j}, {NowMs})"));
            var args = new List<(string, object?)> { ("owner", owner) };
            for (var j = 0; j < chunk.Length; j++)
            {
                args.Add(($"k{j}", chunk[j].Key));
                args.Add(($"h{j}", chunk[j].ContentHash));
                args.Add(($"a{j}", outcomes[inBatch[chunk[j].Key]].ToString().ToLowerInvariant()));
            }
            Execute(tx, $"INSERT INTO ingest_log (doc_key, content_hash, worker, action, at_ms) VALUES {values}", [.. args]);
        }
        // Our claims go, and so does any other worker's claim on the same content: that work is done now (it can
        // happen when our lease ran out while the document waited in our queues and another worker took it over).
        foreach (var chunk in inBatch.Chunk(ListChunk))
        {
            var match = string.Join(" OR ", chunk.Select((_, j) => $"(doc_key = @k{j} AND (owner = @o OR content_hash = @h{j}))"));
            Execute(tx, $"DELETE FROM claims WHERE {match}",
                [("o", owner), .. chunk.Select((k, j) => ($"k{j}", (object?)k.Key)), .. chunk.Select((k, j) => ($"h{j}", (object?)documents[k.Value].ContentHash))]);
        }
        BeforeChildRows(tx);
        foreach (var table in Schema.ChildTables)
            InsertRows(tx, table, toInsert.SelectMany(d => d.Doc.Rows[table.Name].Select(r => (d.Id, r))));
        AfterChildRows(tx);
        tx.Commit();
        return outcomes;
    }

    private static (string, object?)[] DocumentValues(StoredDocument doc, string owner, string suffix) =>
    [
        ("k" + suffix, doc.Key), ("id" + suffix, doc.DocumentId), ("origin" + suffix, doc.Origin), ("published" + suffix, doc.Published),
        ("hash" + suffix, doc.ContentHash), ("version", CoderVersion.Version), ("data", CoderVersion.DataHash), ("chars" + suffix, doc.Characters),
        ("sentences" + suffix, doc.SentenceCount), ("mentions" + suffix, doc.MentionCount), ("events" + suffix, doc.EventCount),
        ("facts" + suffix, doc.FactCount), ("owner", owner),
    ];

    public long BulkInsertEvents(IEnumerable<object?[]> events, string documentKey)
    {
        using var tx = Connection.BeginTransaction();
        var id = Convert.ToInt64(Scalar(tx, $"""
            INSERT INTO documents (doc_key, doc_id, origin, published, content_hash, coder_version, data_hash, chars, sentences,
              event_mentions, events, facts, stored_by, stored_at_ms)
            VALUES (@k, @k, 'bulk', NULL, 'bulk', @version, @data, 0, 0, 0, 0, 0, 'bulk', {NowMs})
            RETURNING id
            """, ("k", documentKey), ("version", CoderVersion.Version), ("data", CoderVersion.DataHash)), CultureInfo.InvariantCulture);
        long count = 0;
        InsertRows(tx, Schema.Events, events.Select(r =>
        {
            count++;
            return (id, r);
        }));
        Execute(tx, "UPDATE documents SET events = @n WHERE id = @d", ("n", (int)Math.Min(count, int.MaxValue)), ("d", id));
        tx.Commit();
        return count;
    }

    private const string EventColumns = """
        d.doc_id, e.event_id, e.sentence, e.source, e.source_name, e.target, e.target_name, e.code, e.root, e.quad, e.goldstein,
        e.date, e.date_start, e.precision, e.report_date, e.mentions, e.trigger, e.trigger_start, e.trigger_end, e.rule,
        e.location, e.location_country, e.lat, e.lon, d.published
        """;

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

    private static string ActorMatch(string column, string parameter) => $"({column}_head = {parameter} OR {column} = {parameter})";

    public IEnumerable<EventRecord> Events(EventFilter filter)
    {
        // A negative limit means "all" to SQLite and is an error to PostgreSQL: refused here, the same for both.
        ArgumentOutOfRangeException.ThrowIfNegative(filter.Limit ?? 0, nameof(filter));
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (filter.Dyad is { } dyad)
        {
            where.Add($"(({ActorMatch("e.source", "@a")} AND {ActorMatch("e.target", "@b")}) OR ({ActorMatch("e.source", "@b")} AND {ActorMatch("e.target", "@a")}))");
            args.Add(("a", dyad.A.ToUpperInvariant()));
            args.Add(("b", dyad.B.ToUpperInvariant()));
        }
        if (filter.Actor is { } actor)
        {
            where.Add($"({ActorMatch("e.source", "@x")} OR {ActorMatch("e.target", "@x")})");
            args.Add(("x", actor.ToUpperInvariant()));
        }
        if (filter.From is { } from)
        {
            where.Add("e.date_start >= @from");
            args.Add(("from", FromBound(from)));
        }
        if (filter.To is { } to)
        {
            where.Add("e.date_start <= @to");
            args.Add(("to", ToBound(to)));
        }
        var sql = $"SELECT {EventColumns} FROM events e JOIN documents d ON d.id = e.doc"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY e.date_start, d.doc_id, e.sentence"
            + (filter.Limit is { } limit ? $" LIMIT {limit.ToString(CultureInfo.InvariantCulture)}" : string.Empty);
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new EventRecord(
                reader.GetString(0), reader.GetString(1), Int(reader, 2), reader.GetString(3), Text(reader, 4) ?? "", reader.GetString(5),
                Text(reader, 6) ?? "", reader.GetString(7), reader.GetString(8), Int(reader, 9), Convert.ToDouble(reader.GetValue(10), CultureInfo.InvariantCulture),
                Text(reader, 11), Text(reader, 12), reader.GetString(13), Int(reader, 14) != 0, Int(reader, 15), Text(reader, 16),
                Int(reader, 17), Int(reader, 18), Text(reader, 19), Text(reader, 20), Text(reader, 21), Real(reader, 22), Real(reader, 23),
                Text(reader, 24));
        }
    }

    public IEnumerable<FactRecord> Facts(string? actor, int? limit = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit ?? 0, nameof(limit));
        var sql = """
            SELECT d.doc_id, f.sentence, f.subject, f.subject_name, f.predicate, f.object, f.object_name, f.what, f.quantities,
              f.at_date, f.start_date, f.end_date, f.trigger, f.trigger_start, f.trigger_end, f.rule
            FROM facts f JOIN documents d ON d.id = f.doc
            """;
        var args = new List<(string, object?)>();
        if (actor is not null)
        {
            sql += $" WHERE {ActorMatch("f.subject", "@x")} OR {ActorMatch("f.object", "@x")}";
            args.Add(("x", actor.ToUpperInvariant()));
        }
        sql += " ORDER BY d.doc_id, f.sentence";
        if (limit is { } n)
            sql += $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}";
        using var cmd = Command(null, sql, [.. args]);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return new FactRecord(reader.GetString(0), Int(reader, 1), reader.GetString(2), Text(reader, 3) ?? "", reader.GetString(4),
                reader.GetString(5), Text(reader, 6) ?? "", Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10), Text(reader, 11),
                Text(reader, 12), Int(reader, 13), Int(reader, 14), Text(reader, 15));
        }
    }

    public IEnumerable<SentenceHit> Search(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var query = SearchQuery(text);
        if (query.Length == 0)
            yield break;
        using var cmd = Command(null, SearchSql, ("q", query), ("n", limit));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            yield return new SentenceHit(reader.GetString(0), Int(reader, 1), Int(reader, 2), Int(reader, 3), reader.GetString(4));
    }

    public IReadOnlyList<SeriesPoint> DyadSeries(string a, string b, string? first = null, string? last = null)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var range = "date_start >= @from AND date_start <= @to";
        // Two range scans of the (source_head, target_head, date_start, goldstein) index, one per direction.
        var branch = $"SELECT date_start, goldstein FROM events WHERE source_head = @a AND target_head = @b AND {range}";
        var sql = $"SELECT substr(date_start, 1, 7) AS month, count(*), avg(goldstein) FROM ({branch}"
            + (a == b ? string.Empty : $" UNION ALL SELECT date_start, goldstein FROM events WHERE source_head = @b AND target_head = @a AND {range}")
            + ") x GROUP BY substr(date_start, 1, 7) ORDER BY month";
        using var cmd = Command(null, sql, ("a", a), ("b", b), ("from", first is null ? "0000" : FromBound(first)), ("to", last is null ? "9999" : ToBound(last)));
        using var reader = cmd.ExecuteReader();
        var points = new List<SeriesPoint>();
        while (reader.Read())
            points.Add(new SeriesPoint(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
        return points;
    }

    public StoreCounts Counts()
    {
        long Count(string table) => Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        return new StoreCounts(Count("documents"), Count("sentences"), Count("actor_mentions"), Count("event_mentions"), Count("events"), Count("facts"));
    }

    public IReadOnlyList<DyadEdge> Graph()
    {
        var edges = new List<DyadEdge>();
        using var cmd = Command(null, """
            SELECT source_head, min(source_name), target_head, min(target_name), count(*), avg(goldstein)
            FROM events GROUP BY source_head, target_head ORDER BY source_head, target_head
            """);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            edges.Add(new DyadEdge(reader.GetString(0), Text(reader, 1) ?? "", reader.GetString(2), Text(reader, 3) ?? "",
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture)));
        }
        return edges;
    }

    public IReadOnlyDictionary<string, int> StoreCountsByKey()
    {
        var counts = new Dictionary<string, int>();
        using var cmd = Command(null, "SELECT doc_key, count(*) FROM ingest_log GROUP BY doc_key");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>Runs SQL for tests and tools that need a look behind the interface.</summary>
    public object? ScalarForTests(string sql) => Scalar(null, sql);

    public void ExecuteForTests(string sql)
    {
        using var tx = Connection.BeginTransaction();
        Execute(tx, sql);
        tx.Commit();
    }

    protected static int Int(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);

    protected static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    protected static double? Real(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>
    /// Put before each parameter name. Microsoft.Data.Sqlite looks a bare name up under each of its three prefixes,
    /// one search of the statement's parameters each, which costs more than the insert with hundreds of parameters.
    /// </summary>
    protected virtual string ParameterPrefix => string.Empty;

    protected DbCommand Command(DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = ParameterPrefix + name;
            p.Value = value ?? DBNull.Value;
            if (value is null)
                p.DbType = DbType.String;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    protected void Execute(DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    protected object? Scalar(DbTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(tx, sql, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
