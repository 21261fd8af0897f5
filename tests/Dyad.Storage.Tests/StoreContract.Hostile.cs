using System.Text;
using System.Text.Json;
using Dyad.Storage.Tests.Support;

namespace Dyad.Storage.Tests;

/// <summary>The key policy and bad input, on every store: nothing good lost, re-runs change nothing.</summary>
public abstract partial class StoreContract
{
    private string Feed(string name, int count, string tag)
    {
        var lines = Enumerable.Range(1, count).Select(i =>
            JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"{i}", ["text"] = $"Kazakhstan and Russia signed agreement {i} of the {tag} feed." }));
        return Temp.File(name, string.Join('\n', lines) + "\n");
    }

    private static string[] Notices(DyadCli.Result result) =>
        [.. result.StderrLines.Where(l => !l.StartsWith("dyad: done:", StringComparison.Ordinal) && l.Contains("again at", StringComparison.Ordinal))];

    [StoreFact]
    public void TwoFeedsNumberingTheirStoriesAlikeKeepAllOfThem()
    {
        var a = Feed("a.jsonl", 30, "first");
        var b = Feed("b.jsonl", 30, "second");
        var first = Dyad("ingest", a, b, "-j", "1");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(60, Count("SELECT count(*) FROM documents"));
        var again = Dyad("ingest", a, b, "-j", "1");
        Assert.Contains("0 documents stored (0 new, 0 replaced), 60 unchanged", again.Stderr, StringComparison.Ordinal);
    }

    [StoreFact]
    public void WithGlobalIdsTheLastStoryOfAnIdWinsIsSaidOnceAndReRunsChangeNothing()
    {
        var a = Feed("a.jsonl", 20, "first");
        var b = Feed("b.jsonl", 20, "second");
        var first = Dyad("ingest", a, b, "--id-scope", "global", "-j", "1");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(20, Notices(first).Length);
        Assert.Equal(20, Count("SELECT count(*) FROM documents"));
        Assert.Equal(20, Count("SELECT count(*) FROM sentences WHERE text LIKE '%second feed%'"));
        var again = Dyad("ingest", a, b, "--id-scope", "global", "-j", "1");
        Assert.Contains("0 documents stored (0 new, 0 replaced), 20 unchanged", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Count("SELECT count(*) FROM ingest_log WHERE action = 'replaced'"));
    }

    [StoreFact]
    public void OfTwoVersionsOfAStoryInOneFileTheLastIsStored()
    {
        var path = Temp.File("dup.jsonl", "{\"id\":\"x\",\"text\":\"China criticized Tajikistan.\"}\n{\"id\":\"y\",\"text\":\"Iran criticized Israel.\"}\n{\"id\":\"x\",\"text\":\"Kazakhstan and Russia signed an agreement.\"}\n");
        var result = Dyad("ingest", path, "-j", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"dyad: {path}:1: story id 'x' again at {path}:3; the last one is stored", Assert.Single(Notices(result)));
        Assert.Equal(2, Count("SELECT count(*) FROM documents"));
        Assert.Equal(1, Count("SELECT count(*) FROM sentences WHERE text LIKE 'Kazakhstan%'"));
        Assert.Equal(0, Count("SELECT count(*) FROM sentences WHERE text LIKE 'China%'"));
    }

    [StoreFact]
    public void FilesWhoseNamesEndInAColonAndDigitsAreFilesNotStories()
    {
        Directory.CreateDirectory(Path.Combine(Temp.Path, "a"));
        Directory.CreateDirectory(Path.Combine(Temp.Path, "b"));
        Temp.File("a/note:12.txt", "China criticized Tajikistan.");
        Temp.File("b/note:12.txt", "Iran criticized Israel.");
        var result = Dyad("ingest", Temp.Path, "-j", "1");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, Count("SELECT count(*) FROM documents WHERE doc_key LIKE 'file:%'"));
    }

    [StoreFact]
    public void BadRecordsNeverCostTheGoodOnes()
    {
        var good = Enumerable.Range(1, 5).Select(i => $"{{\"id\":\"good{i}\",\"text\":\"Kazakhstan and Russia signed agreement {i}.\"}}\n").ToList();
        var bad = new[]
        {
            "{\"id\":\"s1\",\"text\":\"Egypt met Israel \\ud800 in Cairo.\"}\n",
            "{\"id\":\"\",\"text\":\"Egypt met Israel.\"}\n",
            "{\"id\":\"nul\\u0000x\",\"text\":\"Egypt met Israel.\"}\n",
            "{\"id\":\"" + new string('k', 3000) + "\",\"text\":\"Egypt met Israel.\"}\n",
            "{\"id\":\"deep\",\"text\":\"x\",\"n\":" + new string('[', 5000) + new string(']', 5000) + "}\n",
        };
        var bytes = new List<byte>();
        for (var i = 0; i < 5; i++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(good[i]));
            bytes.AddRange(Encoding.UTF8.GetBytes(bad[i]));
        }
        bytes.AddRange([.. Encoding.UTF8.GetBytes("{\"id\":\"latin\",\"text\":\"caf"), 0xE9, .. Encoding.UTF8.GetBytes(" Egypt met Israel.\"}\n")]);
        var path = Path.Combine(Temp.Path, "hostile.jsonl");
        File.WriteAllBytes(path, [.. bytes]);
        var result = Dyad("ingest", path, "-j", "1");
        Assert.Equal(1, result.ExitCode);
        var errors = result.StderrLines.Where(l => !l.StartsWith("dyad: done:", StringComparison.Ordinal)).ToList();
        Assert.Equal([2, 4, 6, 8, 10, 11], errors.Select(e => int.Parse(e.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(5, Count("SELECT count(*) FROM documents"));
        AssertNoHalfStoredDocument();
    }

    [StoreFact]
    public void ANegativeLimitIsAUsageErrorOnEveryStore()
    {
        Assert.Equal(0, Dyad("ingest", Temp.File("a.txt", Relations), "-j", "1").ExitCode);
        var result = Dyad("query", "--limit", "-1");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dyad: --limit -1: want 0 or more (0 shows all)", result.Stderr.Trim());
    }

    [StoreFact]
    public void AnAbsurdLeaseIsAUsageError()
    {
        var result = Dyad("ingest", Temp.File("a.txt", Relations), "--lease", "1e20");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("dyad: --lease 1E+20: want more than 0 and at most 86400 seconds", result.Stderr, StringComparison.Ordinal);
    }
}
