using Dyad.Documents.Readers;
using Dyad.Tests.Support;

namespace Dyad.Tests.Documents.Readers;

/// <summary>Publication dates pass only in ISO 8601 forms: a day-month order is never guessed.</summary>
public class StoryDateTests
{
    [Theory]
    [InlineData("2024-03-12", "2024-03-12")]
    [InlineData("20240312", "2024-03-12")]
    [InlineData(" 2024-03-12 ", "2024-03-12")]
    [InlineData("2024-03-12T10:15:00Z", "2024-03-12")]
    [InlineData("2024-03-12T23:15:00-05:00", "2024-03-12")]
    [InlineData("2024-03-12 10:15:00", "2024-03-12")]
    [InlineData("2024-03-12T10:15", "2024-03-12")]
    [InlineData("2024-03-12T10:15:00.250+0200", "2024-03-12")]
    public void AnIsoFormIsRead(string text, string expected)
    {
        Assert.True(DocumentReader.TryParseStoryDate(text, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("12/03/2024")]
    [InlineData("03/12/2024")]
    [InlineData("12.03.2024")]
    [InlineData("March 12, 2024")]
    [InlineData("12 March 2024")]
    [InlineData("2024/03/12")]
    [InlineData("2024-3-12")]
    [InlineData("2024-02-30")]
    [InlineData("2024-03-12 noon")]
    [InlineData("20241312")]
    [InlineData("yesterday")]
    public void AnyOtherFormIsRefused(string text) => Assert.False(DocumentReader.TryParseStoryDate(text, out _));

    [Fact]
    public void AStoryWithAnAmbiguousDateIsRefusedNamingTheDate()
    {
        using var dir = new TempDir();
        var path = dir.File("s.jsonl", "{\"id\":\"a\",\"date\":\"12/03/2024\",\"text\":\"Russia visited China.\"}\n");
        var result = Assert.Single(DocumentReader.Read(path));
        Assert.Null(result.Document);
        Assert.Contains("unreadable \"date\" '12/03/2024' (want an ISO date: YYYY-MM-DD or YYYYMMDD)", result.Problem!.ToString(), StringComparison.Ordinal);
    }
}
