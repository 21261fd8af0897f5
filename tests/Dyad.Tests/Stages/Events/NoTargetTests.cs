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
        using (var writer = new EventJsonWriter(stream, new OutputOptions { Facts = false, Story = false }))
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

    [Theory]
    [InlineData("The Peruvian prime minister resigned on Friday as students marched in Lima.")]
    [InlineData("Bolivia's interior minister stepped down after the vote.")]
    public void ALeaderWhoResignsHasNoTarget(string text)
    {
        var e = Assert.Single(Run(text).Events, e => e.Code.Value == "0831");
        Assert.Equal("---", e.Target.Code.Value);
    }

    [Fact]
    public void AnAgreementToResignIsAnIntentWithNoTarget()
    {
        var e = Assert.Single(Run("The ousted Malian president agreed to resign.").Events);
        Assert.Equal("0341", e.Code.Value);
        Assert.Equal("---", e.Target.Code.Value);
    }

    [Fact]
    public void AResignationTakesNoTargetFromALaterClause() =>
        Assert.DoesNotContain(Run("The Chilean defence minister resigned on Monday as the opposition threatened a strike.").Events, e => e.Code.Value == "0831" && e.Target.Code.Value != "---");

    [Fact]
    public void ProtestersInTheirOwnStateProtestAgainstItsGovernment()
    {
        var e = Assert.Single(Run("Thousands of ethnic Hungarians demonstrated on Sunday in Romania.").Events);
        Assert.Equal("141", e.Code.Value);
        Assert.Equal("ROUGOV", e.Target.Code.Value);
    }

    [Fact]
    public void ToDemonstrateAQualityIsNoProtest() =>
        Assert.Empty(Run("Ghana demonstrated its commitment to the region.").Events);

    [Fact]
    public void AReformOfTheSourcesOwnStateHasNoTarget()
    {
        var e = Assert.Single(Run("The new Peruvian president promised to democratize Peru.").Events);
        Assert.Equal("0344", e.Code.Value);
        Assert.Equal("---", e.Target.Code.Value);
    }
}
