using Dyad.Stages.Actors;

namespace Dyad.Tests.Stages.Actors;

public class ActorLookupTests
{
    [Theory]
    [InlineData("KAZ", "KAZ")]
    [InlineData("kaz", "KAZ")]
    [InlineData("KAZGOV", "KAZGOV")]
    [InlineData("NATO", "NATO")]
    [InlineData("Kazakhstan", "KAZ")]
    [InlineData("kazakhstan", "KAZ")]
    [InlineData("Russia", "RUS")]
    [InlineData("the United States", "USA")]
    [InlineData("China", "CHN")]
    public void ACodeOrANameGivesTheCode(string text, string code) => Assert.Equal(code, ActorLookup.Resolve(text).Code);

    [Fact]
    public void AMisspelledNameGetsTheNearestNameAsAHint()
    {
        var found = ActorLookup.Resolve("Kazakhztan");
        Assert.Null(found.Code);
        Assert.Equal("Kazakhstan (KAZ)", found.Suggestion);
    }

    [Fact]
    public void AStateIsNamedByTheDictionary()
    {
        Assert.Equal("Kazakhstan", ActorLookup.NameOf("KAZ"));
        Assert.Equal("Belarus", ActorLookup.NameOf("BLR"));
    }
}
