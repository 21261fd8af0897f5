using System.Text;
using Dyad.Documents.Readers;
using Dyad.Tests.Support;

namespace Dyad.Tests.Documents.Readers;

public class StoryReaderTests
{
    private static List<ReadResult> Read(string path) => DocumentReader.Read(path).ToList();

    [Fact]
    public void ALoneSurrogateEscapeFailsItsRecordOnly()
    {
        using var dir = new TempDir();
        var path = dir.File("s.jsonl", "{\"id\":\"s1\",\"text\":\"Egypt met Israel \\ud800 in Cairo.\"}\n{\"id\":\"s2\",\"text\":\"France condemned Germany.\"}\n");
        var results = Read(path);
        Assert.Equal($"{path}:1: {ReadMessages.MalformedRecord}: {ReadMessages.LoneSurrogate}", results[0].Problem!.ToString());
        Assert.Equal("s2", results[1].Document!.Id);
    }

    [Theory]
    [InlineData("\"\"", ReadMessages.EmptyId)]
    [InlineData("\"  \"", ReadMessages.EmptyId)]
    [InlineData("\"nul\\u0000x\"", ReadMessages.IdControl)]
    [InlineData("\"a\\nb\"", ReadMessages.IdControl)]
    public void AnIdThatCannotNameADocumentFailsItsRecordOnly(string id, string reason)
    {
        using var dir = new TempDir();
        var path = dir.File("s.jsonl", $"{{\"id\":{id},\"text\":\"Egypt met Israel.\"}}\n{{\"id\":\"ok\",\"text\":\"France condemned Germany.\"}}\n");
        var results = Read(path);
        Assert.Equal($"{path}:1: {ReadMessages.MalformedRecord}: {reason}", results[0].Problem!.ToString());
        Assert.Equal("ok", results[1].Document!.Id);
    }

    [Fact]
    public void AnIdOverTheLimitFailsItsRecordOnly()
    {
        using var dir = new TempDir();
        var id = new string('x', StoryReader.MaxIdChars + 1);
        var path = dir.File("s.jsonl", $"{{\"id\":\"{id}\",\"text\":\"Egypt met Israel.\"}}\n{{\"id\":\"{id[..^1]}\",\"text\":\"France condemned Germany.\"}}\n");
        var results = Read(path);
        Assert.Contains("\"id\" longer than 512 characters", results[0].Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal(StoryReader.MaxIdChars, results[1].Document!.Id.Length);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtItsOwnLineAndTheRecordsAfterItAreRead()
    {
        using var dir = new TempDir();
        var bytes = new List<byte>();
        for (var i = 1; i <= 500; i++)
        {
            var text = i == 300 ? "{\"id\":\"x300\",\"text\":\"caf\xE9 met.\"}\n" : $"{{\"id\":\"x{i}\",\"text\":\"Egypt met Israel.\"}}\n";
            bytes.AddRange(i == 300 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text));
        }
        var path = dir.File("s.jsonl", [.. bytes]);
        var results = Read(path);
        Assert.Equal(500, results.Count);
        var problem = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.StartsWith($"{path}:300: {ReadMessages.InvalidUtf8} (bad byte at column 25)", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal("x500", results[^1].Document!.Id);
    }

    [Fact]
    public void ARecordOverTheLimitIsSkippedWithoutLosingTheNext()
    {
        using var dir = new TempDir();
        var path = dir.File("s.jsonl", "{\"id\":\"big\",\"text\":\"" + new string('a', 5000) + "\"}\r\n{\"id\":\"small\",\"text\":\"Egypt met Israel.\"}\r\n");
        var results = DocumentReader.Read(path, new ReaderOptions { MaxRecordBytes = 1000 }).ToList();
        Assert.Equal($"{path}:1: {ReadMessages.MalformedRecord}: record longer than 1000 bytes", results[0].Problem!.ToString());
        Assert.Equal("Egypt met Israel.", results[1].Document!.Text);
    }

    [Fact]
    public void DeepNestingIsAMalformedRecordNotACrash()
    {
        using var dir = new TempDir();
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var path = dir.File("s.jsonl", "{\"id\":\"d\",\"text\":\"x\",\"extra\":" + deep + "}\n{\"id\":\"ok\",\"text\":\"Egypt met Israel.\"}\n");
        var results = Read(path);
        Assert.StartsWith(ReadMessages.MalformedRecord, results[0].Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal("ok", results[1].Document!.Id);
    }

    [Fact]
    public void AStoryKnowsItsSourceLineAndRecordId()
    {
        using var dir = new TempDir();
        var path = dir.File("s.jsonl", "\uFEFF{\"id\":7,\"text\":\"Egypt met Israel.\"}\n\n{\"text\":\"France condemned Germany.\"}");
        var results = Read(path);
        Assert.Equal(2, results.Count);
        Assert.Equal(("7", "7", 1, path), (results[0].Document!.Id, results[0].Document!.RecordId, results[0].Document!.Line, results[0].Document!.Source));
        Assert.Equal(("s-3", null, 3), (results[1].Document!.Id, results[1].Document!.RecordId, results[1].Document!.Line));
    }

    [Fact]
    public void StoriesOnAStreamAreReadOneRecordAtATime()
    {
        var lines = string.Concat(Enumerable.Range(1, 3).Select(i => $"{{\"id\":\"r{i}\",\"text\":\"Egypt met Israel.\"}}\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        var ids = DocumentReader.ReadStream(stream, "-", "stdin", new ReaderOptions()).Select(r => r.Document!.Id).ToList();
        Assert.Equal(["r1", "r2", "r3"], ids);
    }
}
