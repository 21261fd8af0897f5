using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Storage;
using Dyad.Storage.Workbench;

namespace Dyad.Analytics;

/// <summary>
/// Which events make up each number: an actor's events grouped by partner (first three letters) and period, as
/// event ids (<see cref="EventRef"/>) that <c>dyad query</c>, the web API and the workbench resolve to sentences.
/// </summary>
public sealed class Evidence
{
    private readonly Dictionary<(string Partner, string Period), List<(string Id, int Quad)>> _cells = [];

    private Evidence()
    {
    }

    public static Evidence Of(SqlEventStore store, string actor, Period per, string? from, string? to)
    {
        var evidence = new Evidence();
        var head = actor.Length > 3 ? actor[..3] : actor;
        foreach (var e in store.WorkbenchEvents(new WorkbenchQuery { Actor = actor, From = from, To = to, Limit = int.MaxValue }))
        {
            var outgoing = e.Source == actor || e.Source[..Math.Min(3, e.Source.Length)] == head;
            var partner = outgoing ? e.Target : e.Source;
            partner = partner[..Math.Min(3, partner.Length)];
            if (partner == head)
                continue;
            var month = e.DateStart is { Length: >= 7 } d ? d[..7] : null;
            var key = (partner, Periods.Label(month, e.Precision == "year", per));
            if (!evidence._cells.TryGetValue(key, out var list))
                evidence._cells[key] = list = [];
            list.Add((e.Id, e.Quad));
        }
        return evidence;
    }

    /// <summary>The ids of the events with <paramref name="partner"/> in <paramref name="period"/>, of the given quad classes (all when none).</summary>
    public IReadOnlyList<string> Ids(string partner, string period, params int[] quads)
    {
        var head = partner[..Math.Min(3, partner.Length)];
        return _cells.TryGetValue((head, period), out var list)
            ? [.. list.Where(x => quads.Length == 0 || quads.Contains(x.Quad)).Select(x => x.Id)]
            : [];
    }

    /// <summary>How reports are written as JSON: snake_case names, nulls left out.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
