using Dyad.Pipeline;

namespace Dyad.Output;

/// <summary>
/// Writes events as tab-separated lines with a header, one line per event mention, in the columns of
/// <see cref="EventColumns.EventNames"/>. Facts have other columns: they are counted in <see cref="FactsLeftOut"/>.
/// </summary>
public sealed class EventTsvWriter
{
    public static readonly string Header = string.Join('\t', EventColumns.EventNames);

    private readonly TextWriter _writer;
    private readonly OutputOptions _options;
    private bool _headerWritten;

    public EventTsvWriter(TextWriter writer, OutputOptions? options = null)
    {
        _writer = writer;
        _options = options ?? new OutputOptions();
    }

    public int Written { get; private set; }

    /// <summary>Facts of the written documents, which a table of events cannot hold (JSON Lines has them).</summary>
    public int FactsLeftOut { get; private set; }

    /// <summary>Guard cells for spreadsheets (see <see cref="TableCells.ForSpreadsheet"/>).</summary>
    public bool Spreadsheet { get; init; }

    public void Write(Analysis analysis)
    {
        if (!_headerWritten)
        {
            _writer.WriteLine(Header);
            _headerWritten = true;
        }
        foreach (var e in analysis.Events)
        {
            WriteRow(CodedEvent.From(analysis, e, e.Source, e.Target, _options));
            if (_options.WritesReversed(e))
                WriteRow(CodedEvent.From(analysis, e, e.Target, e.Source, _options));
        }
        FactsLeftOut += analysis.Facts.Count;
    }

    private void WriteRow(CodedEvent e)
    {
        _writer.WriteLine(string.Join('\t', EventColumns.Event(e).Select(c => TableCells.Tsv(c, Spreadsheet))));
        Written++;
    }
}
