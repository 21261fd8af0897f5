using System.Net;
using System.Text.Json;
using Dyad.Web.Tests.Support;

namespace Dyad.Web.Tests.Api;

/// <summary>The JSON API on a store ingested from the samples, read-only uses.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = _server.Client();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Contains("json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task TheSummaryAndTheActorsDescribeTheStore()
    {
        var summary = await Get("/api/summary");
        Assert.Equal(7, summary.GetProperty("counts").GetProperty("documents").GetInt32());
        var actors = await Get("/api/actors");
        Assert.Contains(actors.EnumerateArray(), a => a.GetProperty("code").GetString() == "KAZ" && a.GetProperty("name").GetString() == "Kazakhstan");
    }

    [Fact]
    public async Task TrendsBalanceAndPairAnswerAsTheCliDoes()
    {
        var trends = await Get("/api/trends?actor=kaz&partners=RUS,CHN");
        Assert.Equal(["RUS", "CHN"], trends.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(trends.GetProperty("rows").EnumerateArray(), r => r.GetProperty("period").GetString() == "2013" && r.GetProperty("partner").GetString() == "CHN");
        var balance = await Get("/api/balance?actor=KAZ&per=month");
        Assert.Contains(balance.GetProperty("periods").EnumerateArray(), p => p.GetProperty("period").GetString() == "2014-05");
        var pair = await Get("/api/pair?a=KAZ&b=RUS");
        Assert.NotEmpty(pair.GetProperty("series").EnumerateArray());
        Assert.Contains(pair.GetProperty("facts").EnumerateArray(), f => f.GetProperty("predicate").GetString() == "leases");
    }

    [Fact]
    public async Task EventsCarryTheirSentenceAndAPeriodSelectsExactlyItsEvents()
    {
        var events = await Get("/api/events?actor=KAZ&partner=RUS&period=2018&per=year");
        var e = Assert.Single(events.EnumerateArray());
        var sentence = e.GetProperty("sentence_text").GetString()!;
        var span = e.GetProperty("trigger_in_sentence").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.Equal(e.GetProperty("trigger").GetString(), sentence[span[0]..span[1]]);
        var one = await Get("/api/events/one?id=" + Uri.EscapeDataString(e.GetProperty("id").GetString()!));
        Assert.Equal(sentence, one.GetProperty("sentence_text").GetString());
        var found = await Get("/api/events?q=Caspian");
        Assert.All(found.EnumerateArray(), x => Assert.Equal("caspian-summit.html", x.GetProperty("doc").GetString()));
    }

    [Fact]
    public async Task ADocumentComesWithItsSentencesAndEventsAndAHostileOneAsPlainText()
    {
        var doc = await Get("/api/documents/hostile.txt");
        var text = string.Concat(doc.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Contains("<script>window.__pwned = 1</script>", text, StringComparison.Ordinal);
        await Get("/api/documents/nothing-here", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheGraphHasWeightedEdgesBetweenStates()
    {
        var graph = await Get("/api/graph?from=2018&to=2018");
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.Contains(edges, x => x.GetProperty("source").GetString() == "RUS" && x.GetProperty("target").GetString() == "KAZ");
        Assert.All(edges, x => Assert.NotEqual(x.GetProperty("source").GetString(), x.GetProperty("target").GetString()));
    }

    [Theory]
    [InlineData("/api/trends")]
    [InlineData("/api/trends?actor=KAZ&per=week")]
    [InlineData("/api/balance?actor=KAZ&from=12/03/2014")]
    [InlineData("/api/events?actor=%3Cscript%3E")]
    [InlineData("/api/events?quad=7")]
    [InlineData("/api/events/one?id=nonsense")]
    [InlineData("/api/search")]
    public async Task BadInputIsAJsonProblemNamingTheParameter(string path)
    {
        var problem = await Get(path, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain(" at ", detail, StringComparison.Ordinal);
        Assert.Matches("^[a-z, ]+[ :']", detail);
    }

    [Fact]
    public async Task AnUnknownApiPathIsAJsonNotFound() =>
        Assert.Contains("no such resource", (await Get("/api/nope", HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);

    [Fact]
    public async Task ThePageAndTheVendoredLibrariesAreServedUnderAStrictContentSecurityPolicy()
    {
        using var client = _server.Client();
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var file in new[] { "app.js", "vendor/echarts/echarts.min.js", "vendor/echarts/LICENSE", "vendor/cytoscape/LICENSE", "vendor/vis-timeline/LICENSE.MIT.txt" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/static/" + file, UriKind.Relative))).StatusCode);
    }
}
