using Dyad.Analytics;
using Dyad.Storage;

namespace Dyad.Web;

/// <summary>
/// The server's in-memory <see cref="Rollup"/> and row counts of the store, checked against the store's fingerprint on
/// every use and rebuilt (once, whoever asks first) when documents were stored or events corrected.
/// </summary>
public sealed class RollupCache(WorkbenchOptions options)
{
    private sealed record Entry(Rollup Rollup, StoreCounts Counts);

    private readonly Lock _lock = new();
    private Entry? _current;

    public Rollup Rollup(SqlEventStore store) => Get(store).Rollup;

    public StoreCounts Counts(SqlEventStore store) => Get(store).Counts;

    private Entry Get(SqlEventStore store)
    {
        var fingerprint = store.Fingerprint();
        if (_current is { } current && current.Rollup.Fingerprint == fingerprint)
            return current;
        lock (_lock)
        {
            if (_current is { } again && again.Rollup.Fingerprint == fingerprint)
                return again;
            _current = new Entry(Analytics.Rollup.Build(store), store.Counts());
            return _current;
        }
    }

    /// <summary>Builds the rollup in the background at start, so the first page does not wait for it.</summary>
    public void Warm(ILogger logger)
    {
        _ = Task.Run(() =>
        {
            try
            {
                using var store = EventStores.Open(options.Db);
                Get(store);
            }
            catch (Exception ex)
            {
                logger.LogWarning("dyad: could not summarize the store at start: {Reason}", ex.Message);
            }
        });
    }
}
