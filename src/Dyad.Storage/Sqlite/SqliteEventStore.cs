using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dyad.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, with FTS5 full-text search over sentences.</summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private readonly string _path;

    public SqliteEventStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    /// <summary>Caps the file at this many pages (PRAGMA max_page_count): how tests make the "disk" fill up.</summary>
    public long? MaxPageCount { get; init; }

    public override string Name => $"SQLite {_path}";

    protected override string NowMs => "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";

    protected override string IdColumn => "INTEGER PRIMARY KEY";

    protected override string ParameterPrefix => "@";

    protected override string SqlType(ColumnType type) => type switch
    {
        ColumnType.Int or ColumnType.Long => "INTEGER",
        ColumnType.Real => "REAL",
        _ => "TEXT",
    };

    protected override DbConnection CreateConnection()
    {
        var full = Path.GetFullPath(_path);
        if (Directory.Exists(full))
            throw new StoreException($"{Name}: is a directory, not a database file");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        };
        return new SqliteConnection(builder.ToString());
    }

    protected override void AfterOpen()
    {
        // WAL: readers do not block the writer, and a killed writer leaves the last committed state.
        Pragma("PRAGMA journal_mode = WAL");
        Pragma("PRAGMA synchronous = NORMAL");
        Pragma("PRAGMA busy_timeout = 60000");
        // A 32 MB page cache keeps index inserts (the dyad index especially) off the disk during bulk loads.
        Pragma("PRAGMA cache_size = -32768");
        if (MaxPageCount is { } pages)
            Pragma($"PRAGMA max_page_count = {pages.ToString(CultureInfo.InvariantCulture)}");
    }

    private void Pragma(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    protected override bool TableExists(DbTransaction transaction, string table) =>
        Convert.ToInt64(Scalar(transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @n", ("n", table)), CultureInfo.InvariantCulture) > 0;

    protected override long CountTables(DbTransaction transaction) =>
        Convert.ToInt64(Scalar(transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"), CultureInfo.InvariantCulture);

    private const string InsertTrigger =
        "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text); END";

    protected override IEnumerable<string> SearchDdl() =>
    [
        // External-content FTS5 index over sentences.text, kept in step by triggers.
        "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='porter unicode61')",
        InsertTrigger,
        "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    ];

    /// <summary>The largest sentence id before the batch's rows went in: the batch's sentences are those above it.</summary>
    private long _sentencesBefore;

    /// <remarks>
    /// FTS5 writes its pending terms out as a new index segment at every statement savepoint, and a trigger's insert
    /// into it runs under one: sentence by sentence, that was half the cost of a store. Within the store transaction
    /// the insert trigger is set aside, and the batch's sentences are indexed by one <c>INSERT … SELECT</c> at the
    /// end, after which the trigger is back. Nothing commits in between, so every other reader and writer (an older
    /// dyad too) sees the schema unchanged, and the index holds the same rows as the trigger would have written.
    /// </remarks>
    protected override void BeforeChildRows(DbTransaction transaction)
    {
        _sentencesBefore = Convert.ToInt64(Scalar(transaction, "SELECT coalesce(max(id), 0) FROM sentences"), CultureInfo.InvariantCulture);
        Execute(transaction, "DROP TRIGGER IF EXISTS sentences_ai");
    }

    protected override void AfterChildRows(DbTransaction transaction)
    {
        Execute(transaction, "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > @before ORDER BY id", ("before", _sentencesBefore));
        Execute(transaction, InsertTrigger);
    }

    protected override string SearchFrom => """
        FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.doc
        WHERE sentences_fts MATCH @q
        """;

    protected override string SearchOrder => "ORDER BY f.rank";

    /// <summary>Each word quoted, so user text is never read as FTS5 syntax; all words must occur.</summary>
    protected override string SearchQuery(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add("\"" + word + "\"");
                word.Clear();
            }
        }
        return string.Join(' ', words);
    }

    protected override void InsertRows(DbTransaction transaction, Table table, IEnumerable<(long Doc, object?[] Row)> rows)
    {
        // One prepared statement per table, reused for every row, bound through SQLite's own API: binding through
        // ADO.NET parameters costs more than the insert itself at tens of thousands of rows a second.
        var handle = ((SqliteConnection)Connection).Handle!;
        var sql = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select(_ => "?"))})";
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        using (statement)
        {
            var count = table.Columns.Count;
            // SQLite keeps a statement's bindings across resets: a value equal to the one the row before bound in the
            // same column (the document, a code, a rule, a role) is left bound instead of bound again.
            var bound = new object?[count];
            var boundDoc = 0L;
            var first = true;
            foreach (var (doc, row) in rows)
            {
                if (first || boundDoc != doc)
                {
                    raw.sqlite3_bind_int64(statement, 1, doc);
                    boundDoc = doc;
                }
                for (var i = 1; i < count; i++)
                {
                    var value = row[i];
                    if (!first && Same(bound[i], value))
                        continue;
                    bound[i] = value;
                    _ = value switch
                    {
                        null => raw.sqlite3_bind_null(statement, i + 1),
                        string text => raw.sqlite3_bind_text16(statement, i + 1, text),
                        int n => raw.sqlite3_bind_int64(statement, i + 1, n),
                        long n => raw.sqlite3_bind_int64(statement, i + 1, n),
                        double d => raw.sqlite3_bind_double(statement, i + 1, d),
                        bool b => raw.sqlite3_bind_int64(statement, i + 1, b ? 1 : 0),
                        var other => raw.sqlite3_bind_text(statement, i + 1, Convert.ToString(other, CultureInfo.InvariantCulture)),
                    };
                }
                first = false;
                rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                    throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>The same value of the same type: what was bound for <paramref name="before"/> binds <paramref name="value"/> too.</summary>
    private static bool Same(object? before, object? value) => (before, value) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (int a, int b) => a == b,
        (long a, long b) => a == b,
        // Bit for bit, so 0.0 and -0.0 (and NaNs) are never taken for one another.
        (double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b),
        (bool a, bool b) => a == b,
        _ => false,
    };

    // 18: a string or blob too big; 19: a constraint; 20: a type mismatch. Each is about the values of one document.
    public override bool IsDocumentFault(Exception failure) =>
        failure is SqliteException { SqliteErrorCode: 18 or 19 or 20 } || base.IsDocumentFault(failure);

    protected override string? Reason(Exception failure) => failure switch
    {
        SqliteException { SqliteErrorCode: 26 or 11 } => StoreMessages.Corrupt,
        SqliteException { SqliteErrorCode: 13 } => StoreMessages.Full,
        SqliteException { SqliteErrorCode: 14 } => "cannot open the file (does its folder exist, may we write there?)",
        SqliteException { SqliteErrorCode: 8 } => "the file is read-only",
        SqliteException e => $"SQLite error {e.SqliteErrorCode}: {FirstLine(e.Message)}",
        IOException e => FirstLine(e.Message),
        _ => null,
    };
}
