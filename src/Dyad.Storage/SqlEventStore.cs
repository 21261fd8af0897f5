using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Dyad.Storage;

/// <summary>
/// What SQLite and PostgreSQL share: the schema, claims, replace-on-change and the queries, in SQL both
/// understand (ON CONFLICT upserts, RETURNING, substr). A dialect supplies the types, bulk insert and search.
/// </summary>
public abstract partial class SqlEventStore : IEventStore
{
    private DbConnection? _connection;

    // Multi-row statements are kept short: SQLite finds a named parameter by a linear scan, so binding n of them costs n².
    private const int ListChunk = 64;
    private const int RowChunk = 16;

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

    /// <summary>The FROM and WHERE of a full-text search (parameter @q), with sentences as <c>s</c> and documents as <c>d</c>.</summary>
    protected abstract string SearchFrom { get; }

    /// <summary>The ORDER BY of a full-text search: best matches first.</summary>
    protected abstract string SearchOrder { get; }

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
            if (!Schema.Migrations.TryGetValue(v, out var steps))
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
        // A reviewer's corrections outlive re-coding: they are applied again to the new rows of the documents stored.
        ReapplyCorrections(tx, toInsert.Select(d => d.Doc.DocumentId));
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

    public StoreCounts Counts()
    {
        long Count(string table) => Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        return new StoreCounts(Count("documents"), Count("sentences"), Count("actor_mentions"), Count("event_mentions"), Count("events"), Count("facts"));
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
