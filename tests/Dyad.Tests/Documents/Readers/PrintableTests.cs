using Dyad.Documents.Readers;

namespace Dyad.Tests.Documents.Readers;

public class PrintableTests
{
    [Theory]
    [InlineData("plain.txt", "plain.txt")]
    [InlineData("a\nb.txt", "a\\nb.txt")]
    [InlineData("\u001b[31mred.txt", "\\u001B[31mred.txt")]
    [InlineData("rtl\u202Etxt.exe", "rtl\\u202Etxt.exe")]
    [InlineData("nul\0x", "nul\\u0000x")]
    [InlineData("emoji \U0001F600 ok", "emoji \U0001F600 ok")]
    public void ControlAndFormatCharactersArePrintedAsEscapes(string name, string shown) => Assert.Equal(shown, Printable.Escape(name));

    [Fact]
    public void ALoneSurrogateIsPrintedAsAnEscape() => Assert.Equal("lone \\uD800 half", Printable.Escape("lone " + (char)0xD800 + " half"));

    [Fact]
    public void AVeryLongNameIsCutInTheMiddle()
    {
        var shown = Printable.Escape(new string('a', 300) + "END");
        Assert.Equal(Printable.MaxLength + 1, shown.Length);
        Assert.EndsWith("END", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void AProblemIsOneLineWhateverItsInputIsCalled() =>
        Assert.Equal("dir/a\\nb.txt: empty file", new ReadProblem("dir/a\nb.txt", ReadMessages.Empty).ToString());
}
