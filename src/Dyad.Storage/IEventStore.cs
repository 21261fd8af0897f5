namespace Dyad.Storage;

/// <summary>What storing a document did.</summary>
public enum StoreOutcome
{
    /// <summary>The document was new.</summary>
    Inserted,

    /// <summary>The document's content changed; its old rows were replaced.</summary>
    Replaced,

    /// <summary>The same content is already stored; nothing changed.</summary>
    Unchanged,
}

/// <summary>The answer to a claim on a document.</summary>
public enum ClaimResult
{
    /// <summary>This worker holds the document until its lease runs out.</summary>
    Claimed,

    /// <summary>The document is already stored with this content.</summary>
    Done,

    /// <summary>Another worker holds an unexpired claim on it.</summary>
    Busy,
}

/// <summary>What a query selects. Actor codes match on their first three letters (the state) or the whole code.</summary>
public sealed record EventFilter
{
    /// <summary>Both actors of a dyad, in either direction.</summary>
    public (string A, string B)? Dyad { get; init; }

    /// <summary>An actor as source or target.</summary>
    public string? Actor { get; init; }

    /// <summary>First day included, "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? From { get; init; }

    /// <summary>Last day included.</summary>
    public string? To { get; init; }

    public int? Limit { get; init; }
}

/// <summary>One stored event with its provenance.</summary>
public sealed record EventRecord(
    string Doc, string EventId, int Sentence, string Source, string SourceName, string Target, string TargetName,
    string Code, string Root, int Quad, double Goldstein, string? Date, string? DateStart, string Precision, bool ReportDate,
    int Mentions, string? Trigger, int TriggerStart, int TriggerEnd, string? Rule, string? Location, string? Country,
    double? Latitude, double? Longitude, string? Published);

/// <summary>One stored fact with its provenance.</summary>
public sealed record FactRecord(
    string Doc, int Sentence, string Subject, string SubjectName, string Predicate, string Object, string ObjectName,
    string? What, string? Quantities, string? At, string? Start, string? End, string? Trigger, int TriggerStart, int TriggerEnd, string? Rule);

/// <summary>A sentence that matched a full-text search.</summary>
public sealed record SentenceHit(string Doc, int Sentence, int Start, int End, string Text);

/// <summary>One month of a dyad's time series.</summary>
public sealed record SeriesPoint(string Month, long Events, double MeanGoldstein);

/// <summary>Events from one actor to another: how many, and their mean Goldstein value.</summary>
public sealed record DyadEdge(string Source, string SourceName, string Target, string TargetName, long Events, double MeanGoldstein);

/// <summary>Row counts of the main tables.</summary>
public sealed record StoreCounts(long Documents, long Sentences, long ActorMentions, long EventMentions, long Events, long Facts);

/// <summary>
/// The store of coded documents. SQLite and PostgreSQL implement it with the same schema and behaviour;
/// one test suite runs against both. Not thread-safe: one instance per thread (each holds one connection).
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>What to call the database in messages: "SQLite dyad.db", "PostgreSQL 127.0.0.1:5432/dyad".</summary>
    string Name { get; }

    /// <summary>Connects, creates the schema in an empty database, or checks its version (migrating when asked).</summary>
    /// <exception cref="StoreException">The database is unreachable, refuses us, is corrupt or has another schema version.</exception>
    void Open(bool migrate = false);

    /// <summary>The schema version stored in the database, or null when it has none yet.</summary>
    int? StoredSchemaVersion();

    /// <summary>Claims a document for <paramref name="owner"/> unless it is stored with this hash or another worker holds it.</summary>
    ClaimResult Claim(string key, string contentHash, string owner, TimeSpan lease);

    /// <summary>Gives up a claim (the document could not be coded).</summary>
    void Release(string key, string owner);

    /// <summary>Stores documents in one transaction: each is inserted, replaced or left unchanged, and its claim released.</summary>
    IReadOnlyList<StoreOutcome> Store(IReadOnlyList<StoredDocument> documents, string owner);

    /// <summary>
    /// Bulk-inserts events (rows in the column order of <see cref="Schema.Events"/>) under one document row named
    /// <paramref name="documentKey"/>, in one transaction; for benchmarks and imports. Returns the number written.
    /// </summary>
    long BulkInsertEvents(IEnumerable<object?[]> events, string documentKey);

    IEnumerable<EventRecord> Events(EventFilter filter);

    /// <summary>Facts whose subject or object is <paramref name="actor"/> (all facts when null).</summary>
    IEnumerable<FactRecord> Facts(string? actor, int? limit = null);

    IEnumerable<SentenceHit> Search(string text, int limit);

    /// <summary>Events per month and mean Goldstein value of a dyad (both directions).</summary>
    IReadOnlyList<SeriesPoint> DyadSeries(string a, string b, string? first = null, string? last = null);

    StoreCounts Counts();

    /// <summary>The actor graph: one edge per ordered pair of actors (first three letters), weighted by events.</summary>
    IReadOnlyList<DyadEdge> Graph();

    /// <summary>How many times each document key was stored (the ingest log); for checking shared work.</summary>
    IReadOnlyDictionary<string, int> StoreCountsByKey();

    /// <summary>The one-line error for a database failure, naming the database and the reason.</summary>
    StoreException Explain(Exception failure);

    /// <summary>Keys claimed by <paramref name="owner"/> and not yet released.</summary>
    IReadOnlyList<string> ClaimsOf(string owner);
}
