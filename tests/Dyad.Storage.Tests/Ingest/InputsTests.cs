using Dyad.Storage.Ingest;
using Dyad.Storage.Tests.Support;

namespace Dyad.Storage.Tests.Ingest;

public sealed class InputsTests
{
    [Fact]
    public void AFolderIsReadRecursivelyForTextMarkdownHtmlAndStoryFilesOnly()
    {
        using var temp = new TempDir();
        temp.File("a.txt", "x");
        temp.File("sub/b.md", "x");
        temp.File("sub/deeper/c.html", "x");
        temp.File("sub/d.jsonl", "{}\n");
        temp.File("sub/e.pdf", "x");
        temp.File("f.png", "x");
        var files = Inputs.Expand([temp.Path, Path.Combine(temp.Path, "missing.txt")], out var missing);
        Assert.Equal(["a.txt", "b.md", "c.html", "d.jsonl"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([Path.Combine(temp.Path, "missing.txt")], missing);
    }

    [Fact]
    public void DocumentsAreCountedAsOnePerFileAndOnePerNonBlankStoryLine()
    {
        using var temp = new TempDir();
        var text = temp.File("a.txt", "Kazakhstan signed.");
        var stories = temp.File("s.jsonl", "{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}\n{\"text\":\"c\"}");
        Assert.Equal(4, Inputs.CountDocuments([text, stories], CancellationToken.None));
    }
}
