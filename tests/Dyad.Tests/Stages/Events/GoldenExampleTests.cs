using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests.Stages.Events;

/// <summary>Runs every example of Data/events.md (our own sentences with the events expected from them).</summary>
public sealed class GoldenExampleTests
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Stages", "Events", "Data", "events.md");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Read())
            data.Add(example.Text);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void EachGoldenExampleGivesExactlyTheExpectedEvents(string text)
    {
        var example = Read().Single(e => e.Text == text);
        var analysis = DyadPipeline.Default.Run(new Document("golden", text, new DateOnly(2015, 1, 1)));
        var got = analysis.Events.Select(e => $"{e.Source.Code.Head} {e.Target.Code.Head} {e.Code}").ToList();
        var missing = example.Expected.Where(x => !analysis.Events.Any(e => Fits(x, e))).ToList();
        var extra = analysis.Events.Where(e => !example.Expected.Any(x => Fits(x, e))).Select(e => $"{e.Source.Code} {e.Target.Code} {e.Code} ({e.Rule})").ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{text}\n  missing: {string.Join("; ", missing)}\n  extra: {string.Join("; ", extra)}\n  got: {string.Join("; ", got)}");
    }

    [Fact]
    public void TheGoldenFileHasAnExampleForEveryPatternFamily() => Assert.True(Read().Count >= 25);

    private static bool Fits(string expected, EventMention e)
    {
        var parts = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var forward = parts[0][..3] == e.Source.Code.Head && parts[1][..Math.Min(3, parts[1].Length)] == e.Target.Code.Head[..Math.Min(3, e.Target.Code.Head.Length)];
        var backward = parts[1][..Math.Min(3, parts[1].Length)] == e.Source.Code.Head[..Math.Min(3, e.Source.Code.Head.Length)] && parts[0][..3] == e.Target.Code.Head;
        return (forward || e.Symmetric && backward) && e.Code.Value.StartsWith(parts[2], StringComparison.Ordinal);
    }

    private sealed record Example(string Text, List<string> Expected);

    private static List<Example> Read()
    {
        var examples = new List<Example>();
        var text = new List<string>();
        List<string>? expected = null;
        foreach (var raw in System.IO.File.ReadLines(File))
        {
            var line = raw.Trim();
            if (line.StartsWith('>'))
            {
                if (expected is not null)
                {
                    examples.Add(new Example(string.Join(" ", text), expected));
                    text.Clear();
                    expected = null;
                }
                text.Add(line[1..].Trim());
            }
            else if (line.StartsWith('-') && text.Count > 0)
            {
                expected ??= [];
                var item = line[1..].Trim();
                if (item != "none")
                    expected.Add(item);
            }
        }
        if (expected is not null)
            examples.Add(new Example(string.Join(" ", text), expected));
        return examples;
    }
}
