using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Events;

/// <summary>
/// First version of the coder: a trigger word from a small lexicon, the actors before it as sources and
/// the actors after it as targets; symmetric acts pair every actor with every other.
/// </summary>
public sealed class EventCoder : IStage
{
    private sealed record Trigger(string Code, bool Symmetric, string Rule);

    private static readonly Dictionary<string, Trigger> Lexicon = new(StringComparer.OrdinalIgnoreCase)
    {
        ["signed"] = new("057", true, "sign"),
        ["sign"] = new("057", true, "sign"),
        ["signs"] = new("057", true, "sign"),
        ["concluded"] = new("057", true, "sign"),
        ["visited"] = new("042", false, "visit"),
        ["visit"] = new("042", false, "visit"),
        ["visits"] = new("042", false, "visit"),
        ["met"] = new("040", true, "meet"),
        ["meets"] = new("040", true, "meet"),
        ["meeting"] = new("040", true, "meet"),
        ["provided"] = new("070", false, "aid"),
        ["aid"] = new("070", false, "aid"),
        ["criticized"] = new("111", false, "criticize"),
        ["criticised"] = new("111", false, "criticize"),
        ["condemned"] = new("111", false, "criticize"),
        ["attacked"] = new("190", false, "attack"),
        ["attack"] = new("180", false, "attack"),
    };

    public string Name => "events";

    public void Run(Analysis analysis)
    {
        foreach (var sentence in analysis.Sentences)
        {
            var actors = analysis.ActorsIn(sentence.Index).Where(a => a.Role == MentionRole.Actor).ToList();
            if (actors.Count < 2)
                continue;
            var trigger = sentence.Tokens.Select(t => (Token: t, Found: Lexicon.GetValueOrDefault(t.Text))).FirstOrDefault(x => x.Found is not null);
            if (trigger.Found is null)
                continue;
            var code = EventCode.Parse(trigger.Found.Code);
            var rule = "v0." + trigger.Found.Rule;
            if (trigger.Found.Symmetric)
            {
                var distinct = actors.DistinctBy(a => a.Code.Head).ToList();
                for (var i = 0; i < distinct.Count; i++)
                {
                    for (var j = i + 1; j < distinct.Count; j++)
                        Add(analysis, sentence, distinct[i], distinct[j], code, trigger.Token.Span, rule, true);
                }
                continue;
            }
            var sources = actors.Where(a => a.Span.End <= trigger.Token.Span.Start).ToList();
            var targets = actors.Where(a => a.Span.Start >= trigger.Token.Span.End).ToList();
            foreach (var s in sources)
            {
                foreach (var t in targets.Where(t => t.Code.Head != s.Code.Head))
                    Add(analysis, sentence, s, t, code, trigger.Token.Span, rule, false);
            }
        }
    }

    private static void Add(Analysis analysis, Sentence sentence, ActorMention source, ActorMention target, EventCode code, TextSpan trigger, string rule, bool symmetric) =>
        analysis.Events.Add(new EventMention
        {
            Sentence = sentence.Index,
            Source = new EventActor(source.Code, source.Name, source.Span),
            Target = new EventActor(target.Code, target.Name, target.Span),
            Code = code,
            Trigger = trigger,
            Rule = rule,
            Symmetric = symmetric,
        });
}

public static class EventCoderExtensions
{
    public static PipelineBuilder UseEvents(this PipelineBuilder builder) => builder.Replace(new EventCoder());
}
