using System.Globalization;
using Dyad.Output;

namespace Dyad.Storage.Export;

/// <summary>
/// GDELT 2.0's event table: all 61 columns in GDELT's order (positional readers and a BigQuery load with GDELT's
/// schema read it), no header unless asked. Actor country codes are CAMEO/ISO alpha-3 as in GDELT; the geography
/// columns hold FIPS 10-4 codes as in GDELT (Export/Data/countries.tsv). What GDELT cannot hold: SQLDATE is a whole
/// day, so an event known to the month or year is written as its first day; the `--sidecar` file keeps each row's
/// date as coded with its precision, and its evidence. Columns Dyad has no value for are empty; Geo_Type 0 is
/// GDELT's "no place".
/// </summary>
public static class GdeltLayout
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
        "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    private static string[] ActorColumns(string p) =>
    [
        p + "Code", p + "Name", p + "CountryCode", p + "KnownGroupCode", p + "EthnicCode", p + "Religion1Code", p + "Religion2Code",
        p + "Type1Code", p + "Type2Code", p + "Type3Code",
    ];

    private static string[] GeoColumns(string p) =>
        [p + "_Type", p + "_FullName", p + "_CountryCode", p + "_ADM1Code", p + "_ADM2Code", p + "_Lat", p + "_Long", p + "_FeatureID"];

    /// <summary>GDELT's Geo_Type values: 1 country, 4 world city, 5 world state (first-order division).</summary>
    private static string GeoType(string? kind) => kind switch
    {
        "country" => "1",
        "region" => "5",
        _ => "4",
    };

    public static string?[] Row(EventRecord e, long id)
    {
        ArgumentNullException.ThrowIfNull(e);
        var day = DateOnly.TryParseExact(e.DateStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var place = e.Location is null ? null : ExportTables.Countries.GetValueOrDefault(e.Country ?? "");
        string?[] row =
        [
            EventColumns.I(id), day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture), day?.ToString("yyyyMM", CultureInfo.InvariantCulture),
            day?.ToString("yyyy", CultureInfo.InvariantCulture),
            // GDELT's FractionDate: the year plus (month × 30 + day) / 365, to four places.
            day is { } f ? (f.Year + (f.Month * 30 + f.Day) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture) : null,
            .. Actor(e.Source, e.SourceName), .. Actor(e.Target, e.TargetName),
            e.Sentence == 0 ? "1" : "0", e.Code, e.Code.Length >= 3 ? e.Code[..3] : e.Code, e.Root, EventColumns.I(e.Quad),
            EventColumns.Number(e.Goldstein), EventColumns.I(e.Mentions), "1", "1", null,
            "0", null, null, null, null, null, null, null,
            "0", null, null, null, null, null, null, null,
            e.Location is null ? "0" : GeoType(e.LocationKind),
            e.Location is null ? null : e.LocationKind == "country" || place is null ? e.Location : $"{e.Location}, {place.Name}",
            place?.Fips, place?.Fips, null, EventColumns.Number(e.Latitude), EventColumns.Number(e.Longitude),
            e.LocationKind == "country" ? place?.Fips : null,
            e.Published is { Length: 10 } p ? p.Replace("-", "", StringComparison.Ordinal) + "000000" : null,
            e.Doc,
        ];
        return row;
    }

    /// <summary>Code, name (upper case, as GDELT writes names), country, known group, ethnic, two religions, three types.</summary>
    private static string?[] Actor(string code, string name)
    {
        if (code == "---")
            return new string?[10];
        var country = ExportTables.CountryOf(code) is not null || code.Length >= 3 && Dyad.Coding.ActorCode.TryParse(code, out var c) && c.IsStateLike && c.Head != "---"
            ? code[..3] : null;
        var known = country is null && !code.StartsWith("---", StringComparison.Ordinal) ? code : null;
        var types = ExportTables.SectorCodes(code);
        return [code, name.ToUpperInvariant(), country, known, null, null, null, types.ElementAtOrDefault(0), types.ElementAtOrDefault(1), types.ElementAtOrDefault(2)];
    }
}
