using Dyad.Analytics;
using Dyad.Storage.Workbench;

namespace Dyad.Web.Api;

/// <summary>Events with their evidence: filtered by actor, partner, period, document, quad class or words of the sentence.</summary>
internal static class EventsApi
{
    public const int MaxLimit = 1000;

    public static void MapEventsApi(this WebApplication app)
    {
        app.MapGet("/api/events", (StoreLease lease, string? actor, string? partner, string? period, string? per, string? from, string? to,
            string? doc, string? q, string? quad, string? order, int? limit, int? offset) =>
        {
            if (actor is not null && ApiResults.Actor(actor) is null)
                return ApiResults.Bad("actor: want an actor code such as KAZ");
            if (partner is not null && ApiResults.Actor(partner) is null)
                return ApiResults.Bad("partner: want an actor code such as RUS");
            if (ApiResults.CheckRange(from, to, per, out var p) is { } bad)
                return bad;
            if (period is not null && !Periods.IsLabel(period, p))
                return ApiResults.Bad($"period '{period}': want a label of per={p.ToString().ToLowerInvariant()} such as 2014, 2014-Q2, 2014-05 or undated");
            var quads = new List<int>();
            foreach (var part in (quad ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, out var n) || n is < 1 or > 4)
                    return ApiResults.Bad($"quad '{part}': want 1 to 4, separated by commas");
                quads.Add(n);
            }
            var ordering = order switch
            {
                null or "date" => EventOrder.Date,
                "newest" => EventOrder.DateDescending,
                "cooperative" => EventOrder.GoldsteinDescending,
                "hostile" => EventOrder.GoldsteinAscending,
                _ => (EventOrder?)null,
            };
            if (ordering is null)
                return ApiResults.Bad($"order '{order}': want date, newest, cooperative or hostile");
            var query = new WorkbenchQuery
            {
                Actor = ApiResults.Actor(actor), Partner = ApiResults.Actor(partner), From = from, To = to, Doc = doc,
                Text = string.IsNullOrWhiteSpace(q) ? null : q, Quads = quads, Order = ordering.Value,
                Limit = Math.Clamp(limit ?? 100, 1, MaxLimit), Offset = Math.Max(0, offset ?? 0),
            };
            if (period is not null)
                query = Periods.Select(query, period, p);
            return Results.Ok(lease.Store.WorkbenchEvents(query));
        });
        app.MapGet("/api/events/one", (StoreLease lease, string? id) =>
        {
            if (!EventRef.TryParse(id, out var name))
                return ApiResults.Bad("id: want doc|event_id|source|target");
            return lease.Store.WorkbenchEvent(name) is { } e
                ? Results.Ok(e)
                : Results.Problem(detail: $"no event '{id}' in the store", statusCode: StatusCodes.Status404NotFound);
        });
    }
}
