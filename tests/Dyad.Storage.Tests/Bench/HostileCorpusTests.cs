using System.Globalization;
using System.Text.Json;
using Dyad.Documents.Readers;
using Dyad.Storage.Bench;
using Dyad.Storage.Tests.Support;

namespace Dyad.Storage.Tests.Bench;

/// <summary>The hostile corpus through `dyad code` and `dyad ingest`: one line per bad input, the rest coded and stored.</summary>
public sealed class HostileCorpusTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly IReadOnlyList<HostileCase> _cases;

    public HostileCorpusTests() => _cases = HostileCorpus.Write(Path.Combine(_temp.Path, "corpus"));

    private static string[] Errors(DyadCli.Result result) =>
        [.. result.StderrLines.Where(l => !l.StartsWith("dyad: done:", StringComparison.Ordinal) && !l.Contains("again at", StringComparison.Ordinal)
            && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^dyad: \d+(/\d+ \(\d+%\))? documents"))];

    private void AssertOneLinePerBadInput(string[] errors)
    {
        Assert.All(errors, e => Assert.StartsWith("dyad: ", e, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("internal error", StringComparison.Ordinal));
        foreach (var c in _cases)
        {
            var shown = Printable.Escape(c.Path);
            Assert.True(c.BadRecords == errors.Count(e => e.StartsWith($"dyad: {shown}", StringComparison.Ordinal)), $"{c.Name}: {string.Join('\n', errors)}");
        }
        Assert.True(_cases.Sum(c => c.BadRecords) == errors.Length, string.Join('\n', errors));
    }

    [Fact]
    public void CodingTheHostileCorpusReportsEachBadInputOnceAndCodesTheRest()
    {
        var result = DyadCli.Run(["code", .. _cases.Select(c => c.Path)]);
        Assert.Equal(1, result.ExitCode);
        AssertOneLinePerBadInput(Errors(result));
        var docs = new HashSet<string>();
        foreach (var line in result.StdoutLines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            docs.Add(root.GetProperty("doc").GetString()!);
            if (root.GetProperty("type").GetString() == "story")
                continue; // the story line names the document's participants; it has no span
            var span = root.GetProperty("span");
            Assert.True(span[0].GetInt32() >= 0 && span[0].GetInt32() <= span[1].GetInt32());
        }
        Assert.Contains("good0", docs);
        Assert.Contains("last", docs);
        Assert.Contains("odd-unicode.txt", docs);
    }

    [Fact]
    public void IngestingTheHostileCorpusStoresEveryGoodDocumentAndAgainChangesNothing()
    {
        var db = Path.Combine(_temp.Path, "hostile.db");
        var result = DyadCli.Run(["ingest", .. _cases.Select(c => c.Path), "--db", db, "-j", "1"]);
        Assert.Equal(1, result.ExitCode);
        AssertOneLinePerBadInput(Errors(result));
        var good = _cases.Sum(c => c.GoodDocuments);
        using (var store = EventStores.Open(db))
            Assert.Equal((long)good, Convert.ToInt64(store.ScalarForTests("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture));
        var again = DyadCli.Run(["ingest", .. _cases.Select(c => c.Path), "--db", db, "-j", "1"]);
        Assert.Contains($"0 documents stored (0 new, 0 replaced), {good} unchanged", again.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
