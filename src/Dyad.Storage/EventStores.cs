using Dyad.Storage.Postgres;
using Dyad.Storage.Sqlite;

namespace Dyad.Storage;

/// <summary>Opens the store a --db value names: a postgres:// URL or "Host=…" string, else a SQLite file path.</summary>
public static class EventStores
{
    public const string DefaultPath = "dyad.db";

    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

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
        catch (ArgumentException ex)
        {
            throw new StoreException($"--db '{Redact(db ?? "")}': bad connection string: {ex.Message}", ex);
        }
        catch (UriFormatException ex)
        {
            throw new StoreException($"--db '{Redact(db ?? "")}': bad URL: {ex.Message}", ex);
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

    /// <summary>The --db value without its password, for messages.</summary>
    public static string Redact(string db)
    {
        var at = db.IndexOf('@', StringComparison.Ordinal);
        var scheme = db.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && at > scheme)
        {
            var colon = db.IndexOf(':', scheme + 3);
            if (colon > 0 && colon < at)
                return db[..(colon + 1)] + "***" + db[at..];
        }
        return System.Text.RegularExpressions.Regex.Replace(db, "(?i)(password=)[^;]*", "$1***");
    }
}
