using Dyad.Pipeline;

namespace Dyad.Stages.Events;

/// <summary>
/// What the coder remembers from earlier sentences of a document: the last pair of actors talked about
/// ("they", "the two states", "summit outcomes"), and the last person who acted ("he"). Partners named
/// in other sentences are the story stage's (Stages/Story), not the coder's.
/// </summary>
internal sealed class Discourse
{
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
}
