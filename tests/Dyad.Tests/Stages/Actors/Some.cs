using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Actors;
using Dyad.Stages.Sentences;
using Dyad.Stages.Tokens;

namespace Dyad.Tests.Stages.Actors;

/// <summary>Runs sentences, tokens and actors over a text written for a test.</summary>
internal static class Some
{
    private static readonly Pipeline.Pipeline Default = new PipelineBuilder().UseSentences().UseTokens().UseActors().Build();

    public static Analysis Actors(string text, DateOnly? published = null, ActorDictionary? dictionary = null)
    {
        var pipeline = dictionary is null ? Default : new PipelineBuilder().UseSentences().UseTokens().UseActors(dictionary).Build();
        return pipeline.Run(new Document("test", text, published));
    }

    /// <summary>"text=CODE" for every actor (role Actor) mention, in order.</summary>
    public static string Codes(string text, DateOnly? published = null, ActorDictionary? dictionary = null) =>
        string.Join(' ', Actors(text, published, dictionary).Actors.Where(a => a.Role == MentionRole.Actor).Select(a => $"{a.Text}={a.Code}"));
}
