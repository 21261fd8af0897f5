namespace Dyad.Web.Api;

/// <summary>The actor network: one edge per ordered pair of states, weighted by events, with their mean Goldstein value.</summary>
internal static class GraphApi
{
    public static void MapGraphApi(this WebApplication app)
    {
        app.MapGet("/api/graph", (StoreLease lease, RollupCache cache, string? from, string? to, int? min, int? limit) =>
        {
            if (ApiResults.CheckRange(from, to, null, out _) is { } bad)
                return bad;
            // The heaviest edges first, so a limit keeps the backbone of a large store's network.
            var minimum = Math.Max(1, min ?? 1);
            var edges = (cache.Rollup(lease.Store).Graph(from, to, minimum) ?? lease.Store.GraphBetween(from, to, minimum)).Take(Math.Clamp(limit ?? 400, 1, 5000)).ToList();
            var nodes = edges.SelectMany(e => new[] { (e.Source, e.SourceName, e.Events), (e.Target, e.TargetName, e.Events) })
                .GroupBy(n => n.Item1).Select(g => new { id = g.Key, name = g.First().Item2, events = g.Sum(n => n.Item3) }).ToList();
            return Results.Ok(new { nodes, edges });
        });
    }
}
