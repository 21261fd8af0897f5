using Dyad.Storage;
using Dyad.Storage.Ingest;
using Microsoft.AspNetCore.Builder;

namespace Dyad.Web.Tests.Support;

/// <summary>
/// A store ingested from the repository's samples plus a hostile document written here, served by the workbench on a
/// free loopback port. Each test that changes the store gets its own.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>A document made to attack the pages: markup that would run if any text were inserted as HTML.</summary>
    public const string Hostile =
        "Kazakhstan criticized Russia over the <script>window.__pwned = 1</script> border clashes of April 2021. " +
        "Russia accused Kazakhstan of <img src=x onerror=\"window.__pwned = 2\"> violating the transit treaty in May 2021.";

    private WebApplication? _app;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "dyad-web-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string Db => Path.Combine(Folder, "dyad.db");

    public string Samples => Path.Combine(Folder, "samples");

    public Uri Address { get; private set; } = null!;

    public WorkbenchOptions Options { get; private set; } = null!;

    public static async Task<TestServer> StartAsync(bool allowEdits = true, string? token = null)
    {
        var server = new TestServer();
        Directory.CreateDirectory(server.Samples);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples")))
            File.Copy(file, Path.Combine(server.Samples, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(server.Samples, "hostile.txt"), Hostile);
        server.Ingest();
        server.Options = new WorkbenchOptions { Db = server.Db, Port = 0, AllowEdits = allowEdits, Token = token };
        server._app = Workbench.Build(server.Options);
        await server._app.StartAsync();
        server.Address = Workbench.Address(server._app);
        return server;
    }

    /// <summary>Codes the samples folder into the store again (changed documents are replaced).</summary>
    public IngestProgress Ingest() =>
        new Ingester(() => EventStores.Open(Db), DyadPipeline.Default, new IngestOptions { Jobs = 1 }).Run([Samples]);

    public HttpClient Client(System.Net.CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new System.Net.CookieContainer() }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
