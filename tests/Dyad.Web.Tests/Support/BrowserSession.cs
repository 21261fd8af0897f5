using Microsoft.Playwright;

namespace Dyad.Web.Tests.Support;

/// <summary>A workbench server and a page in headless Chromium pointed at it; the page's errors are collected.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public TestServer Server { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    /// <summary>Errors thrown by the page's scripts and failed requests to our server.</summary>
    public List<string> Errors { get; } = [];

    public static async Task<BrowserSession> StartAsync()
    {
        var session = new BrowserSession { Server = await TestServer.StartAsync() };
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = Chromium.Args,
        });
        session.Page = await session._browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        session.Page.PageError += (_, error) => session.Errors.Add(error);
        session.Page.Dialog += (_, dialog) => session.Errors.Add("dialog: " + dialog.Message);
        return session;
    }

    /// <summary>Opens a route of the page and waits until it is drawn.</summary>
    public async Task Open(string hash)
    {
        var url = new Uri(Server.Address, "/" + hash).ToString();
        if (Page.Url.StartsWith(Server.Address.ToString(), StringComparison.Ordinal) && Page.Url != "about:blank")
            await Page.EvaluateAsync("h => { delete document.body.dataset.ready; location.hash = h; }", hash);
        else
            await Page.GotoAsync(url);
        await Page.WaitForSelectorAsync("body[data-ready]");
        Assert.NotEqual("error", await Page.GetAttributeAsync("body", "data-ready"));
    }

    public async Task Screenshot(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder(), name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }
}
