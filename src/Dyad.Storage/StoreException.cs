namespace Dyad.Storage;

/// <summary>A database problem the user must fix: one line naming the database and the reason.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Messages for database problems; tests assert these constants.</summary>
public static class StoreMessages
{
    public const string Corrupt = "not a Dyad database, or the file is corrupt";
    public const string Full = "the database or the disk is full; the last transaction was rolled back";
    public const string Unreachable = "cannot connect";
    public const string Refused = "the server refused the login";
    public const string OlderSchema = "has schema version {0}, this dyad uses {1}: run `dyad migrate --db {2}` to upgrade it";
    public const string NewerSchema = "has schema version {0}, newer than this dyad's {1}: use a newer dyad";
    public const string NoMigration = "has schema version {0} and there is no migration from it to {1}: ingest into a new database";
    public const string Rejected = "the database rejected this document, the others are stored";
    public const string ForeignTables = "is not empty and has no Dyad schema version: use another database";
}
