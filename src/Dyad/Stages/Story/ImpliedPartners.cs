using Dyad.Coding;
using Dyad.Pipeline;

namespace Dyad.Stages.Story;

/// <summary>
/// The story stage after the event coder: completes the acts whose sentence names no partner from the story's
/// participants, by event type (<c>Data/partners.tsv</c>): the other party of the story's dispute for a withdrawal,
/// handover or rejection, the source's counterpart in the paragraph for an appeal or an agreement, the participants
/// of the last meeting for "a further summit was held", the host of the last visit for "King X visited in 1967".
/// When no participant qualifies, an act that needs no target keeps "---" and the others are not coded. It also
/// counts each participant's events, for the story line of the output.
/// </summary>
public sealed class ImpliedPartners(StoryLexicon? lexicon = null) : IStage
{
    private readonly StoryLexicon _lexicon = lexicon ?? StoryLexicon.Default;

    public string Name => "story";

    public void Run(Analysis analysis)
    {
        var story = analysis.Story ?? Read(analysis);
        foreach (var open in analysis.Incomplete)
        {
            var completed = open.Source.Code.Value == "---" ? Meeting(analysis, story, open) : WithPartner(analysis, story, open);
            foreach (var e in completed)
                Insert(analysis, e);
        }
        for (var k = 0; k < analysis.Events.Count; k++)
        {
            var e = analysis.Events[k];
            if (e.Target.Code.Value == "---" && e.Rule.EndsWith(".no-target", StringComparison.Ordinal) && _lexicon.PartnerFor(e.Code.Value) is { How: "dispute" } rule
                && Partner(analysis, story, e, rule) is { } partner)
            {
                analysis.Events[k] = Copy(e, e.Source, partner, e.Rule + ".story.dispute");
                Trace(analysis, analysis.Events[k]);
            }
        }
        foreach (var e in analysis.Events)
        {
            var source = story.KeyOf(e.Source.Code);
            var target = story.KeyOf(e.Target.Code);
            if (source is not null)
                story.CountEvent(source);
            if (target is not null && target != source)
                story.CountEvent(target);
        }
        if (analysis.Tracing)
            analysis.Trace.Add("story: participants " + string.Join(", ", story.Participants.Take(8).Select(p => $"{p.Code} {p.Mentions}/{p.Events}")));
    }

    /// <summary>Without the reference stage: the participants as the actor layer named them.</summary>
    private StoryContext Read(Analysis analysis)
    {
        var story = new StoryContext(_lexicon, analysis);
        var bySentence = analysis.Actors.ToLookup(a => a.Sentence);
        foreach (var sentence in analysis.Sentences)
            story.Read(sentence.Index, bySentence[sentence.Index]);
        analysis.Story = story;
        return story;
    }

    private IEnumerable<EventMention> WithPartner(Analysis analysis, StoryContext story, EventMention open)
    {
        if (_lexicon.PartnerFor(open.Code.Value) is not { } rule || Partner(analysis, story, open, rule) is not { } partner)
            yield break;
        var e = Copy(open, open.Source, partner, open.Rule.Replace(".open", ".story." + rule.How, StringComparison.Ordinal));
        Trace(analysis, e);
        yield return e;
    }

    private static EventActor? Partner(Analysis analysis, StoryContext story, EventMention e, PartnerRule rule)
    {
        if (story.KeyOf(e.Source.Code) is not { } key)
            return null;
        var last = analysis.Sentences.Count - 1;
        var paragraph = story.ParagraphStart(e.Sentence);
        // The event's own sentence does not count: the coder read it and found no partner there.
        var own = e.Sentence;
        var found = rule.How switch
        {
            "dispute" => story.Counterpart(key, 0, last, rule.Min, skip: own) ?? story.Counterpart(key, paragraph, own - 1, 1),
            "host" => LastHost(analysis, story, own, key),
            // Else the story's protagonist, when the source is someone else the story names with it.
            _ => story.Counterpart(key, paragraph, own - 1, rule.Min)
                ?? (story.Participants is [{ } main, ..] && main.Code != key ? story.Counterpart(key, 0, last, 1, k => k == main.Code, own) : null),
        };
        return found is null ? null : new EventActor(ActorCode.Parse(found), story.NameOf(found));
    }

    /// <summary>
    /// The host of a visit whose sentence names none: the place of the wire's dateline ("LONDON, March 22 - King Fahd
    /// begins a state visit"), else the host of the paragraph's last visit by someone other than the host.
    /// </summary>
    private static string? LastHost(Analysis analysis, StoryContext story, int sentence, string visitor)
    {
        var dateline = analysis.Actors.FirstOrDefault(a => a.Role == MentionRole.Location && a.Rule.StartsWith("dateline", StringComparison.Ordinal) && a.Sentence <= sentence);
        if (dateline is not null && story.KeyOf(dateline.Code) is { } place && place != visitor)
            return place;
        var visit = analysis.Events.LastOrDefault(x => x.Sentence < sentence && story.Paragraph[x.Sentence] == story.Paragraph[sentence]
            && x.Code.Value == "042" && story.KeyOf(x.Target.Code) is { } h && h != visitor);
        return visit is null ? null : story.KeyOf(visit.Target.Code);
    }

    /// <summary>"A further summit was held": between the participants of the story's last meeting.</summary>
    private static IEnumerable<EventMention> Meeting(Analysis analysis, StoryContext story, EventMention open)
    {
        var previous = analysis.Events.Where(x => x.Sentence < open.Sentence && x.Code.Root == "04" && x.Target.Code.Value != "---").Select(x => x.Sentence).DefaultIfEmpty(-1).Max();
        if (previous < 0)
            yield break;
        var actors = analysis.Events.Where(x => x.Sentence == previous && x.Code.Root == "04")
            .SelectMany(x => new[] { x.Source, x.Target })
            .Where(a => story.KeyOf(a.Code) is not null)
            .DistinctBy(a => story.KeyOf(a.Code))
            .ToList();
        for (var i = 0; i < actors.Count; i++)
        {
            for (var j = i + 1; j < actors.Count; j++)
            {
                var e = Copy(open, actors[i] with { Span = null }, actors[j] with { Span = null }, open.Rule.Replace(".open", ".story.meeting", StringComparison.Ordinal));
                Trace(analysis, e);
                yield return e;
            }
        }
    }

    private static EventMention Copy(EventMention e, EventActor source, EventActor target, string rule)
    {
        var copy = new EventMention
        {
            Sentence = e.Sentence,
            Source = source,
            Target = target,
            Code = e.Code,
            Trigger = e.Trigger,
            Rule = rule,
            Date = e.Date,
            DateIsReportDate = e.DateIsReportDate,
            Location = e.Location,
            EventId = e.EventId,
            Symmetric = e.Symmetric,
        };
        copy.Quantities.AddRange(e.Quantities);
        return copy;
    }

    /// <summary>Adds an event in document order, unless its sentence already has one of the same root for the same pair.</summary>
    private static void Insert(Analysis analysis, EventMention e)
    {
        var a = e.Source.Code.Head;
        var b = e.Target.Code.Head;
        if (analysis.Events.Any(x => x.Sentence == e.Sentence && x.Code.Root == e.Code.Root
                && (x.Source.Code.Head == a && x.Target.Code.Head == b || x.Source.Code.Head == b && x.Target.Code.Head == a)))
            return;
        var at = analysis.Events.FindLastIndex(x => x.Sentence <= e.Sentence) + 1;
        analysis.Events.Insert(at, e);
    }

    private static void Trace(Analysis analysis, EventMention e)
    {
        if (analysis.Tracing)
            analysis.Trace.Add($"story: sentence {e.Sentence} {e.Source.Code}->{e.Target.Code} {e.Code}: partner from the story, rule {e.Rule}");
    }
}
