using Dyad.Web.Tests.Support;

namespace Dyad.Web.Tests.Browser;

/// <summary>The workbench in real Chromium: charts drawn, partners clickable, corrections kept, hostile text inert.</summary>
public sealed class WorkbenchPageTests
{
    [BrowserFact]
    public async Task TheActorPageDrawsItsChartAndAPartnerListsItsEventsWithTheirSentences()
    {
        await using var s = await BrowserSession.StartAsync();
        await s.Open("#/actor/KAZ");
        // ECharts draws into SVG: the stacked areas are paths inside the chart's svg.
        Assert.True(await s.Page.Locator("#balance-chart svg path").CountAsync() > 5);
        await s.Page.ClickAsync("tr.partner[data-partner=RUS]");
        var first = s.Page.Locator("#partner-events .event .sentence").First;
        await first.WaitForAsync();
        Assert.Contains("Russia", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await s.Page.Locator("#partner-events .event mark").CountAsync() > 0);
        await s.Screenshot("actor");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task ThePairNetworkEvidenceAndReviewPagesDraw()
    {
        await using var s = await BrowserSession.StartAsync();
        await s.Open("#/pair/KAZ/RUS");
        Assert.True(await s.Page.Locator("#pair-chart svg path").CountAsync() > 0);
        await s.Page.ClickAsync("button.period[data-period='2018']");
        await s.Page.Locator("#period-events .event").First.WaitForAsync();
        await s.Screenshot("pair");
        await s.Open("#/network");
        // Cytoscape draws on canvases.
        Assert.True(await s.Page.Locator("#network canvas").CountAsync() > 0);
        await s.Screenshot("network");
        await s.Open("#/events?q=Caspian");
        Assert.True(await s.Page.Locator(".event").CountAsync() > 0);
        await s.Screenshot("evidence");
        await s.Open("#/doc/kazakhstan-partners.md");
        Assert.True(await s.Page.Locator(".document mark").CountAsync() > 0);
        await s.Screenshot("document");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task ACorrectionMadeInThePageIsThereAfterReingest()
    {
        await using var s = await BrowserSession.StartAsync();
        await s.Open("#/events?actor=KAZ&partner=CHN");
        var card = s.Page.Locator(".event").First;
        var id = await card.GetAttributeAsync("data-id");
        await card.Locator("button.correct").ClickAsync();
        await card.Locator("form.correction [name=reject]").CheckAsync();
        await card.Locator("form.correction [name=author]").FillAsync("browser test");
        await card.Locator("form.correction [name=note]").FillAsync("<b>not</b> an agreement");
        await card.Locator("form.correction button[type=submit]").ClickAsync();
        await s.Page.WaitForSelectorAsync("body[data-ready]");
        await s.Page.WaitForFunctionAsync("id => !document.querySelector(`.event[data-id=\"${id}\"]`)", id);
        // The document is edited and coded again; the rejected event does not come back.
        await File.AppendAllTextAsync(Path.Combine(s.Server.Samples, "kazakhstan-partners.md"), "\nKazakhstan hosted a summit of Central Asian states in 2019.\n");
        Assert.Equal(1, s.Server.Ingest().Replaced);
        await s.Page.ReloadAsync();
        await s.Page.WaitForSelectorAsync("body[data-ready]");
        Assert.Equal(0, await s.Page.Locator($".event[data-id=\"{id}\"]").CountAsync());
        await s.Open("#/review");
        var row = s.Page.Locator("table.corrections tbody tr").First;
        Assert.Contains("browser test", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<b>not</b>", await row.InnerTextAsync(), StringComparison.Ordinal);
        await s.Screenshot("review");
        Assert.Empty(s.Errors);
    }

    [BrowserFact]
    public async Task AHostileDocumentShowsAsText()
    {
        await using var s = await BrowserSession.StartAsync();
        await s.Open("#/doc/hostile.txt");
        var text = await s.Page.Locator(".document").InnerTextAsync();
        Assert.Contains("<script>window.__pwned = 1</script>", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=", text, StringComparison.Ordinal);
        Assert.Equal(0, await s.Page.Locator("main img, main script").CountAsync());
        Assert.Null(await s.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await s.Open("#/events?q=clashes");
        Assert.Equal(0, await s.Page.Locator("main img, main script").CountAsync());
        await s.Screenshot("hostile");
        Assert.Empty(s.Errors);
    }
}
