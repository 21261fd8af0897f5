using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Actors;

/// <summary>Finds actor names in each sentence: the longest dictionary phrase at each token wins.</summary>
public sealed class ActorRecognizer : IStage
{
    private static readonly HashSet<string> VenuePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "from" };

    private readonly ActorDictionary _dictionary;

    public ActorRecognizer(ActorDictionary? dictionary = null) => _dictionary = dictionary ?? ActorDictionary.Default;

    public string Name => "actors";

    public void Run(Analysis analysis)
    {
        foreach (var sentence in analysis.Sentences)
        {
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.Count;)
            {
                var match = Longest(tokens, i);
                if (match is null)
                {
                    i++;
                    continue;
                }
                var span = new TextSpan(tokens[i].Span.Start, tokens[i + match.Tokens.Length - 1].Span.End);
                var role = match.IsCapital && i > 0 && VenuePrepositions.Contains(tokens[i - 1].Text) ? MentionRole.Location : MentionRole.Actor;
                analysis.Actors.Add(new ActorMention(sentence.Index, span, span.Slice(analysis.Document.Text), match.Code, match.Name, role, match.Id, match.IsCapital ? "capital" : "name")
                {
                    Kind = match.Kind,
                });
                i += match.Tokens.Length;
            }
        }
    }

    private ActorEntry? Longest(IReadOnlyList<Token> tokens, int at)
    {
        foreach (var entry in _dictionary.Candidates(tokens[at].Text))
        {
            if (at + entry.Tokens.Length > tokens.Count)
                continue;
            var all = true;
            for (var k = 1; k < entry.Tokens.Length && all; k++)
                all = string.Equals(tokens[at + k].Text, entry.Tokens[k], StringComparison.Ordinal);
            if (all)
                return entry;
        }
        return null;
    }
}

public static class ActorRecognizerExtensions
{
    public static PipelineBuilder UseActors(this PipelineBuilder builder, ActorDictionary? dictionary = null) =>
        builder.Replace(new ActorRecognizer(dictionary));
}
