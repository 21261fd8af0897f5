using Dyad.Storage;

namespace Dyad.Web;

/// <summary>One request's connection to the store, opened on first use and closed with the request (a store is one connection, not thread-safe).</summary>
public sealed class StoreLease(WorkbenchOptions options) : IDisposable
{
    private SqlEventStore? _store;

    public SqlEventStore Store => _store ??= EventStores.Open(options.Db);

    public void Dispose() => _store?.Dispose();
}
