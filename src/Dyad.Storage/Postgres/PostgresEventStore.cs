using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;

namespace Dyad.Storage.Postgres;

/// <summary>The server store: PostgreSQL, the same schema, binary COPY for bulk rows, a tsvector column for search.</summary>
public sealed class PostgresEventStore : SqlEventStore
{
    private readonly string _connectionString;
    private readonly string _display;

    /// <param name="connection">An Npgsql connection string ("Host=…;Username=…") or a postgres:// URL.</param>
    public PostgresEventStore(string connection)
    {
        _connectionString = ToConnectionString(connection);
        var b = new NpgsqlConnectionStringBuilder(_connectionString);
        _display = $"{b.Host}:{b.Port}/{b.Database ?? b.Username}";
    }

    public override string Name => $"PostgreSQL {_display}";

    /// <summary>Reads postgres://user:password@host:port/database?options into an Npgsql connection string.</summary>
    public static string ToConnectionString(string connection) => ConnectionStrings.ToConnectionString(connection);

    protected override string NowMs => "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    protected override string IdColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    protected override string SqlType(ColumnType type) => type switch
    {
        ColumnType.Int => "INTEGER",
        ColumnType.Long => "BIGINT",
        ColumnType.Real => "DOUBLE PRECISION",
        _ => "TEXT",
    };

    protected override DbConnection CreateConnection()
    {
        var b = new NpgsqlConnectionStringBuilder(_connectionString);
        if (!_connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            b.Timeout = 10;
        return new NpgsqlConnection(b.ConnectionString);
    }

    // Several `dyad ingest` processes may start at once against an empty database: one creates the schema.
    protected override void LockSchema(DbTransaction transaction) => Execute(transaction, "SELECT pg_advisory_xact_lock(7340031)");

    protected override void BeforeClaims(DbTransaction transaction) => Execute(transaction, "SET LOCAL synchronous_commit = off");

    protected override bool TableExists(DbTransaction transaction, string table) =>
        Convert.ToInt64(Scalar(transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @n", ("n", table)), CultureInfo.InvariantCulture) > 0;

    protected override long CountTables(DbTransaction transaction) =>
        Convert.ToInt64(Scalar(transaction, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"), CultureInfo.InvariantCulture);

    protected override IEnumerable<string> SearchDdl() =>
    [
        "ALTER TABLE sentences ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
        "CREATE INDEX ix_sentences_tsv ON sentences USING gin (tsv)",
    ];

    protected override string SearchFrom => """
        FROM sentences s JOIN documents d ON d.id = s.doc
        WHERE s.tsv @@ plainto_tsquery('english', @q)
        """;

    protected override string SearchOrder => "ORDER BY ts_rank(s.tsv, plainto_tsquery('english', @q)) DESC, d.doc_id, s.idx";

    protected override string SearchQuery(string text) => text.Trim();

    protected override void InsertRows(DbTransaction transaction, Table table, IEnumerable<(long Doc, object?[] Row)> rows)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
            return;
        var connection = (NpgsqlConnection)Connection;
        var types = table.Columns.Select(c => c.Type switch
        {
            ColumnType.Int => NpgsqlDbType.Integer,
            ColumnType.Long => NpgsqlDbType.Bigint,
            ColumnType.Real => NpgsqlDbType.Double,
            _ => NpgsqlDbType.Text,
        }).ToArray();
        // Binary COPY: the fastest way into PostgreSQL, and part of the surrounding transaction.
        using var writer = connection.BeginBinaryImport($"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)");
        do
        {
            var (doc, row) = enumerator.Current;
            writer.StartRow();
            writer.Write(doc, NpgsqlDbType.Bigint);
            for (var i = 1; i < types.Length; i++)
            {
                var value = row[i];
                if (value is null)
                {
                    writer.WriteNull();
                    continue;
                }
                switch (types[i])
                {
                    case NpgsqlDbType.Integer:
                        writer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                        break;
                    case NpgsqlDbType.Bigint:
                        writer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture), NpgsqlDbType.Bigint);
                        break;
                    case NpgsqlDbType.Double:
                        writer.Write(Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                        break;
                    default:
                        writer.Write(StripNul((string)value), NpgsqlDbType.Text);
                        break;
                }
            }
        }
        while (enumerator.MoveNext());
        writer.Complete();
    }

    // PostgreSQL text cannot hold U+0000; SQLite can. Dropping it keeps the two stores' contents the same.
    private static string StripNul(string s) => s.Contains('\0', StringComparison.Ordinal) ? s.Replace("\0", string.Empty, StringComparison.Ordinal) : s;

    // Class 22: data exceptions (a NUL or a byte the encoding cannot hold); 23: a constraint; 54: a program limit
    // (an index row over its size limit). Each is about the values of one document.
    public override bool IsDocumentFault(Exception failure) =>
        (failure is PostgresException { SqlState: { Length: >= 2 } state } && state[..2] is "22" or "23" or "54")
        || base.IsDocumentFault(failure);

    protected override string? Reason(Exception failure) => failure switch
    {
        PostgresException { SqlState: "28P01" or "28000" } e => $"{StoreMessages.Refused}: {e.MessageText}",
        PostgresException { SqlState: "53100" } => StoreMessages.Full,
        PostgresException { SqlState: "3D000" } e => e.MessageText,
        PostgresException e => $"{e.SqlState}: {e.MessageText}",
        NpgsqlException { InnerException: SocketException s } => $"{StoreMessages.Unreachable}: {s.Message}",
        NpgsqlException { InnerException: TimeoutException } => $"{StoreMessages.Unreachable}: timed out",
        NpgsqlException e when e.Message.StartsWith("Failed to connect", StringComparison.Ordinal) => $"{StoreMessages.Unreachable}: {FirstLine(e.Message)}",
        NpgsqlException e => FirstLine(e.Message),
        SocketException e => $"{StoreMessages.Unreachable}: {e.Message}",
        ArgumentException e => ConnectionStrings.WhyUnreadable(e),
        _ => null,
    };
}
