using Dyad.Storage;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>
/// The store's events summed by state pair, month and quad class, held in memory so that the analyses of a store
/// of millions of events take milliseconds. Built once (one scan of the events table) and rebuilt when the
/// store's <see cref="SqlEventStore.Fingerprint"/> changes. Answers month-level questions about states (three-letter
/// codes); anything finer (a day range, a full code such as KAZGOV) goes to the store.
/// </summary>
public sealed class Rollup
{
    private readonly IReadOnlyList<PairMonth> _rows;

    // Each state's rows (as source or target), so an actor's analysis reads only its own share of the rollup.
    private readonly Dictionary<string, List<PairMonth>> _byActor = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ActorTotal> _actors;
    private readonly IReadOnlyList<DyadEdge> _graph;

    private Rollup(string fingerprint, IReadOnlyList<PairMonth> rows, IReadOnlyDictionary<string, string> names)
    {
        Fingerprint = fingerprint;
        _rows = rows;
        Names = names;
        foreach (var r in rows)
        {
            Add(r.Source, r);
            if (r.Target != r.Source)
                Add(r.Target, r);
        }
        _actors = [.. _byActor.Select(a => new ActorTotal(a.Key, Names.GetValueOrDefault(a.Key, a.Key), a.Value.Sum(r => r.Events)))
            .OrderByDescending(a => a.Events).ThenBy(a => a.Code, StringComparer.Ordinal)];
        _graph = GraphOf(rows, null, null);
    }

    private void Add(string actor, PairMonth row)
    {
        if (!_byActor.TryGetValue(actor, out var list))
            _byActor[actor] = list = [];
        list.Add(row);
    }

    public string Fingerprint { get; }

    public IReadOnlyDictionary<string, string> Names { get; }

    public long Events => _rows.Sum(r => r.Events);

    public static Rollup Build(SqlEventStore store)
    {
        var fingerprint = store.Fingerprint();
        var rows = store.PairMonths();
        var names = store.StateNames(rows.SelectMany(r => new[] { r.Source, r.Target }).Distinct());
        return new Rollup(fingerprint, rows, names);
    }

    /// <summary>Whether the rollup can answer for this actor and range (a state, bounds to the month).</summary>
    public static bool Answers(string actor, string? from, string? to) => actor.Length <= 3 && from is not { Length: > 7 } && to is not { Length: > 7 };

    private static bool InRange(string? month, string? from, string? to)
    {
        if (from is null && to is null)
            return true;
        if (month is null)
            return false;
        if (from is not null && string.CompareOrdinal(month, from.Length == 4 ? from + "-01" : from) < 0)
            return false;
        return to is null || string.CompareOrdinal(month, to.Length == 4 ? to + "-12" : to) <= 0;
    }

    /// <summary>The same cells as <see cref="SqlEventStore.PartnerCounts"/>, or null when the rollup cannot answer.</summary>
    public IReadOnlyList<PartnerCount>? PartnerCounts(string actor, string? from, string? to)
    {
        actor = actor.ToUpperInvariant();
        if (!Answers(actor, from, to))
            return null;
        return [.. _byActor.GetValueOrDefault(actor, []).Where(r => (r.Source == actor) != (r.Target == actor) && InRange(r.Month, from, to))
            .GroupBy(r => (Partner: r.Source == actor ? r.Target : r.Source, r.Month, r.YearOnly, r.Quad, Outgoing: r.Source == actor))
            .Select(g => new PartnerCount(g.Key.Partner, Names.GetValueOrDefault(g.Key.Partner, g.Key.Partner), g.Key.Month, g.Key.YearOnly, g.Key.Quad,
                g.Key.Outgoing, g.Sum(r => r.Events), g.Sum(r => r.GoldsteinSum)))];
    }

    /// <summary>Every state with its events as source or target, most active first.</summary>
    public IReadOnlyList<ActorTotal> Actors(int limit) => [.. _actors.Take(limit)];

    /// <summary>The graph between two months (see <see cref="SqlEventStore.GraphBetween"/>), or null when the range is finer than months.</summary>
    public IReadOnlyList<DyadEdge>? Graph(string? from, string? to, int minEvents)
    {
        if (!Answers("", from, to))
            return null;
        var graph = from is null && to is null ? _graph : GraphOf(_rows, from, to);
        return [.. graph.Where(e => e.Events >= minEvents)];
    }

    private List<DyadEdge> GraphOf(IEnumerable<PairMonth> rows, string? from, string? to) =>
        [.. rows.Where(r => r.Source != r.Target && InRange(r.Month, from, to)).GroupBy(r => (r.Source, r.Target))
            .Select(g => new DyadEdge(g.Key.Source, Names.GetValueOrDefault(g.Key.Source, g.Key.Source), g.Key.Target,
                Names.GetValueOrDefault(g.Key.Target, g.Key.Target), g.Sum(r => r.Events), g.Sum(r => r.GoldsteinSum) / g.Sum(r => r.Events)))
            .OrderByDescending(e => e.Events).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)];
}
