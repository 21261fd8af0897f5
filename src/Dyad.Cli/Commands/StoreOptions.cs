using System.CommandLine;
using Dyad.Storage;

namespace Dyad.Cli.Commands;

/// <summary>The --db option the store verbs share, and the one way they report a database failure.</summary>
internal static class StoreOptions
{
    public static Option<string> Db() => new("--db")
    {
        Description = "The store: a SQLite file, a PostgreSQL connection string (\"Host=…;Username=…;Password=…;Database=…\") or a postgres://user:pass@host/db URL",
        DefaultValueFactory = _ => EventStores.DefaultPath,
        HelpName = "FILE|URL",
    };

    /// <summary>Prints "dyad: DATABASE: reason" and returns the store exit code.</summary>
    public static int Fail(StoreException ex)
    {
        Console.Error.WriteLine($"dyad: {ex.Message}");
        return ExitCodes.StoreFailed;
    }

    /// <summary>Opens the store or prints why not; <paramref name="mustExist"/> refuses to create a new SQLite file (query, export).</summary>
    public static SqlEventStore? Open(string db, bool migrate = false, bool mustExist = false)
    {
        if (mustExist && !EventStores.IsPostgres(db) && !File.Exists(db))
        {
            Console.Error.WriteLine($"dyad: SQLite {db}: no such database (run `dyad ingest` first, or give --db)");
            return null;
        }
        try
        {
            return EventStores.Open(db, migrate);
        }
        catch (StoreException ex)
        {
            Fail(ex);
            return null;
        }
    }
}
