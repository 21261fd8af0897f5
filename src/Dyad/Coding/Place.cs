using Dyad.Documents;

namespace Dyad.Coding;

/// <summary>A place named in the text, resolved to a country and, when known, coordinates.</summary>
public sealed record Place(TextSpan Span, string Text, string Name, string Country, double? Latitude, double? Longitude, string Rule = "");
