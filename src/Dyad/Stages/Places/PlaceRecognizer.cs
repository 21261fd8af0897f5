using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Places;

/// <summary>
/// Finds the gazetteer's places in each sentence and marks the ones named as venues: after "in", "at",
/// "near", "to" (through "the southern city of", "the western oil city of"), and the place line of a
/// caption ("Turgen, Almaty, 15 September 2004"). A country right after a city of that country
/// ("Astana, Kazakhstan") only qualifies the city. Capitals used as actors ("Moscow said") are still
/// recorded, without a venue; the actor and event stages decide what they stand for.
/// </summary>
public sealed class PlaceRecognizer(Gazetteer gazetteer) : IStage
{
    /// <summary>Words between a preposition and the name: "in the southern city of Taraz".</summary>
    private static readonly HashSet<string> Descriptors = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "southern", "northern", "eastern", "western", "central", "south", "north", "east", "west",
        "oil", "port", "capital", "city", "town", "village", "region", "province", "district", "border", "coastal",
        "official", "former", "resort", "area", "nearby", "neighbouring", "neighboring", "remote", "strategic",
    };

    private static readonly HashSet<string> GeographicNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "city", "town", "village", "port", "capital", "region", "province", "district", "area",
    };

    private static readonly HashSet<string> VenuePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "inside", "around", "within", "to", "on", "into",
    };

    /// <summary>Words before a name that make it a person's ("Queen Victoria", "President Jordan").</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "queen", "king", "prince", "princess", "president", "mr", "mrs", "ms", "dr", "lord", "lady", "sir", "general", "saint",
        "pope", "emperor", "sultan", "sheikh", "st",
    };

    private static readonly HashSet<int> EmptyStarts = [];

    public PlaceRecognizer()
        : this(Gazetteer.Default)
    {
    }

    public string Name => "places";

    public void Run(Analysis analysis)
    {
        var text = analysis.Document.Text;
        var times = analysis.Times.ToLookup(t => t.Sentence, t => t.Span.Start);
        foreach (var sentence in analysis.Sentences)
        {
            var dateStarts = times[sentence.Index].ToHashSet();
            // Only captions and headings end in a place line; in a paragraph ", Nigeria, 1999" is something else.
            try
            {
                analysis.Places.AddRange(Scan(text, sentence.Tokens as List<Token> ?? [.. sentence.Tokens], sentence.Kind == SentenceKind.Body ? EmptyStarts : dateStarts, dateStarts, gazetteer));
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
            {
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"places skipped: {ex.Message}", sentence.Index));
            }
        }
    }

    /// <summary>The places of one sentence; <paramref name="dateStarts"/> are the offsets where its dates begin.</summary>
    public static List<Place> Scan(string text, IReadOnlyList<Token> tokens, IReadOnlySet<int> dateStarts, Gazetteer gazetteer) =>
        Scan(text, tokens as List<Token> ?? [.. tokens], dateStarts, dateStarts, gazetteer);

    private static List<Place> Scan(string text, List<Token> tokens, IReadOnlySet<int> dateStarts, IReadOnlySet<int> allDateStarts, Gazetteer gazetteer)
    {
        var found = new List<Place>();
        var lastEnd = -1;
        string? lastCountry = null;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!gazetteer.TryMatch(tokens, i, out var entry, out var length)
                || (i > 0 && Titles.Contains(tokens[i - 1].Text.TrimEnd('.'))))
            {
                i++;
                continue;
            }
            var end = i + length;
            string? venue;
            if (entry.Kind == "country" && lastEnd == i - 1 && i > 0 && tokens[i - 1].Text == "," && lastCountry == entry.Country)
                venue = null; // "Astana, Kazakhstan": the country only qualifies the city
            else
                venue = VenueBefore(tokens, i) ?? (IsCaptionPlaceLine(tokens, end, dateStarts, gazetteer) ? "," : null) ?? HostAfter(tokens, end, entry)
                    ?? (IsDateline(tokens, i, end, allDateStarts) ? "dateline" : null);
            var span = new TextSpan(tokens[i].Span.Start, tokens[end - 1].Span.End);
            found.Add(new Place(span, span.Slice(text), entry.Name, entry.Country, entry.Latitude, entry.Longitude, "place.gazetteer")
            {
                Kind = entry.Kind,
                Venue = venue,
            });
            lastEnd = end;
            lastCountry = entry.Country;
            i = end;
        }
        return found;
    }

    /// <summary>The preposition that makes a name a venue, looking back over "the southern city of".</summary>
    private static string? VenueBefore(List<Token> tokens, int i)
    {
        var sawGeographic = false;
        for (var k = i - 1; k >= 0 && k >= i - 6; k--)
        {
            var w = tokens[k].Text;
            if (VenuePrepositions.Contains(w))
            {
                // "on the southern city of Taraz" is a place; "on Iran" is a topic.
                if (w.Equals("on", StringComparison.OrdinalIgnoreCase) && !sawGeographic)
                    return null;
                return w.ToLowerInvariant();
            }
            if (!Descriptors.Contains(w))
                return null;
            sawGeographic |= GeographicNouns.Contains(w);
        }
        return null;
    }

    /// <summary>"WASHINGTON, Oct 19 - …": a wire story's dateline names where it was filed.</summary>
    private static bool IsDateline(List<Token> tokens, int i, int end, IReadOnlySet<int> dateStarts) =>
        i == 0 && tokens[0].Text.Length > 1 && tokens[0].Text.All(c => !char.IsLetter(c) || char.IsUpper(c))
        && end + 1 < tokens.Count && tokens[end].Text == "," && dateStarts.Contains(tokens[end + 1].Span.Start);

    /// <summary>"Geneva hosted the talks": a city that hosts is where the talks are.</summary>
    private static string? HostAfter(List<Token> tokens, int end, GazetteerEntry entry)
    {
        if (entry.Kind is "country" or "region" or "sea")
            return null;
        for (var k = end; k < tokens.Count && k < end + 6; k++)
        {
            var w = tokens[k].Text;
            if (w.StartsWith("host", StringComparison.OrdinalIgnoreCase) && w.Length <= 6)
                return "host";
            if (tokens[k].Kind == TokenKind.Punctuation)
                return null;
        }
        return null;
    }

    /// <summary>"…, Turgen, Almaty, 15 September 2004": names followed by a date in a comma-separated tail.</summary>
    private static bool IsCaptionPlaceLine(List<Token> tokens, int end, IReadOnlySet<int> dateStarts, Gazetteer gazetteer)
    {
        var k = end;
        for (var hops = 0; hops < 3 && k < tokens.Count && tokens[k].Text == ","; hops++)
        {
            if (k + 1 >= tokens.Count)
                return false;
            if (dateStarts.Contains(tokens[k + 1].Span.Start))
                return true;
            if (!gazetteer.TryMatch(tokens, k + 1, out _, out var length))
                return false;
            k += 1 + length;
        }
        return false;
    }
}

public static class PlaceRecognizerExtensions
{
    /// <summary>Adds (or replaces) the place stage; it reads the dates (for caption place lines), so it goes after <c>UseDates</c>.</summary>
    public static PipelineBuilder UsePlaces(this PipelineBuilder builder) => builder.Replace(new PlaceRecognizer());

    /// <summary>Adds (or replaces) the place stage with a gazetteer of the caller's (see <see cref="Gazetteer.Load"/>).</summary>
    public static PipelineBuilder UsePlaces(this PipelineBuilder builder, Gazetteer gazetteer) => builder.Replace(new PlaceRecognizer(gazetteer));
}
