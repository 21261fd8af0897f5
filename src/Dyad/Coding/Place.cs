using Dyad.Documents;

namespace Dyad.Coding;

/// <summary>A place named in the text, resolved to a country and, when known, coordinates.</summary>
public sealed record Place(TextSpan Span, string Text, string Name, string Country, double? Latitude, double? Longitude, string Rule = "")
{
    /// <summary>The gazetteer kind: capital, city, site, region, sea or country.</summary>
    public string Kind { get; init; } = "city";

    /// <summary>
    /// The word that makes the place a venue ("in", "at", "near", "to", "," for a caption's place line),
    /// or null when the name is only mentioned ("Moscow said", "Kazakhstan's oil").
    /// </summary>
    public string? Venue { get; init; }

    /// <summary>True when the sentence names the place as where something happens.</summary>
    public bool IsVenue => Venue is not null;
}
