using Dyad.Documents;
using Dyad.Documents.Readers;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Cli.Commands;

/// <summary>
/// Codes one document and writes its lines only when all of them could be made: a document that fails leaves
/// no half-written record in the output, and the run goes on with the next one.
/// </summary>
internal sealed class DocumentOutput(Pipeline.Pipeline pipeline, string format, OutputOptions options) : IDisposable
{
    private readonly MemoryStream _buffer = new();
    private readonly StringWriter _tsvText = new();
    private EventTsvWriter? _tsv;
    private bool _tsvStarted;
    private bool _bomWritten;

    /// <summary>TSV for spreadsheets (--excel): a UTF-8 byte order mark first, and formula-like cells guarded.</summary>
    public bool Spreadsheet { get; init; }

    /// <summary>Facts of the coded documents that a TSV (events only) left out.</summary>
    public int FactsLeftOut { get; private set; }

    public bool TryWrite(Document document, Stream output, out Analysis? analysis, out string? failure)
    {
        analysis = null;
        failure = null;
        _buffer.SetLength(0);
        _tsvText.GetStringBuilder().Clear();
        try
        {
            analysis = pipeline.Run(document);
            if (format == "tsv")
            {
                _tsv ??= new EventTsvWriter(_tsvText, options) { Spreadsheet = Spreadsheet };
                _tsv.Write(analysis);
                if (Spreadsheet && !_bomWritten)
                {
                    output.Write(System.Text.Encoding.UTF8.Preamble);
                    _bomWritten = true;
                }
                output.Write(System.Text.Encoding.UTF8.GetBytes(_tsvText.ToString()));
                FactsLeftOut += analysis.Facts.Count;
                _tsvStarted = true;
            }
            else
            {
                using (var json = new EventJsonWriter(_buffer, options))
                    json.Write(analysis);
                _buffer.WriteTo(output);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not IOException)
        {
            failure = $"{ReadMessages.CouldNotCode}: {ex.GetType().Name}: {ex.Message}";
            analysis = null;
            if (!_tsvStarted)
                _tsv = null; // its header went with the failed document's lines; the next writer writes it again
            return false;
        }
    }

    public void Dispose()
    {
        _buffer.Dispose();
        _tsvText.Dispose();
    }
}
