using Dyad.Storage.Postgres;
using Dyad.Storage.Sqlite;

namespace Dyad.Storage;

/// <summary>Opens the store a --db value names: a postgres:// URL or "Host=…" string, else a SQLite file path.</summary>
public static partial class EventStores
{
    public const string DefaultPath = "dyad.db";

    public static bool IsPostgres(string db) => ConnectionStrings.IsUrl(db) || ConnectionStringKey().IsMatch(db);

    /// <summary>Creates (does not open) the store for <paramref name="db"/>.</summary>
    public static SqlEventStore Create(string? db)
    {
        db = string.IsNullOrWhiteSpace(db) ? DefaultPath : db;
        return IsPostgres(db) ? new PostgresEventStore(db) : new SqliteEventStore(db);
    }

    /// <summary>Creates and opens the store; throws <see cref="StoreException"/> with a one-line reason.</summary>
    public static SqlEventStore Open(string? db, bool migrate = false)
    {
        SqlEventStore store;
        try
        {
            store = Create(db);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            throw new StoreException($"--db {Redact(db ?? "")}: {ConnectionStrings.WhyUnreadable(ex)}", ex);
        }
        try
        {
            store.Open(migrate);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The --db value without its password, for messages: PostgreSQL's through Npgsql's builder, never echoed unread.</summary>
    public static string Redact(string db) => IsPostgres(db) ? ConnectionStrings.Redact(db) : Dyad.Documents.Readers.Printable.Escape(db);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?i)(^|;)\s*(host|server)\s*=")]
    private static partial System.Text.RegularExpressions.Regex ConnectionStringKey();
}
