using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Dyad.Stages.Syntax;

/// <summary>
/// The frozen weights of a linear model: for each feature hash, the classes it votes for and how much.
/// Open addressing over the hashes; each feature's (class, weight) pairs sit together, so scoring a feature
/// touches one slot and one short run of entries.
/// </summary>
internal sealed class WeightTable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public long Key;
        public int Offset;
        public int Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public int Class;
        public float Weight;
    }

    private readonly Slot[] _slots;
    private readonly Entry[] _entries;
    private readonly int _mask;

    public WeightTable(int classes, IReadOnlyList<(long Key, int[] Classes, float[] Weights)> features)
    {
        Classes = classes;
        var size = 16;
        while (size < features.Count * 2)
            size <<= 1;
        _slots = new Slot[size];
        _mask = size - 1;
        _entries = new Entry[features.Sum(f => f.Classes.Length)];
        var at = 0;
        foreach (var (key, cls, ws) in features)
        {
            var k = key == 0 ? 1 : key;
            var i = Bucket(k, _mask);
            while (_slots[i].Key != 0)
                i = (i + 1) & _mask;
            _slots[i] = new Slot { Key = k, Offset = at, Length = cls.Length };
            for (var j = 0; j < cls.Length; j++)
                _entries[at++] = new Entry { Class = cls[j], Weight = ws[j] };
        }
        Count = features.Count;
    }

    public int Classes { get; }

    public int Count { get; }

    public int Entries => _entries.Length;

    /// <summary>
    /// Adds the votes of all <paramref name="keys"/> to <paramref name="scores"/>. The table is far larger than the
    /// caches, so each feature costs a memory round trip; asking for every feature's slot before reading any lets
    /// those round trips overlap instead of queueing one behind the other.
    /// </summary>
    public unsafe void AddAll(ReadOnlySpan<long> keys, Span<float> scores)
    {
        if (!Sse.IsSupported || keys.Length > 128)
        {
            foreach (var key in keys)
                Add(key, scores);
            return;
        }
        Span<int> found = stackalloc int[keys.Length];
        fixed (Slot* slots = _slots)
        fixed (Entry* entries = _entries)
        {
            foreach (var key in keys)
                Sse.Prefetch0(slots + Bucket(key == 0 ? 1 : key, _mask));
            // Then the slots, asking for each found feature's entries before adding any.
            for (var f = 0; f < keys.Length; f++)
            {
                var k = keys[f] == 0 ? 1 : keys[f];
                var i = Bucket(k, _mask);
                found[f] = -1;
                while (slots[i].Key != 0)
                {
                    if (slots[i].Key == k)
                    {
                        found[f] = i;
                        Sse.Prefetch0(entries + slots[i].Offset);
                        break;
                    }
                    i = (i + 1) & _mask;
                }
            }
            foreach (var i in found)
            {
                if (i < 0)
                    continue;
                var e = entries + slots[i].Offset;
                for (var j = 0; j < slots[i].Length; j++)
                    scores[e[j].Class] += e[j].Weight;
            }
        }
    }

    /// <summary>Adds the votes of feature <paramref name="key"/> to <paramref name="scores"/>.</summary>
    public void Add(long key, Span<float> scores)
    {
        var k = key == 0 ? 1 : key;
        var i = Bucket(k, _mask);
        var slots = _slots;
        while (true)
        {
            ref var s = ref slots[i];
            if (s.Key == k)
            {
                var entries = _entries.AsSpan(s.Offset, s.Length);
                foreach (ref readonly var e in entries)
                    scores[e.Class] += e.Weight;
                return;
            }
            if (s.Key == 0)
                return;
            i = (i + 1) & _mask;
        }
    }

    private static int Bucket(long key, int mask) => (int)((ulong)key >> 21) & mask;

    /// <summary>The same table without the weights smaller than <paramref name="threshold"/> in magnitude.</summary>
    public WeightTable Pruned(float threshold)
    {
        var features = new List<(long, int[], float[])>();
        foreach (var s in _slots.Where(s => s.Key != 0).OrderBy(s => s.Key))
        {
            var kept = _entries.AsSpan(s.Offset, s.Length).ToArray().Where(e => Math.Abs(e.Weight) >= threshold).ToArray();
            if (kept.Length > 0)
                features.Add((s.Key, [.. kept.Select(e => e.Class)], [.. kept.Select(e => e.Weight)]));
        }
        return new WeightTable(Classes, features);
    }

    /// <summary>
    /// Writes the table in columns, so it loads in bulk: class count, feature count, entry count, then the feature
    /// keys in order (8 bytes each), each feature's entry count (1 byte), the entries' classes (1 byte) and weights (half floats).
    /// </summary>
    public void Write(BinaryWriter w)
    {
        var order = _slots.Where(s => s.Key != 0).OrderBy(s => s.Key).ToArray();
        w.Write(Classes);
        w.Write(order.Length);
        w.Write(_entries.Length);
        var keys = order.Select(s => s.Key).ToArray();
        w.Write(MemoryMarshal.AsBytes(keys.AsSpan()));
        w.Write([.. order.Select(s => (byte)s.Length)]);
        var classes = new byte[_entries.Length];
        var weights = new Half[_entries.Length];
        var at = 0;
        foreach (var s in order)
        {
            for (var j = 0; j < s.Length; j++, at++)
            {
                classes[at] = (byte)_entries[s.Offset + j].Class;
                weights[at] = (Half)_entries[s.Offset + j].Weight;
            }
        }
        w.Write(classes);
        w.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
    }

    public static WeightTable Read(BinaryReader r)
    {
        var classes = r.ReadInt32();
        var count = r.ReadInt32();
        var total = r.ReadInt32();
        if (classes is < 1 or > 255 || count < 0 || total < 0 || total > count * 255L)
            throw new InvalidDataException("a weight table with impossible sizes");
        var keys = new long[count];
        var lengths = new byte[count];
        var cls = new byte[total];
        var weights = new Half[total];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        r.BaseStream.ReadExactly(lengths);
        r.BaseStream.ReadExactly(cls);
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new WeightTable(classes, keys, lengths, cls, weights);
    }

    private WeightTable(int classes, long[] keys, byte[] lengths, byte[] cls, Half[] weights)
    {
        Classes = classes;
        var size = 16;
        while (size < keys.Length * 2)
            size <<= 1;
        _slots = new Slot[size];
        _mask = size - 1;
        _entries = new Entry[cls.Length];
        var at = 0;
        for (var f = 0; f < keys.Length; f++)
        {
            var k = keys[f] == 0 ? 1 : keys[f];
            var i = Bucket(k, _mask);
            while (_slots[i].Key != 0)
                i = (i + 1) & _mask;
            if (at + lengths[f] > cls.Length)
                throw new InvalidDataException("a weight table with more entries than it says");
            _slots[i] = new Slot { Key = k, Offset = at, Length = lengths[f] };
            for (var j = 0; j < lengths[f]; j++, at++)
                _entries[at] = new Entry { Class = Math.Min((int)cls[at], classes - 1), Weight = (float)weights[at] };
        }
        Count = keys.Length;
    }
}
