using System.Text;
using System.Text.Json;
using Dyad.Tests.Support;

namespace Dyad.Tests.Cli;

public class CodeCommandTests
{
    private const string Treaty = "Kazakhstan, Uzbekistan and Kyrgyzstan signed a water-sharing treaty in 1998.\n";

    [Fact]
    public void TheReadmeQuickStartCodesTheSamples()
    {
        var samples = Directory.GetFiles(DyadCli.Samples).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(samples);
        var result = DyadCli.Run(["code", .. samples]);
        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.StdoutLines);
        Assert.StartsWith("dyad: done: ", result.StderrLines[^1], StringComparison.Ordinal);
        foreach (var line in result.StdoutLines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("type", out _));
        }
    }

    [Fact]
    public void EachEventLineHasTheFieldsOfTheSpec()
    {
        using var dir = new TempDir();
        var result = DyadCli.Run("code", dir.File("treaty.txt", Treaty));
        Assert.Equal(0, result.ExitCode);
        // One event per pair of the three signers; the document's story line comes last.
        Assert.Equal(4, result.StdoutLines.Length);
        Assert.Contains("\"type\":\"story\"", result.StdoutLines[^1], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdoutLines[0]);
        var e = json.RootElement;
        foreach (var field in new[] { "doc", "sentence", "span", "text", "source", "target", "code", "root", "quad", "goldstein", "date", "quantities", "location", "event_id", "trigger", "rule" })
            Assert.True(e.TryGetProperty(field, out _), field);
        Assert.Equal("treaty.txt", e.GetProperty("doc").GetString());
        Assert.Equal("057", e.GetProperty("code").GetString());
        Assert.Equal("05", e.GetProperty("root").GetString());
        Assert.Equal(1, e.GetProperty("quad").GetInt32());
        var span = e.GetProperty("span");
        Assert.Equal(Treaty.TrimEnd(), Treaty.Substring(span[0].GetInt32(), span[1].GetInt32() - span[0].GetInt32()));
        Assert.Equal("1998", e.GetProperty("date").GetProperty("value").GetString());
        Assert.Equal("year", e.GetProperty("date").GetProperty("precision").GetString());
    }

    [Fact]
    public void StandardInputIsReadWithADash()
    {
        var result = DyadCli.RunWithInput(Treaty, "code", "-", "--format", "tsv");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("doc\tsentence\t", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal(4, result.StdoutLines.Length);
    }

    [Fact]
    public void ReciprocalWritesASymmetricActOncePerDirectionAndADirectedOneOnce()
    {
        const string Text = "Peru and Chile signed a fisheries accord in 2019. Peru's president visited Santiago in 2020.\n";
        static string[] Dyads(IEnumerable<string> lines) =>
            [.. lines.Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("type").GetString() == "event")
                .Select(e => $"{e.GetProperty("source").GetProperty("code").GetString()![..3]}>{e.GetProperty("target").GetProperty("code").GetString()![..3]} {e.GetProperty("code").GetString()}")];

        var plain = Dyads(DyadCli.RunWithInput(Text, "code", "-").StdoutLines);
        var both = Dyads(DyadCli.RunWithInput(Text, "code", "-", "--reciprocal").StdoutLines);

        Assert.Equal(["PER>CHL 057", "PER>CHL 042"], plain);
        Assert.Equal(["PER>CHL 057", "CHL>PER 057", "PER>CHL 042"], both);
    }

    [Fact]
    public void WithoutAnEventDateTheReportDateIsUsedAndFlagged()
    {
        var result = DyadCli.RunWithInput("Russia visited China.\n", "code", "-", "--date", "2021-03-04");
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines, l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal)));
        var date = json.RootElement.GetProperty("date");
        Assert.Equal("2021-03-04", date.GetProperty("value").GetString());
        Assert.Equal("none", date.GetProperty("precision").GetString());
        Assert.True(date.GetProperty("report_date").GetBoolean());
    }

    [Fact]
    public void EveryBadInputGetsOneLineAndTheGoodOnesAreStillCoded()
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", Treaty);
        var empty = dir.File("empty.txt", string.Empty);
        var binary = dir.File("binary.txt", [1, 2, 0, 0, 255, 0]);
        var latin1 = dir.File("latin1.txt", Encoding.Latin1.GetBytes("Côte d'Ivoire visited Ghana."));
        var stories = dir.File("stories.jsonl", "{\"id\":\"s1\",\"text\":\"Russia visited China.\"}\nnot json\n{\"id\":\"s3\",\"text\":\"Iran criticized Israel.\"}\n");
        var huge = Path.Combine(dir.Path, "huge.txt");
        using (var stream = File.Create(huge))
            stream.SetLength(100L * 1024 * 1024);
        const string missing = "/no/such/file.txt";

        var result = DyadCli.Run("code", missing, good, dir.Path, empty, binary, latin1, huge, stories);

        Assert.Equal(1, result.ExitCode);
        // Progress lines come every 2 s on a slow (busy) machine; they are no errors.
        var errors = result.StderrLines.Where(l => !l.StartsWith("dyad: done:", StringComparison.Ordinal) && !l.EndsWith("sentences/s", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, errors.Count);
        Assert.Contains($"dyad: {missing}: no such file or directory", errors);
        Assert.Contains($"dyad: {dir.Path}: is a directory, not a file", errors);
        Assert.Contains($"dyad: {empty}: empty file", errors);
        Assert.Contains($"dyad: {binary}: binary file (NUL bytes), not text", errors);
        Assert.Contains(errors, e => e.StartsWith($"dyad: {latin1}: not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"dyad: {huge}: too large: 100.0 MB", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"dyad: {stories}:2: malformed JSON Lines record", StringComparison.Ordinal));
        var docs = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).Distinct().ToList();
        Assert.Equal(["good.txt", "s1", "s3"], docs);
        Assert.Contains("7 inputs failed", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ABadDateOptionIsAUsageError()
    {
        var result = DyadCli.RunWithInput("Russia visited China.", "code", "-", "--date", "yesterday");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dyad: --date 'yesterday': {Dyad.Cli.Commands.DateOption.NotIsoDate}", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("code", "-")]
    [InlineData("explain", "Russia visited China.")]
    [InlineData("actors", "Russia")]
    public void AUsOrderDateIsRefusedNamingIt(string verb, string argument)
    {
        var result = DyadCli.RunWithInput("Russia visited China.", verb, argument, "--date", "12/03/2024");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dyad: --date '12/03/2024': {Dyad.Cli.Commands.DateOption.NotIsoDate}", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void TsvHasTheSharedColumnsAndSaysHowManyFactsItLeftOut()
    {
        const string Text = "Russia rents the Baikonur Cosmodrome from Kazakhstan and pays about $115 million a year.\n=Russia praised Kazakhstan.\n";
        var plain = DyadCli.RunWithInput(Text, "code", "-", "--format", "tsv");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains(plain.StderrLines, l => l.EndsWith("facts are not in the TSV, which holds events (--format jsonl has both)", StringComparison.Ordinal));
        Assert.Equal(string.Join('\t', Dyad.Output.EventColumns.EventNames), plain.StdoutLines[0]);
        Assert.Equal(0, DyadCli.RunWithInput(Text, "code", "-", "--format", "tsv", "--excel", "-q").ExitCode);
        Assert.Equal(2, DyadCli.RunWithInput(Text, "code", "-", "--excel").ExitCode);
    }

    [Fact]
    public void NoArgumentsPrintsUsageAndFails()
    {
        var result = DyadCli.Run("code");
        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEmpty(result.Stderr);
    }
}
