using System.Text;
using Dyad.Documents.Readers;
using Dyad.Tests.Support;

namespace Dyad.Tests.Documents.Readers;

public class DocumentReaderTests
{
    [Fact]
    public void APlainTextFileIsOneDocumentNamedAfterTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("brief.txt", "Kazakhstan signed a treaty.\n");
        var result = Assert.Single(DocumentReader.Read(path));
        Assert.Null(result.Problem);
        Assert.Equal("brief.txt", result.Document!.Id);
        Assert.Equal("Kazakhstan signed a treaty.\n", result.Document.Text);
    }

    [Fact]
    public void TheDateOptionBecomesThePublicationDate()
    {
        using var dir = new TempDir();
        var path = dir.File("brief.txt", "Text.");
        var doc = DocumentReader.Read(path, new ReaderOptions { Published = new DateOnly(2014, 5, 29) }).Single().Document!;
        Assert.Equal(new DateOnly(2014, 5, 29), doc.Published);
    }

    [Fact]
    public void MarkdownKeepsEveryOffsetAndBlanksTheMarkup()
    {
        const string md = "# Title\n\nRussia signed the [treaty](https://example.org/t) with **Belarus**.\n";
        var text = MarkdownText.Blank(md);
        Assert.Equal(md.Length, text.Length);
        Assert.DoesNotContain("#", text, StringComparison.Ordinal);
        Assert.DoesNotContain("https", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        var at = md.IndexOf("Belarus", StringComparison.Ordinal);
        Assert.Equal("Belarus", text.Substring(at, 7));
        Assert.Equal("treaty", text.Substring(md.IndexOf("treaty", StringComparison.Ordinal), 6));
    }

    [Fact]
    public void HtmlGivesTheMainTextWithoutScriptsStylesOrNavigation()
    {
        const string html = """
            <html><head><title>Summit</title><style>p{color:red}</style><script>var x = "Moscow";</script></head>
            <body><nav>Home | World</nav><main><h1>Leaders meet</h1><p>Kazakhstan and China signed an agreement.</p>
            <figure><figcaption>Leaders in Astana, May 3, 2017.</figcaption></figure></main><footer>Contact us</footer></body></html>
            """;
        var text = HtmlText.Extract(html);
        Assert.Contains("Leaders meet", text, StringComparison.Ordinal);
        Assert.Contains("Kazakhstan and China signed an agreement.", text, StringComparison.Ordinal);
        Assert.Contains("Leaders in Astana, May 3, 2017.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Moscow", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact", text, StringComparison.Ordinal);
        // Blocks stay apart, so a heading never runs into the paragraph after it.
        Assert.Contains("Leaders meet\n\nKazakhstan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLinesStoriesBringTheirOwnIdAndDate()
    {
        using var dir = new TempDir();
        var path = dir.File("stories.jsonl", """
            {"id": "a1", "date": "2014-05-29", "text": "Russia and Belarus signed a treaty."}
            {"id": "a2", "date": "20130613", "text": "Uzbekistan hosted Kazakhstan."}
            """);
        var results = DocumentReader.Read(path).ToList();
        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(["a1", "a2"], results.Select(r => r.Document!.Id));
        Assert.Equal(new DateOnly(2013, 6, 13), results[1].Document!.Published);
        Assert.Equal(path + ":2", results[1].Document!.Origin);
    }

    [Fact]
    public void AMalformedStoryIsReportedWithItsLineNumberAndTheOthersAreRead()
    {
        using var dir = new TempDir();
        var path = dir.File("stories.jsonl", "{\"id\": \"a1\", \"text\": \"One.\"}\n{\"id\": \"a2\", \"text\": \n{\"id\": \"a3\", \"text\": \"Three.\"}\n[1,2]\n{\"id\": \"a5\"}\n");
        var results = DocumentReader.Read(path).ToList();
        Assert.Equal(["a1", "a3"], results.Where(r => r.Document is not null).Select(r => r.Document!.Id));
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList();
        Assert.Equal([path + ":2", path + ":4", path + ":5"], problems.Select(p => p.Input));
        Assert.All(problems, p => Assert.StartsWith(ReadMessages.MalformedRecord, p.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFileIsReported() => AssertProblem("/no/such/dyad/file.txt", ReadMessages.NotFound);

    [Fact]
    public void ADirectoryIsReported()
    {
        using var dir = new TempDir();
        AssertProblem(dir.Path, ReadMessages.IsDirectory);
    }

    [Fact]
    public void AnEmptyFileIsReported()
    {
        using var dir = new TempDir();
        AssertProblem(dir.File("empty.txt", string.Empty), ReadMessages.Empty);
    }

    [Fact]
    public void AFileOfOnlyWhitespaceIsReported()
    {
        using var dir = new TempDir();
        AssertProblem(dir.File("blank.txt", "  \n\n\t\n"), ReadMessages.NoText);
    }

    [Fact]
    public void ABinaryFileIsReported()
    {
        using var dir = new TempDir();
        AssertProblem(dir.File("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), ReadMessages.Binary);
    }

    [Fact]
    public void InvalidUtf8IsReportedWithTheOffsetOfTheBadByte()
    {
        using var dir = new TempDir();
        var latin1 = Encoding.Latin1.GetBytes("Kazakhstan and Côte d'Ivoire signed an agreement.");
        var problem = DocumentReader.Read(dir.File("latin1.txt", latin1)).Single().Problem;
        Assert.NotNull(problem);
        Assert.StartsWith(ReadMessages.InvalidUtf8, problem.Reason, StringComparison.Ordinal);
        Assert.Contains("offset 16", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AUtf16FileWithAByteOrderMarkIsRead()
    {
        using var dir = new TempDir();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Russia visited China.")).ToArray();
        var doc = DocumentReader.Read(dir.File("utf16.txt", bytes)).Single().Document;
        Assert.Equal("Russia visited China.", doc!.Text);
    }

    [Fact]
    public void AHundredMegabyteFileIsRefusedWithoutReadingIt()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.txt");
        using (var stream = File.Create(path))
            stream.SetLength(100L * 1024 * 1024);
        var problem = DocumentReader.Read(path).Single().Problem;
        Assert.NotNull(problem);
        Assert.StartsWith(ReadMessages.TooLarge, problem.Reason, StringComparison.Ordinal);
        Assert.Contains("100.0 MB", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.md", InputFormat.Markdown)]
    [InlineData("page.HTML", InputFormat.Html)]
    [InlineData("stories.jsonl", InputFormat.JsonLines)]
    [InlineData("brief.txt", InputFormat.Text)]
    [InlineData("README", InputFormat.Text)]
    public void TheExtensionChoosesTheReader(string name, InputFormat format) => Assert.Equal(format, DocumentReader.FormatOf(name));

    private static void AssertProblem(string path, string reason)
    {
        var result = Assert.Single(DocumentReader.Read(path));
        Assert.Null(result.Document);
        Assert.Equal(path, result.Problem!.Input);
        Assert.StartsWith(reason, result.Problem.Reason, StringComparison.Ordinal);
    }
}
