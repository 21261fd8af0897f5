using Dyad.Storage.Workbench;

namespace Dyad.Web.Api;

/// <summary>What is in the store: counts, actors, full-text search, one document with its events.</summary>
internal static class StoreApi
{
    public static void MapStoreApi(this WebApplication app)
    {
        app.MapGet("/api/summary", (StoreLease lease, RollupCache cache, WorkbenchOptions options) =>
        {
            var counts = cache.Counts(lease.Store);
            return Results.Ok(new { store = lease.Store.Name, counts, editable = options.AllowEdits });
        });
        app.MapGet("/api/actors", (StoreLease lease, RollupCache cache, int? limit) =>
            Results.Ok(cache.Rollup(lease.Store).Actors(Math.Clamp(limit ?? 200, 1, 5000))));
        app.MapGet("/api/search", (StoreLease lease, string? q, int? limit) =>
            string.IsNullOrWhiteSpace(q) ? ApiResults.Bad("q: give words to search for") : Results.Ok(lease.Store.Search(q, Math.Clamp(limit ?? 50, 1, 1000)).ToList()));
        app.MapGet("/api/documents/{doc}", (StoreLease lease, string doc) =>
        {
            var sentences = lease.Store.DocumentSentences(doc);
            if (sentences.Count == 0)
                return Results.Problem(detail: $"no document '{doc}' in the store", statusCode: StatusCodes.Status404NotFound);
            var events = lease.Store.WorkbenchEvents(new WorkbenchQuery { Doc = doc, Limit = 100_000 });
            var corrections = lease.Store.Corrections(doc);
            return Results.Ok(new { doc, sentences, events, corrections });
        });
    }
}
