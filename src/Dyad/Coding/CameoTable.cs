using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Dyad.Coding;

/// <summary>Which published Goldstein values to report.</summary>
public enum GoldsteinScheme
{
    /// <summary>The values GDELT publishes for each CAMEO code (the default).</summary>
    Gdelt,

    /// <summary>The Phoenix pipeline's values where they differ from GDELT's.</summary>
    Phoenix,
}

/// <summary>One CAMEO code: our short name, its root, quad class, Goldstein values and PLOVER type.</summary>
public sealed record CameoEntry(string Code, string Root, string Name, QuadClass Quad, double Goldstein, double? GoldsteinPhoenix, string? Plover, string? PloverMode);

/// <summary>Every CAMEO code, loaded once from the embedded <c>Coding/Data/cameo.tsv</c>.</summary>
public sealed class CameoTable
{
    private readonly FrozenDictionary<string, CameoEntry> _byCode;

    private CameoTable(IEnumerable<CameoEntry> entries) => _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    public static CameoTable Default => LazyDefault.Value;

    private static readonly Lazy<CameoTable> LazyDefault = new(Load);

    public int Count => _byCode.Count;

    public IEnumerable<CameoEntry> Entries => _byCode.Values.OrderBy(e => e.Code, StringComparer.Ordinal);

    /// <summary>The entry of the code, else of its three-digit parent, else of its root heading.</summary>
    public CameoEntry? Find(EventCode code)
    {
        var v = code.Value;
        if (v is null)
            return null;
        if (_byCode.TryGetValue(v, out var e))
            return e;
        if (v.Length == 4 && _byCode.TryGetValue(v[..3], out e))
            return e;
        return _byCode.GetValueOrDefault(v[..2]);
    }

    public double Goldstein(EventCode code, GoldsteinScheme scheme = GoldsteinScheme.Gdelt)
    {
        var e = Find(code);
        if (e is null)
            return 0;
        return scheme == GoldsteinScheme.Phoenix && e.GoldsteinPhoenix is { } p ? p : e.Goldstein;
    }

    private static CameoTable Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dyad.Data.Coding.cameo.tsv")
            ?? throw new InvalidOperationException("embedded data missing: cameo.tsv");
        using var reader = new StreamReader(stream);
        var entries = new List<CameoEntry>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("code\t", StringComparison.Ordinal))
                continue;
            var c = line.Split('\t');
            if (c.Length < 8)
                continue;
            entries.Add(new CameoEntry(
                c[0],
                c[1],
                c[2],
                (QuadClass)int.Parse(c[3], CultureInfo.InvariantCulture),
                double.Parse(c[4], CultureInfo.InvariantCulture),
                c[5].Length > 0 ? double.Parse(c[5], CultureInfo.InvariantCulture) : null,
                c[6].Length > 0 ? c[6] : null,
                c[7].Length > 0 ? c[7] : null));
        }
        return new CameoTable(entries);
    }
}
