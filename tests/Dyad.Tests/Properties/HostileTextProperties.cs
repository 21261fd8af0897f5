using System.Text;
using System.Text.Json;
using CsCheck;
using Dyad.Documents;
using Dyad.Documents.Readers;
using Dyad.Output;
using Dyad.Stages.Sentences;

namespace Dyad.Tests.Properties;

/// <summary>Any string, any bytes: the readers, the splitter and the coder never throw, and every offset lies inside the text.</summary>
public class HostileTextProperties
{
    // Characters that make text odd: quotes, NBSP, soft hyphen, dashes, bidirectional and zero-width marks, controls, surrogate halves.
    private static readonly Gen<char> OddChar = Gen.OneOf<char>(
        '\u201C', '\u201D', '\u2019', '\u00A0', '\u00AD', '\u2013', '\u2014', '\u200F', '\u202E', '\u200B', '\u200D', '\uFEFF',
        '\0', '\u001B', '\n', '\r', '\t', '.', '?', '!', '(', ')', '"', '\'', ' ', (char)0xD800, (char)0xDC00);

    private static readonly Gen<string> Word = Gen.OneOf<string>("Russia", "China", "RUSSIA", "met", "condemned", "Egypt", "U.S.", "on", "5", "August", "2008", "Mr.", "said");

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Select(Gen.OneOf(Word, OddChar.Select(c => c.ToString())).Array[0, 200], parts => string.Join(' ', parts)),
        Gen.Char.Array[0, 300].Select(cs => new string(cs)));

    [Fact]
    public void TheSplitterGivesSpansInsideTheTextInOrder() => Text.Sample(text =>
    {
        var last = 0;
        foreach (var (span, _) in SentenceSplitter.Split(text))
        {
            Assert.InRange(span.Start, last, text.Length);
            Assert.InRange(span.End, span.Start, text.Length);
            last = span.End;
        }
    }, iter: 2000);

    [Fact]
    public void CodingAnyTextNeverThrowsAndItsOutputIsJsonWithOffsetsInside() => Text.Where(t => t.Length > 0).Sample(text =>
    {
        var analysis = DyadPipeline.Default.Run(new Document("d", text));
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Severity == Pipeline.Severity.Error);
        Assert.All(analysis.Sentences, s => Assert.True(s.Span.Start >= 0 && s.Span.End <= text.Length));
        Assert.All(analysis.Events, e => Assert.True(e.Trigger.Start >= 0 && e.Trigger.End <= text.Length));
        using var buffer = new MemoryStream();
        if (!HasLoneSurrogate(text))
        {
            using (var json = new EventJsonWriter(buffer))
                json.Write(analysis);
            foreach (var line in Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                JsonDocument.Parse(line).Dispose();
        }
    }, iter: 300);

    [Fact]
    public void ReadingAnyBytesAsStoriesNeverThrowsAndNamesALineForEachProblem() => Gen.Byte.Array[0, 400].Sample(bytes =>
    {
        using var stream = new MemoryStream(bytes);
        foreach (var result in DocumentReader.ReadStream(stream, "-", "stdin", new ReaderOptions { Format = InputFormat.JsonLines }))
        {
            Assert.True(result.Document is not null ^ result.Problem is not null);
            if (result.Problem is { } problem)
                Assert.DoesNotContain('\n', problem.ToString());
        }
    }, iter: 2000);

    [Fact]
    public void ReadingAnyJsonLikeLineNeverThrows() => Gen.OneOf(Text, Text.Select(t => "{\"id\":" + JsonSerializer.Serialize(t) + ",\"text\":\"" + t + "\"}")).Sample(line =>
    {
        var result = StoryReader.Parse(line, "-:1", "-", 1, new ReaderOptions());
        Assert.True(result.Document is not null ^ result.Problem is not null);
        if (result.Document is { } document)
            Assert.Null(StoryReader.IdProblem(document.Id));
    }, iter: 2000);

    [Fact]
    public void PartsOfALongTextCoverItExactly() => Gen.Select(Text, Gen.Int[2, 64]).Sample((text, size) =>
    {
        var parts = DocumentParts.Split(new Document("d", text.Length == 0 ? " " : text), size).ToList();
        var whole = text.Length == 0 ? " " : text;
        Assert.All(parts, p => Assert.Equal(whole.Substring(p.Offset, p.Text.Length), p.Text));
    }, iter: 2000);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }
}
