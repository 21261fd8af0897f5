using System.Text;
using System.Text.Json.Nodes;
using Dyad.Documents;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Events;

/// <summary>Acts that need no target (declaring a ceasefire, withdrawing) are coded with an empty target.</summary>
public sealed class NoTargetTests
{
    private static Analysis Run(string text) => DyadPipeline.Default.Run(new Document("t", text, new DateOnly(2015, 1, 1)));

    [Fact]
    public void ACeasefireDeclaredToNoOneHasNoTarget()
    {
        var e = Assert.Single(Run("Hezbollah declared a ceasefire on Wednesday.").Events);
        Assert.Equal("LBNREB", e.Source.Code.Value);
        Assert.Equal("---", e.Target.Code.Value);
        Assert.Equal("0871", e.Code.Value);
    }

    [Fact]
    public void TheJsonLineWritesTheMissingTargetAsNull()
    {
        using var stream = new MemoryStream();
        using (var writer = new EventJsonWriter(stream, new OutputOptions { Facts = false }))
            writer.Write(Run("Hezbollah declared a ceasefire on Wednesday."));
        var line = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        var json = JsonNode.Parse(line)!;
        Assert.Null(json["target"]);
        Assert.Equal("LBNREB", json["source"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void ACeasefireWithANamedPartyKeepsItsTarget() =>
        Assert.All(Run("Hezbollah declared a ceasefire with Israel on Wednesday.").Events, e => Assert.Equal("ISR", e.Target.Code.Head));

    [Fact]
    public void AnActorWithoutACountryMakesNoTargetlessEvent() =>
        Assert.Empty(Run("The rebels declared a ceasefire on Sunday.").Events);

    [Fact]
    public void AWithdrawalFromANamedPlaceIsNotTargetless() =>
        Assert.DoesNotContain(Run("Nigeria began to withdraw its troops from Bakassi in August.").Events, e => e.Target.Code.Value == "---");
}
