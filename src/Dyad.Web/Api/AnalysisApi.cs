using Dyad.Analytics;

namespace Dyad.Web.Api;

/// <summary>The analyses of <c>dyad trends</c>, <c>balance</c> and <c>pair</c>, as JSON.</summary>
internal static class AnalysisApi
{
    public static void MapAnalysisApi(this WebApplication app)
    {
        app.MapGet("/api/trends", (StoreLease lease, RollupCache cache, string? actor, string? partners, string? per, string? from, string? to) =>
        {
            if (ApiResults.Actor(actor) is not { } a)
                return ApiResults.Bad("actor: want an actor code such as KAZ");
            if (ApiResults.CheckRange(from, to, per, out var period) is { } bad)
                return bad;
            var list = partners?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ApiResults.Actor).ToList();
            if (list is not null && list.Any(p => p is null))
                return ApiResults.Bad("partners: want actor codes separated by commas, such as RUS,CHN");
            return Results.Ok(TrendsReport.Build(lease.Store, a, list!, period, from, to, rollup: cache.Rollup(lease.Store)));
        });
        app.MapGet("/api/balance", (StoreLease lease, RollupCache cache, string? actor, string? per, string? from, string? to, double? shift) =>
        {
            if (ApiResults.Actor(actor) is not { } a)
                return ApiResults.Bad("actor: want an actor code such as KAZ");
            if (ApiResults.CheckRange(from, to, per, out var period) is { } bad)
                return bad;
            if (shift is < 0 or > 1)
                return ApiResults.Bad("shift: want a number from 0 to 1");
            return Results.Ok(BalanceReport.Build(lease.Store, a, period, from, to, shift ?? BalanceReport.DefaultShiftThreshold, rollup: cache.Rollup(lease.Store)));
        });
        app.MapGet("/api/pair", (StoreLease lease, RollupCache cache, string? a, string? b, string? per, string? from, string? to) =>
        {
            if (ApiResults.Actor(a) is not { } x || ApiResults.Actor(b) is not { } y)
                return ApiResults.Bad("a, b: want two actor codes such as KAZ and RUS");
            if (ApiResults.CheckRange(from, to, per, out var period) is { } bad)
                return bad;
            return Results.Ok(DyadReport.Build(lease.Store, x, y, period, from, to, rollup: cache.Rollup(lease.Store)));
        });
        app.MapGet("/api/facts", (StoreLease lease, string? actor, int? limit) =>
        {
            if (ApiResults.Actor(actor) is not { } a)
                return ApiResults.Bad("actor: want an actor code such as KAZ");
            return Results.Ok(lease.Store.Facts(a, Math.Clamp(limit ?? 500, 1, 10_000)).ToList());
        });
    }
}
