using System.Collections.Frozen;
using System.Reflection;
using Dyad.Coding;
using Dyad.Stages.Actors;

namespace Dyad.Storage.Export;

/// <summary>A country in the export tables: its FIPS 10-4 code (GDELT's geography) and its name as ICEWS writes it.</summary>
public sealed record ExportCountry(string Iso3, string Fips, string Name);

/// <summary>The data files of the GDELT and ICEWS layouts (Export/Data/countries.tsv, sectors.tsv), loaded once.</summary>
public static class ExportTables
{
    private static readonly Lazy<FrozenDictionary<string, ExportCountry>> LazyCountries = new(() =>
        Rows("countries.tsv").ToFrozenDictionary(r => r[0], r => new ExportCountry(r[0], r[1], r[2]), StringComparer.Ordinal));

    private static readonly Lazy<FrozenDictionary<string, string>> LazySectors = new(() =>
        Rows("sectors.tsv").ToFrozenDictionary(r => r[0], r => r[1], StringComparer.Ordinal));

    /// <summary>Countries by ISO 3166-1 alpha-3 code.</summary>
    public static IReadOnlyDictionary<string, ExportCountry> Countries => LazyCountries.Value;

    /// <summary>The country of a Dyad actor code (its first three letters), or null for organizations and regions.</summary>
    public static ExportCountry? CountryOf(string? code)
    {
        if (code is null || !ActorCode.TryParse(code, out var parsed) || !parsed.IsStateLike)
            return null;
        return LazyCountries.Value.GetValueOrDefault(parsed.Head);
    }

    /// <summary>The sectors of a state-like code as three-letter codes (KAZGOVMIL → GOV, MIL).</summary>
    public static IReadOnlyList<string> SectorCodes(string? code) =>
        code is not null && ActorCode.TryParse(code, out var parsed) && parsed.Sector.Length > 0 ? parsed.Sector.Chunk(3).Select(c => new string(c)).ToList() : [];

    /// <summary>The sectors as ICEWS words, comma-separated ("Government,Military"); codes without a word stay codes.</summary>
    public static string SectorWords(string? code) =>
        string.Join(",", SectorCodes(code).Select(s => LazySectors.Value.GetValueOrDefault(s, s)));

    /// <summary>What to call a graph node: the state's or organization's name from the actor dictionary, else the stored name, else the code.</summary>
    public static string NodeName(string node, string storedName) =>
        ActorLookup.NameOf(node) ?? (CountryOf(node) is { } c && node.Length == 3 ? c.Name : null) ?? (storedName.Length > 0 ? storedName : node);

    private static List<string[]> Rows(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Dyad.Storage.Data." + file)
            ?? throw new InvalidOperationException("embedded data missing: " + file);
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            rows.Add(line.Split('\t'));
        }
        return rows;
    }
}
