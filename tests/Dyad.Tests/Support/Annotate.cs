using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Dates;
using Dyad.Stages.Places;
using Dyad.Stages.Quantities;
using Dyad.Stages.Sentences;
using Dyad.Stages.Tokens;

namespace Dyad.Tests.Support;

/// <summary>Runs the stages up to dates, quantities and places on a text of our own.</summary>
public static class Annotate
{
    private static readonly Dyad.Pipeline.Pipeline UpToPlaces =
        new PipelineBuilder().UseSentences().UseTokens().UseDates().UseQuantities().UsePlaces().Build();

    public static Analysis Text(string text, DateOnly? published = null) =>
        UpToPlaces.Run(new Document("test", text, published));
}
