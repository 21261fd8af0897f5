using Dyad.Documents.Readers;
using Dyad.Stages.Sentences;
using SharpFuzz;

namespace Dyad.Fuzz;

/// <summary>
/// Feeds fuzzer input to the readers (JSON Lines stories, text, HTML, Markdown) and the sentence splitter. Any
/// exception escaping them is a finding: untrusted input must give a document or a one-line problem.
/// `--once FILE` runs one input without a fuzzer (to replay a finding).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--once", var file])
        {
            using var input = File.OpenRead(file);
            Check(input);
            return;
        }
        Fuzzer.OutOfProcess.Run(Check);
    }

    private static void Check(Stream input)
    {
        var bytes = new byte[Math.Min(input.Length, 1 << 20)];
        input.ReadExactly(bytes);
        foreach (var format in new[] { InputFormat.JsonLines, InputFormat.Text, InputFormat.Html, InputFormat.Markdown })
        {
            var options = new ReaderOptions { Format = format, MaxRecordBytes = 64 * 1024, MaxPartChars = 4096 };
            foreach (var result in DocumentReader.ReadStream(new MemoryStream(bytes), "fuzz", "fuzz", options))
            {
                if (result.Document is null == result.Problem is null)
                    throw new InvalidOperationException("a result must be a document or a problem");
                if (result.Problem is { } problem && problem.ToString().Contains('\n', StringComparison.Ordinal))
                    throw new InvalidOperationException("a problem must be one line");
                if (result.Document is not { } document)
                    continue;
                foreach (var part in DocumentParts.Split(document, options.MaxPartChars))
                {
                    foreach (var (span, _) in SentenceSplitter.Split(part.Text))
                    {
                        if (span.Start < 0 || span.End > part.Text.Length || span.Start > span.End)
                            throw new InvalidOperationException("a sentence span outside its text");
                    }
                }
            }
        }
    }
}
