using Dyad.Pipeline;
using Dyad.Stages.Actors;
using Dyad.Stages.Anchoring;
using Dyad.Stages.Dates;
using Dyad.Stages.Dedup;
using Dyad.Stages.Events;
using Dyad.Stages.Facts;
using Dyad.Stages.Places;
using Dyad.Stages.Quantities;
using Dyad.Stages.Sentences;
using Dyad.Stages.Story;
using Dyad.Stages.Tokens;

namespace Dyad;

/// <summary>The default pipeline: the stages in the order they depend on each other.</summary>
public static class DyadPipeline
{
    /// <summary>Adds the default stages, in order.</summary>
    public static PipelineBuilder UseDefaults(this PipelineBuilder builder) => builder
        .UseSentences()   // everything below works sentence by sentence
        .UseTokens()      // offsets into the document for every later span
        .UseActors()      // who: needs tokens
        .UseDates()       // when: independent of actors
        .UseQuantities()  // how much: after dates, so "in 2012" is never read as a count
        .UsePlaces()      // where: after dates, which end a caption's place line ("Turgen, Almaty, 15 September 2004")
        .UseReferences()  // the story's references ("the court", "the two countries", acronyms, surnames): needs every sentence's actors
        .UseEvents()      // what: needs actors and references (and may read dates for negation of time words)
        .UseStory()       // implied partners from the story's participants: needs the events the sentences could not complete
        .UseFacts()       // standing relations: after events (signings make memberships, partnerships, border agreements)
        .UseAnchoring()   // after events and facts, before mentions are merged: dates, amounts and venues onto each mention and fact
        .UseDedup();      // event ids shared by mentions of one real event: needs the anchored dates

    /// <summary>A frozen default pipeline, built once.</summary>
    public static Pipeline.Pipeline Default => LazyDefault.Value;

    private static readonly Lazy<Pipeline.Pipeline> LazyDefault = new(() => new PipelineBuilder().UseDefaults().Build());
}
