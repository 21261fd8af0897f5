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

/// <summary>A sentence that matched a full-text search.</summary>
public sealed record SentenceHit(string Doc, int Sentence, int Start, int End, string Text);

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

    /// <summary>Events the filter selects, in its order and up to its limit.</summary>
    IEnumerable<EventRecord> Events(EventFilter filter);

    /// <summary>How many events the filter selects, whatever its limit (for "showing 100 of 1,234").</summary>
    long CountEvents(EventFilter filter);

    /// <summary>Facts the filter selects.</summary>
    IEnumerable<FactRecord> Facts(FactFilter filter);

    long CountFacts(FactFilter filter);

    /// <summary>Sentences with all the words; with a filter, only those that state an event it selects.</summary>
    IEnumerable<SentenceHit> Search(string text, EventFilter? filter, int limit);

    long CountSearch(string text, EventFilter? filter = null);

    /// <summary>A dyad's series by month or year, both directions, split by direction and quad class, zero-filled, undated events counted.</summary>
    Series Series(SeriesRequest request);

    /// <summary>The graph's edges year by year, for a timeline.</summary>
    IReadOnlyList<(string Source, string Target, string Year, long Events, double MeanGoldstein)> GraphYears();

    /// <summary>Facts whose subject or object is <paramref name="actor"/> (all facts when null).</summary>
    IEnumerable<FactRecord> Facts(string? actor, int? limit = null);

    IEnumerable<SentenceHit> Search(string text, int limit);

    /// <summary>Events per month and mean Goldstein value of a dyad (both directions); see <see cref="Series"/> for more.</summary>
    IReadOnlyList<SeriesPoint> DyadSeries(string a, string b, string? first = null, string? last = null);

    StoreCounts Counts();

    /// <summary>The actor graph: one edge per ordered pair of nodes (a state for its sectors, else the whole code), weighted by events, with first and last dates.</summary>
    IReadOnlyList<DyadEdge> Graph();

    /// <summary>How many times each document key was stored (the ingest log); for checking shared work.</summary>
    IReadOnlyDictionary<string, int> StoreCountsByKey();

    /// <summary>The one-line error for a database failure, naming the database and the reason.</summary>
    StoreException Explain(Exception failure);

    /// <summary>Keys claimed by <paramref name="owner"/> and not yet released.</summary>
    IReadOnlyList<string> ClaimsOf(string owner);
}
