namespace Dyad.Web.Tests.Support;

/// <summary>
/// The system's Chromium (Debian's <c>chromium</c> package; `.ci/run` installs it). Playwright drives it through
/// ExecutablePath: no browser is ever downloaded. Without it the browser tests are skipped, with the reason.
/// </summary>
public static class Chromium
{
    public static string? Path { get; } = Find();

    public const string Missing = "no chromium on PATH: browser tests skipped (apt-get install -y chromium, as .ci/run does)";

    private static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>Flags for a headless run as root on a machine with no network beyond loopback.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>Where screenshots go: out/screenshots at the repository root (as CI keeps out/), else the temp folder.</summary>
    public static string ScreenshotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Dyad.slnx")))
            dir = dir.Parent;
        var folder = System.IO.Path.Combine(dir?.FullName ?? System.IO.Path.GetTempPath(), "out", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>A test that needs Chromium: skipped with the reason when there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null)
            Skip = Chromium.Missing;
    }
}
