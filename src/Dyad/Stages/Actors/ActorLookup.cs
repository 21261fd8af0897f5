using System.Collections.Concurrent;
using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>What a name or code given by a user stands for: a code, or the closest name when nothing matched.</summary>
public sealed record ActorLookupResult(string? Code, string? Name, string? Suggestion);

/// <summary>
/// Names and codes for people typing them (`query --dyad Kazakhstan,Russia`) and for labels (graph nodes): the
/// actor dictionary read backwards. Names resolve to the code an undated mention would get.
/// </summary>
public static class ActorLookup
{
    private static readonly ConcurrentDictionary<ActorDictionary, Dictionary<string, string>> NamesByCode = new();

    /// <summary>
    /// A code given as a code ("KAZ", "kazgov", "NATO"), or a dictionary name in any case ("Kazakhstan", "the
    /// United States", "china"). Nothing found: the nearest name as a suggestion, or neither.
    /// </summary>
    public static ActorLookupResult Resolve(string text, ActorDictionary? dictionary = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        dictionary ??= ActorDictionary.Default;
        text = text.Trim();
        var upper = text.ToUpperInvariant();
        // Written as a code: all capitals (KAZ, NATO, KAZGOV), or three letters in any case (kaz).
        if ((text == upper || text.Length == 3) && ActorCode.TryParse(text, out var code))
            return new ActorLookupResult(code.Value, NameOf(code.Value, dictionary), null);
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length > 1 && tokens[0].Equals("the", StringComparison.OrdinalIgnoreCase))
            tokens = tokens[1..];
        var match = dictionary.AllEntries()
            .Where(e => e.Form is EntryForm.Name or EntryForm.Person && e.Tokens.Length == tokens.Length
                && e.Tokens.Zip(tokens).All(p => p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(e => e.Form == EntryForm.Person ? 1 : 0)
            .FirstOrDefault();
        if (match is not null)
            return new ActorLookupResult(dictionary.ResolveLatest(match).Code.Value, match.Name, null);
        var capitalized = tokens.Length == 1 && tokens[0].Length > 0 ? char.ToUpperInvariant(tokens[0][0]) + tokens[0][1..] : text;
        var near = dictionary.NearestName(capitalized);
        return new ActorLookupResult(null, null, near is { } n ? $"{n.Entry.Name} ({dictionary.ResolveLatest(n.Entry).Code.Value})" : null);
    }

    /// <summary>The dictionary's name for a code: a state's (KAZ → Kazakhstan) or an organization's (NATO); null when it has none.</summary>
    public static string? NameOf(string code, ActorDictionary? dictionary = null)
    {
        dictionary ??= ActorDictionary.Default;
        var names = NamesByCode.GetOrAdd(dictionary, d =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            // States first (their entry names are the short names), then the other named entries.
            foreach (var e in d.AllEntries().Where(e => e.Form == EntryForm.Name).OrderBy(e => e.Kind == "state" ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal))
                map.TryAdd(e.Code.Value, e.Name);
            return map;
        });
        return names.GetValueOrDefault(code);
    }
}
