using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dyad.Web.Tests.Support;

namespace Dyad.Web.Tests.Api;

/// <summary>Corrections through the API: who may write, what a write needs, and that it outlives re-ingest.</summary>
public sealed class CorrectionsApiTests
{
    private static async Task<string> Csrf(HttpClient client)
    {
        var session = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/session", UriKind.Relative));
        return session.GetProperty("csrf").GetString()!;
    }

    private static async Task<string> FirstEventId(HttpClient client, string query)
    {
        var events = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/events?" + query, UriKind.Relative));
        return events[0].GetProperty("id").GetString()!;
    }

    private static HttpRequestMessage Post(object body, string? csrf, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/corrections", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (csrf is not null)
            request.Headers.Add("X-CSRF-TOKEN", csrf);
        if (token is not null)
            request.Headers.Add("X-Dyad-Token", token);
        return request;
    }

    [Fact]
    public async Task ACorrectionNeedsTheAntiForgeryTokenAndSurvivesReingestOfTheChangedDocument()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var id = await FirstEventId(client, "actor=KAZ&partner=CHN&order=date");
        using (var forged = await client.SendAsync(Post(new { @event = id, reject = true }, csrf: null)))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var csrf = await Csrf(client);
        using (var ok = await client.SendAsync(Post(new { @event = id, code = "036", note = "an offer, not an agreement", author = "ana" }, csrf)))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // The document changes and is coded again: the fix is applied to the new rows.
        var file = Path.Combine(server.Samples, "kazakhstan-partners.md");
        await File.AppendAllTextAsync(file, "\nKazakhstan hosted a summit of Central Asian states in 2019.\n");
        Assert.Equal(1, server.Ingest().Replaced);
        var after = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/events?actor=KAZ&partner=CHN", UriKind.Relative));
        Assert.Contains(after.EnumerateArray(), e => e.GetProperty("id").GetString() == id && e.GetProperty("code").GetString() == "036");
        var corrections = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/corrections", UriKind.Relative));
        var c = Assert.Single(corrections.EnumerateArray());
        Assert.Equal(("ana", "036"), (c.GetProperty("author").GetString(), c.GetProperty("new_code").GetString()));
    }

    [Fact]
    public async Task ABadCorrectionIsRefusedWithItsReason()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        var csrf = await Csrf(client);
        var id = await FirstEventId(client, "actor=KAZ");
        using var bad = await client.SendAsync(Post(new { @event = id, code = "999" }, csrf));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a CAMEO code", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var missing = await client.SendAsync(Post(new { @event = "x.txt|e1|KAZ|RUS", reject = true }, csrf));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task WithoutAllowEditsNothingCanBeWritten()
    {
        await using var server = await TestServer.StartAsync(allowEdits: false);
        using var client = server.Client();
        var csrf = await Csrf(client);
        using var response = await client.SendAsync(Post(new { @event = await FirstEventId(client, "actor=KAZ"), reject = true }, csrf));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AServerWithATokenRefusesEditsWithoutIt()
    {
        await using var server = await TestServer.StartAsync(token: "s3cret");
        using var client = server.Client();
        var csrf = await Csrf(client);
        var id = await FirstEventId(client, "actor=KAZ");
        using (var refused = await client.SendAsync(Post(new { @event = id, reject = true }, csrf)))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var accepted = await client.SendAsync(Post(new { @event = id, reject = true }, csrf, "s3cret"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", true, null, false)]
    [InlineData("0.0.0.0", true, "t", true)]
    [InlineData("0.0.0.0", false, null, true)]
    [InlineData("127.0.0.1", true, null, true)]
    [InlineData("::1", true, null, true)]
    public void EditsOffLoopbackNeedAToken(string host, bool edits, string? token, bool ok) =>
        Assert.Equal(ok, new WorkbenchOptions { Db = "x.db", Host = host, AllowEdits = edits, Token = token }.Problem() is null);
}
