using Dyad.Storage;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>One period of a dyad: events by quad class, by direction, and their Goldstein values.</summary>
public sealed record DyadPoint(string Period, QuadCounts Quads, long AToB, long BToA, long Events, double GoldsteinSum, double GoldsteinMean)
{
    /// <summary>The events counted, when asked for.</summary>
    public IReadOnlyList<string>? EventIds { get; init; }
}

/// <summary>
/// <c>dyad dyad A B</c>: the pair's series, its most cooperative and most hostile events, and the facts that link
/// the two (memberships, leases, agreements) in time order.
/// </summary>
public sealed record DyadReport(string A, string B, Period Per, IReadOnlyList<DyadPoint> Series, IReadOnlyList<WorkbenchEvent> MostCooperative,
    IReadOnlyList<WorkbenchEvent> MostHostile, IReadOnlyList<FactRecord> Facts)
{
    public const int TopEvents = 5;

    public static DyadReport Build(SqlEventStore store, string a, string b, Period per = Period.Year, string? from = null, string? to = null, bool ids = false, Rollup? rollup = null)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var evidence = ids ? Evidence.Of(store, a, per, from, to) : null;
        var cells = (rollup?.PartnerCounts(a, from, to) ?? store.PartnerCounts(a, from, to)).Where(c => TrendsReport.Matches(c.Partner, [b]) is not null).ToList();
        var series = cells.GroupBy(c => Periods.Label(c.Month, c.YearOnly, per)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var events = g.Sum(c => c.Events);
                var sum = g.Sum(c => c.GoldsteinSum);
                return new DyadPoint(g.Key, QuadCounts.Of(g), g.Where(c => c.Outgoing).Sum(c => c.Events), g.Where(c => !c.Outgoing).Sum(c => c.Events),
                    events, Math.Round(sum, 3), Math.Round(sum / events, 3))
                {
                    EventIds = evidence?.Ids(b, g.Key),
                };
            }).ToList();
        var query = new WorkbenchQuery { Actor = a, Partner = b, From = from, To = to, Limit = TopEvents };
        var best = store.WorkbenchEvents(query with { Order = EventOrder.GoldsteinDescending }).Where(e => e.Goldstein > 0).ToList();
        var worst = store.WorkbenchEvents(query with { Order = EventOrder.GoldsteinAscending }).Where(e => e.Goldstein < 0).ToList();
        var facts = store.Facts(a).Where(f => Links(f, a, b)).OrderBy(f => f.Start ?? f.At ?? f.End ?? "9999", StringComparer.Ordinal).ToList();
        return new DyadReport(a, b, per, series, best, worst, facts);
    }

    private static bool Is(string code, string actor) => code == actor || (code.Length >= 3 && code[..3] == actor);

    private static bool Links(FactRecord f, string a, string b) => (Is(f.Subject, a) && Is(f.Object, b)) || (Is(f.Subject, b) && Is(f.Object, a));
}
