using Dyad.Pipeline;

namespace Dyad.Stages.Events;

/// <summary>
/// What the coder remembers from earlier sentences of a document: the last pair of actors talked about
/// ("they", "the two states", "summit outcomes"), the last person who acted ("he") and recent actors
/// (the partner of a one-sided "concluded a similar agreement").
/// </summary>
internal sealed class Discourse
{
    private readonly List<(int Sentence, ActorMention Actor)> _recent = [];

    public List<ActorMention> LastPair { get; private set; } = [];

    public ActorMention? LastPerson { get; private set; }

    public void SetPair(IEnumerable<ActorMention> actors)
    {
        var list = actors.DistinctBy(a => a.Code.Head).ToList();
        if (list.Count >= 2)
            LastPair = list;
    }

    public void SetSubject(ActorMention actor)
    {
        if (actor.Kind == "person" || actor.Code.Sector == "GOV" || char.IsUpper(actor.Text[0]) && actor.Rule != "capital")
            LastPerson = actor;
    }

    /// <summary>Remembers the actors of a sentence's groups, and its places when <paramref name="withLocations"/>.</summary>
    /// <remarks>Runs once per sentence in two stages, so it walks the view directly instead of building LINQ chains.</remarks>
    public void Remember(int sentence, SentenceView view, bool withLocations)
    {
        foreach (var g in view.Groups)
        {
            foreach (var a in g.Actors)
                _recent.Add((sentence, a));
        }
        if (withLocations)
        {
            foreach (var l in view.Locations)
                _recent.Add((sentence, l.Actor));
        }
        if (_recent.Count > 40)
            _recent.RemoveRange(0, _recent.Count - 40);
    }

    /// <summary>The most recent actor of another state than <paramref name="heads"/>, at most two sentences back.</summary>
    public ActorMention? Partner(int sentence, IReadOnlyCollection<string> heads)
    {
        for (var k = _recent.Count - 1; k >= 0; k--)
        {
            var (at, actor) = _recent[k];
            if (at < sentence - 2)
                break;
            if (!heads.Contains(actor.Code.Head) && actor.Code.Head != "---")
                return actor;
        }
        return null;
    }
}
