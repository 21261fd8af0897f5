using Dyad.Storage;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>A partner's share of an actor's cooperative events in one period.</summary>
public sealed record PartnerShare(string Partner, string PartnerName, long Events, double Share)
{
    /// <summary>The cooperative events counted, when asked for.</summary>
    public IReadOnlyList<string>? EventIds { get; init; }
}

/// <summary>What a shift between two periods is made of: a partner whose share moved, and its largest events of the later period.</summary>
public sealed record ShiftPart(string Partner, double Before, double After, IReadOnlyList<WorkbenchEvent> TopEvents);

/// <summary>
/// One period of an actor's balance: the shares of its cooperative events (quad classes 1 and 2) by partner,
/// how evenly they are spread, and how far they moved since the period before.
/// </summary>
/// <param name="Period">The period label.</param>
/// <param name="Cooperative">The actor's cooperative events with other actors in the period.</param>
/// <param name="Shares">Each partner's events and share, largest first.</param>
/// <param name="Evenness">Shannon entropy of the shares divided by its maximum, ln(partners): 1 when all partners share equally, 0 with one partner.</param>
/// <param name="Diversity">1 − HHI (the Herfindahl–Hirschman index, the sum of squared shares): the chance that two events picked at random involve different partners.</param>
/// <param name="Shift">Half the summed absolute change of the shares since the previous period (0 = same mix, 1 = all new partners); null for the first.</param>
/// <param name="ShiftParts">When the shift reaches the threshold: the partners whose shares moved most.</param>
public sealed record BalancePeriod(string Period, long Cooperative, IReadOnlyList<PartnerShare> Shares, double Evenness, double Diversity, double? Shift,
    IReadOnlyList<ShiftPart> ShiftParts);

/// <summary><c>dyad balance</c>: the "multi-vector" view of an actor's cooperation over time.</summary>
public sealed record BalanceReport(string Actor, Period Per, double ShiftThreshold, IReadOnlyList<BalancePeriod> Periods)
{
    public const double DefaultShiftThreshold = 0.3;

    /// <summary>Top events listed per partner of a shift.</summary>
    public const int EventsPerShift = 3;

    public static BalanceReport Build(SqlEventStore store, string actor, Period per = Period.Year, string? from = null, string? to = null,
        double shiftThreshold = DefaultShiftThreshold, bool ids = false, Rollup? rollup = null)
    {
        actor = actor.ToUpperInvariant();
        var evidence = ids ? Evidence.Of(store, actor, per, from, to) : null;
        var cells = (rollup?.PartnerCounts(actor, from, to) ?? store.PartnerCounts(actor, from, to)).Where(c => c.Quad is 1 or 2).ToList();
        var periods = new List<BalancePeriod>();
        Dictionary<string, double>? previous = null;
        foreach (var g in cells.GroupBy(c => Analytics.Periods.Label(c.Month, c.YearOnly, per)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = g.Sum(c => c.Events);
            var shares = g.GroupBy(c => c.Partner)
                .Select(p => new PartnerShare(p.Key, p.OrderByDescending(c => c.Events).First().PartnerName, p.Sum(c => c.Events), (double)p.Sum(c => c.Events) / total))
                .OrderByDescending(s => s.Events).ThenBy(s => s.Partner, StringComparer.Ordinal).ToList();
            var current = shares.ToDictionary(s => s.Partner, s => s.Share);
            double? shift = previous is null ? null : Math.Round(Distance(previous, current), 4);
            var parts = shift >= shiftThreshold ? ShiftParts(store, actor, g.Key, per, previous!, current) : [];
            periods.Add(new BalancePeriod(g.Key, total, [.. shares.Select(s => s with { Share = Math.Round(s.Share, 4), EventIds = evidence?.Ids(s.Partner, g.Key, 1, 2) })],
                Math.Round(Evenness(current.Values), 4), Math.Round(1 - current.Values.Sum(s => s * s), 4), shift, parts));
            previous = current;
        }
        return new BalanceReport(actor, per, shiftThreshold, periods);
    }

    /// <summary>Entropy over its maximum; 0 with fewer than two partners.</summary>
    public static double Evenness(ICollection<double> shares)
    {
        var k = shares.Count(s => s > 0);
        if (k < 2)
            return 0;
        var h = -shares.Where(s => s > 0).Sum(s => s * Math.Log(s));
        return h / Math.Log(k);
    }

    /// <summary>Total variation distance between two share vectors.</summary>
    public static double Distance(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.Keys.Union(b.Keys).Sum(k => Math.Abs(a.GetValueOrDefault(k) - b.GetValueOrDefault(k))) / 2;

    private static List<ShiftPart> ShiftParts(SqlEventStore store, string actor, string period, Period per,
        Dictionary<string, double> before, Dictionary<string, double> after)
    {
        // The partners whose share moved most, gainers and losers alike; the events shown are the gainers' new ones.
        return [.. before.Keys.Union(after.Keys)
            .Select(p => (Partner: p, Before: before.GetValueOrDefault(p), After: after.GetValueOrDefault(p)))
            .OrderByDescending(x => Math.Abs(x.After - x.Before)).ThenBy(x => x.Partner, StringComparer.Ordinal).Take(3)
            .Select(x => new ShiftPart(x.Partner, Math.Round(x.Before, 4), Math.Round(x.After, 4), x.After > x.Before
                ? store.WorkbenchEvents(Analytics.Periods.Select(new WorkbenchQuery { Actor = actor, Partner = x.Partner, Quads = [1, 2],
                    Order = EventOrder.GoldsteinDescending, Limit = EventsPerShift }, period, per))
                : []))];
    }
}
