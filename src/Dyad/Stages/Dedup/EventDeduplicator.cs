using Dyad.Coding;
using Dyad.Pipeline;

namespace Dyad.Stages.Dedup;

/// <summary>
/// Gives mentions of one real event in a document one <see cref="EventMention.EventId"/>: a caption and its
/// paragraph, a heading and its text, "signed in May 2014" and "sign … May 29, 2014". Runs after anchoring.
/// <para>The pairs of one multilateral mention (same sentence, trigger and code) are one event. Two mentions in
/// different sentences are one event when they have the same code (any code of root 04: a meeting and a visit),
/// the same actors (the same directed pair, or for a multilateral act at least two states in common), and dates
/// that agree: both dated and one the other at a coarser precision (2014-05 and 2014-05-29), or one undated,
/// one of the two in a caption or heading, and at most three sentences apart.</para>
/// </summary>
public sealed class EventDeduplicator : IStage
{
    /// <summary>How far apart (in sentences) an undated mention may be from the dated one it repeats.</summary>
    public int UndatedWindow { get; init; } = 3;

    public string Name => "dedup";

    public void Run(Analysis analysis)
    {
        // One mention group per sentence, trigger and code: the pairs of "A, B and C signed".
        var groups = analysis.Events
            .GroupBy(e => (e.Sentence, e.Trigger, e.Code))
            .Select(g => new Mention([.. g]) { Layout = analysis.Sentences[g.Key.Sentence].Kind != Documents.SentenceKind.Body })
            .ToList();
        var parent = Enumerable.Range(0, groups.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        // Only mentions of one code (any code of root 04) can be one event: compare within those buckets,
        // in document order, so a long document is not compared pair by pair across all its events.
        foreach (var bucket in Enumerable.Range(0, groups.Count).GroupBy(i => groups[i].Root == "04" ? "04" : groups[i].Code.Value))
        {
            var members = bucket.ToList();
            if (!CompareNear(members, groups, parent, Find))
                CompareAll(members, groups, parent, Find);
        }
        var ids = new Dictionary<int, string>();
        for (var i = 0; i < groups.Count; i++)
        {
            var root = Find(i);
            if (!ids.TryGetValue(root, out var id))
                ids[root] = id = $"e{ids.Count + 1}";
            foreach (var e in groups[i].Events)
                e.EventId = id;
            if (analysis.Tracing && root != i)
                analysis.Trace.Add($"dedup: sentence {groups[i].Sentence} {groups[i].Events[0]} is the same event as sentence {groups[root].Sentence} ({id})");
        }
    }

    /// <summary>Every pair of a bucket, in order: the reference the faster walk below must agree with.</summary>
    private void CompareAll(List<int> members, List<Mention> groups, int[] parent, Func<int, int> find)
    {
        for (var x = 0; x < members.Count; x++)
        {
            for (var y = x + 1; y < members.Count; y++)
            {
                int i = members[x], j = members[y];
                if (groups[i].Sentence != groups[j].Sentence && Same(groups[i], groups[j]))
                    parent[find(j)] = find(i);
            }
        }
    }

    /// <summary>
    /// The pairs of a bucket that <see cref="Same"/> can accept, in the order <see cref="CompareAll"/> visits them,
    /// so the merges (and the ids) are the same: within <see cref="UndatedWindow"/> sentences every pair; further
    /// apart only two dated mentions whose dates share their first four characters (one date must begin with the
    /// other). A long document is then no longer compared pair by pair. Returns false, having done nothing, when
    /// the bucket is not in sentence order or has a date shorter than four characters.
    /// </summary>
    private bool CompareNear(List<int> members, List<Mention> groups, int[] parent, Func<int, int> find)
    {
        var byDate = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var x = 0; x < members.Count; x++)
        {
            var m = groups[members[x]];
            if (x > 0 && m.Sentence < groups[members[x - 1]].Sentence)
                return false;
            if (m.DateText is { } date)
            {
                if (date.Length < 4)
                    return false;
                var key = date[..4];
                if (!byDate.TryGetValue(key, out var list))
                    byDate[key] = list = [];
                list.Add(x);
            }
        }
        var end = 0;
        for (var x = 0; x < members.Count; x++)
        {
            var i = members[x];
            var a = groups[i];
            // The last position within the window: sentences only grow along the bucket.
            end = Math.Max(end, x);
            while (end + 1 < members.Count && groups[members[end + 1]].Sentence <= a.Sentence + UndatedWindow)
                end++;
            for (var y = x + 1; y <= end; y++)
            {
                var j = members[y];
                if (a.Sentence != groups[j].Sentence && Same(a, groups[j]))
                    parent[find(j)] = find(i);
            }
            if (a.DateText is not { } date)
                continue;
            var dated = byDate[date[..4]];
            var from = dated.BinarySearch(end + 1);
            for (var k = from < 0 ? ~from : from; k < dated.Count; k++)
            {
                var j = members[dated[k]];
                if (a.Sentence != groups[j].Sentence && Same(a, groups[j]))
                    parent[find(j)] = find(i);
            }
        }
        return true;
    }

    private bool Same(Mention a, Mention b)
    {
        // Intents, appeals and the like differ by what is intended; meetings and visits of one pair are one.
        if (a.Root != b.Root || a.Root != "04" && a.Code != b.Code)
            return false;
        // Dates first: they are cheap to compare and rule out most pairs.
        if (a.DateText is { } x && b.DateText is { } y)
        {
            if (!(x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal)))
                return false;
        }
        else if (!(Math.Abs(a.Sentence - b.Sentence) <= UndatedWindow && (a.Layout || b.Layout)))
        {
            // An undated mention repeats a dated one only as its caption or heading, close by.
            return false;
        }
        if (!a.Symmetric && !b.Symmetric)
            return SameDirectedPair(a, b);
        var common = 0;
        foreach (var head in a.Heads)
        {
            if (b.Heads.Contains(head))
                common++;
        }
        return common >= Math.Min(2, Math.Min(a.Heads.Count, b.Heads.Count)) && common >= 2;
    }

    private static bool SameDirectedPair(Mention a, Mention b)
    {
        foreach (var x in a.Events)
        {
            foreach (var y in b.Events)
            {
                if (x.Source.Code.Head == y.Source.Code.Head && x.Target.Code.Head == y.Target.Code.Head)
                    return true;
            }
        }
        return false;
    }

    /// <remarks>
    /// Mentions are compared pair by pair within a code bucket (quadratic in a long document), so everything
    /// <see cref="Same"/> reads is computed once here: <see cref="EventCode.Root"/> and <see cref="DateValue.Value"/>
    /// build a new string on every call.
    /// </remarks>
    private sealed class Mention(List<EventMention> events)
    {
        public List<EventMention> Events { get; } = events;

        public int Sentence { get; } = events[0].Sentence;

        public string Root { get; } = events[0].Code.Root;

        public EventCode Code { get; } = events[0].Code;

        /// <summary>Set by the stage: the mention stands in a caption or heading.</summary>
        public bool Layout { get; set; }

        public bool Symmetric { get; } = events[0].Symmetric;

        public HashSet<string> Heads { get; } = [.. events.SelectMany(e => new[] { e.Source.Code.Head, e.Target.Code.Head })];

        /// <summary>The event's own date as text (2014-05, 2014-05-29); null when it has only the report date or none.</summary>
        public string? DateText { get; } = events[0] is { DateIsReportDate: false, Date.IsKnown: true } e ? e.Date.Value : null;
    }
}

public static class EventDeduplicatorExtensions
{
    /// <summary>Adds the stage that shares event ids between mentions of one event; it goes after anchoring.</summary>
    public static PipelineBuilder UseDedup(this PipelineBuilder builder) => builder.Replace(new EventDeduplicator());
}
