namespace Dyad.Stages.Syntax;

/// <summary>Deterministic 64-bit hashing of features: a template id combined with small integer or string values.</summary>
internal static class FeatureHash
{
    private const ulong K = 0x9E3779B97F4A7C15UL;

    public static long Of(int template) => (long)Mix(0x51AFD7ED558CCD0UL, (ulong)template);

    public static long Of(int template, long a) => (long)Mix(Mix(0x51AFD7ED558CCD0UL, (ulong)template), (ulong)a);

    public static long Of(int template, long a, long b) => (long)Mix(Mix(Mix(0x51AFD7ED558CCD0UL, (ulong)template), (ulong)a), (ulong)b);

    public static long Of(int template, long a, long b, long c) =>
        (long)Mix(Mix(Mix(Mix(0x51AFD7ED558CCD0UL, (ulong)template), (ulong)a), (ulong)b), (ulong)c);

    private static ulong Mix(ulong h, ulong v)
    {
        h ^= v + K + (h << 6) + (h >> 2);
        h *= 0xFF51AFD7ED558CCDUL;
        return h ^ (h >> 32);
    }

    /// <summary>A hash of a string (ordinal, stable across runs and machines).</summary>
    public static long String(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return (long)(h ^ (h >> 29));
    }

    /// <summary>A hash of the lowercased string.</summary>
    public static long Lower(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 0x100000001B3UL;
        }
        return (long)(h ^ (h >> 29));
    }
}
