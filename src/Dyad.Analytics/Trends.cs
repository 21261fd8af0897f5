using Dyad.Storage;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>Events of one kind of quad class: verbal and material cooperation, verbal and material conflict.</summary>
public sealed record QuadCounts(long VerbalCooperation, long MaterialCooperation, long VerbalConflict, long MaterialConflict)
{
    public long Total => VerbalCooperation + MaterialCooperation + VerbalConflict + MaterialConflict;

    public long Cooperation => VerbalCooperation + MaterialCooperation;

    public long Conflict => VerbalConflict + MaterialConflict;

    public static QuadCounts Of(IEnumerable<PartnerCount> cells)
    {
        var q = new long[5];
        foreach (var c in cells)
            q[Math.Clamp(c.Quad, 0, 4)] += c.Events;
        return new QuadCounts(q[1], q[2], q[3], q[4]);
    }
}

/// <summary>An actor's events with one partner in one period.</summary>
public sealed record TrendRow(string Partner, string PartnerName, string Period, QuadCounts Quads, long Events, double GoldsteinSum, double GoldsteinMean, double Share)
{
    /// <summary>The events counted, when asked for.</summary>
    public IReadOnlyList<string>? EventIds { get; init; }
}

/// <summary>All of an actor's events with other actors in one period.</summary>
public sealed record PeriodTotal(string Period, long Events, long Cooperation, long Conflict);

/// <summary>
/// <c>dyad trends</c>: per partner and period, the actor's events by quad class, summed and mean Goldstein value,
/// and the partner's share of all the actor's events with other actors in that period.
/// </summary>
public sealed record TrendsReport(string Actor, Period Per, IReadOnlyList<string> Partners, IReadOnlyList<string> Periods,
    IReadOnlyList<TrendRow> Rows, IReadOnlyList<PeriodTotal> Totals)
{
    /// <summary>How many partners are shown when none are named.</summary>
    public const int DefaultPartners = 6;

    public static TrendsReport Build(SqlEventStore store, string actor, IReadOnlyList<string>? partners = null, Period per = Period.Year,
        string? from = null, string? to = null, bool ids = false, Rollup? rollup = null)
    {
        actor = actor.ToUpperInvariant();
        var evidence = ids ? Evidence.Of(store, actor, per, from, to) : null;
        var cells = rollup?.PartnerCounts(actor, from, to) ?? store.PartnerCounts(actor, from, to);
        var totals = cells.GroupBy(c => Analytics.Periods.Label(c.Month, c.YearOnly, per))
            .Select(g => new PeriodTotal(g.Key, g.Sum(c => c.Events), QuadCounts.Of(g).Cooperation, QuadCounts.Of(g).Conflict))
            .OrderBy(t => t.Period, StringComparer.Ordinal).ToList();
        var chosen = partners is { Count: > 0 }
            ? partners.Select(p => p.ToUpperInvariant()).Distinct().ToList()
            : cells.GroupBy(c => c.Partner).OrderByDescending(g => g.Sum(c => c.Events)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(DefaultPartners).Select(g => g.Key).ToList();
        var byPeriod = totals.ToDictionary(t => t.Period, t => t.Events);
        var rows = new List<TrendRow>();
        foreach (var g in cells.Where(c => Matches(c.Partner, chosen) is not null)
            .GroupBy(c => (Partner: Matches(c.Partner, chosen)!, Period: Analytics.Periods.Label(c.Month, c.YearOnly, per))))
        {
            var events = g.Sum(c => c.Events);
            var sum = g.Sum(c => c.GoldsteinSum);
            rows.Add(new TrendRow(g.Key.Partner, g.OrderByDescending(c => c.Events).First().PartnerName, g.Key.Period, QuadCounts.Of(g), events,
                Math.Round(sum, 3), Math.Round(sum / events, 3), Math.Round((double)events / byPeriod[g.Key.Period], 4))
            {
                EventIds = evidence?.Ids(g.Key.Partner, g.Key.Period),
            });
        }
        rows = [.. rows.OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => chosen.IndexOf(r.Partner))];
        return new TrendsReport(actor, per, chosen, [.. totals.Select(t => t.Period)], rows, totals);
    }

    /// <summary>The named partner a cell's partner (first three letters of its code) belongs to, if any.</summary>
    internal static string? Matches(string partnerHead, IReadOnlyList<string> chosen) =>
        chosen.FirstOrDefault(p => p == partnerHead || (p.Length > 3 && p[..3] == partnerHead));
}
