using System.Globalization;
using Dyad.Coding;
using Dyad.Pipeline;

namespace Dyad.Output;

/// <summary>Writes events as tab-separated lines with a header, one line per event mention.</summary>
public sealed class EventTsvWriter
{
    public const string Header = "doc\tsentence\tstart\tend\tdate\tprecision\tsource\tsource_name\ttarget\ttarget_name\tcode\troot\tquad\tgoldstein\tquantities\tlocation\tevent_id\ttrigger\trule\ttext";

    private readonly TextWriter _writer;
    private readonly OutputOptions _options;
    private bool _headerWritten;

    public EventTsvWriter(TextWriter writer, OutputOptions? options = null)
    {
        _writer = writer;
        _options = options ?? new OutputOptions();
    }

    public int Written { get; private set; }

    public void Write(Analysis analysis)
    {
        if (!_headerWritten)
        {
            _writer.WriteLine(Header);
            _headerWritten = true;
        }
        foreach (var e in analysis.Events)
        {
            WriteRow(analysis, e, e.Source, e.Target);
            if (_options.WritesReversed(e))
                WriteRow(analysis, e, e.Target, e.Source);
        }
    }

    private void WriteRow(Analysis analysis, EventMention e, EventActor source, EventActor target)
    {
        var s = analysis.Sentences[e.Sentence];
        var quantities = string.Join("; ", e.Quantities.Select(q => string.Create(CultureInfo.InvariantCulture, $"{q.Value} {q.Unit}{(q.Per is null ? "" : "/" + q.Per)}")));
        string[] cells =
        [
            analysis.Document.Id, e.Sentence.ToString(CultureInfo.InvariantCulture), (s.Span.Start + analysis.Document.Offset).ToString(CultureInfo.InvariantCulture),
            (s.Span.End + analysis.Document.Offset).ToString(CultureInfo.InvariantCulture), e.Date.Value, e.DateIsReportDate ? "report" : e.Date.PrecisionName,
            source.Code.Value, source.Name, target.Code.Value, target.Name, e.Code.Value, e.Code.Root,
            ((int)QuadClasses.Of(e.Code, _options.Quads)).ToString(CultureInfo.InvariantCulture),
            CameoInfo.Of(e.Code, _options.Goldstein).Goldstein.ToString(CultureInfo.InvariantCulture), quantities, e.Location?.Name ?? string.Empty,
            e.EventId, e.Trigger.Slice(analysis.Document.Text), e.Rule, s.Text,
        ];
        _writer.WriteLine(string.Join('\t', cells.Select(Clean)));
        Written++;
    }

    private static string Clean(string cell) => cell.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
