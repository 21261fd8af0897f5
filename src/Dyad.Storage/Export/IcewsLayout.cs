using Dyad.Output;

namespace Dyad.Storage.Export;

/// <summary>
/// The 20 columns of the ICEWS event files with ICEWS's value conventions: countries by name ("Kazakhstan",
/// "Russian Federation"), sectors as words ("Government,Military"), the event's description as Event Text, a
/// numeric Event ID and 1-based sentence numbers. A generic sector actor is named as ICEWS names one,
/// "Government (Kazakhstan)"; a person or organization keeps its name.
/// </summary>
public static class IcewsLayout
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
        "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District", "Province",
        "Country", "Latitude", "Longitude",
    ];

    public static string?[] Row(EventRecord e, long id)
    {
        ArgumentNullException.ThrowIfNull(e);
        var place = ExportTables.Countries.GetValueOrDefault(e.Country ?? "");
        var city = e.LocationKind is "country" or "region" or "sea" ? null : e.Location;
        return
        [
            EventColumns.I(id), e.DateStart, Name(e.Source, e.SourceName), ExportTables.SectorWords(e.Source), ExportTables.CountryOf(e.Source)?.Name,
            e.Label ?? e.Code, e.Code, EventColumns.Number(e.Goldstein),
            Name(e.Target, e.TargetName), ExportTables.SectorWords(e.Target), ExportTables.CountryOf(e.Target)?.Name,
            e.Doc, EventColumns.I(e.Sentence + 1), null, city, null, e.LocationKind == "region" ? e.Location : null,
            e.Location is null ? null : place?.Name ?? e.Country, EventColumns.Number(e.Latitude), EventColumns.Number(e.Longitude),
        ];
    }

    private static string? Name(string code, string name)
    {
        if (code == "---")
            return null;
        var country = ExportTables.CountryOf(code);
        var sectors = ExportTables.SectorWords(code);
        if (country is null)
            return name.Length > 0 ? name : code;
        if (sectors.Length == 0)
            return country.Name;
        // A bare sector actor ("the government", "Kazakh officials") is the sector of its country; a named one keeps its name.
        var generic = name.Length == 0 || name.Equals(code, StringComparison.OrdinalIgnoreCase) || name.Equals(country.Name, StringComparison.OrdinalIgnoreCase)
            || Dyad.Stages.Actors.ActorLookup.NameOf(code[..3]) is { } state && name.Equals(state, StringComparison.OrdinalIgnoreCase);
        return generic ? $"{sectors.Split(',')[0]} ({country.Name})" : name;
    }
}
