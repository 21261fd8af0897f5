using System.Text;
using Dyad.Output;

namespace Dyad.Storage.Export;

/// <summary>CSV and TSV exports: events in one of the layouts, facts and graph edges in Dyad's columns.</summary>
internal static class TableExport
{
    public static readonly IReadOnlyList<string> GraphNames = ["source", "source_name", "target", "target_name", "events", "mean_goldstein", "first", "last"];

    /// <summary>The columns of the sidecar file of the GDELT and ICEWS layouts.</summary>
    public static readonly IReadOnlyList<string> SidecarNames = ["id", "date", "precision", "report_date", "doc", "sentence", "event_id", "trigger", "rule", "text"];

    public static long Write(IEventStore store, ExportKind kind, char separator, ExportOptions options, Stream output)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.Spreadsheet);
        using var writer = new StreamWriter(output, encoding, 1 << 16, leaveOpen: true);
        using var sidecar = options.Sidecar is null ? null : new StreamWriter(options.Sidecar, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        void Line(TextWriter w, IEnumerable<string?> cells) =>
            w.Write(string.Join(separator, cells.Select(c => separator == ',' ? TableCells.Csv(c, options.Spreadsheet) : TableCells.Tsv(c, options.Spreadsheet))) + "\n");
        var header = options.Header ?? options.Layout != ExportLayout.Gdelt;
        long count = 0;
        switch (kind)
        {
            case ExportKind.Graph:
                if (header)
                    Line(writer, GraphNames);
                foreach (var e in store.Graph())
                {
                    Line(writer, [e.Source, ExportTables.NodeName(e.Source, e.SourceName), e.Target, ExportTables.NodeName(e.Target, e.TargetName),
                        EventColumns.I(e.Events), EventColumns.Number(Math.Round(e.MeanGoldstein, 3)), e.First, e.Last]);
                    count++;
                }
                break;
            case ExportKind.Facts:
                if (header)
                    Line(writer, EventColumns.FactNames);
                foreach (var f in store.Facts(Exporter.FactFilterOf(options.Filter)))
                {
                    Line(writer, EventColumns.Fact(f.ToCoded()));
                    count++;
                }
                break;
            default:
                var (names, row) = options.Layout switch
                {
                    ExportLayout.Gdelt => (GdeltLayout.Columns, (Func<EventRecord, long, string?[]>)GdeltLayout.Row),
                    ExportLayout.Icews => (IcewsLayout.Columns, IcewsLayout.Row),
                    _ => (EventColumns.EventNames, (e, _) => EventColumns.Event(e.ToCoded())),
                };
                if (header)
                    Line(writer, names);
                if (sidecar is not null)
                    Line(sidecar, SidecarNames);
                foreach (var e in store.Events(options.Filter with { Limit = null }))
                {
                    count++;
                    Line(writer, row(e, count));
                    if (sidecar is not null)
                    {
                        Line(sidecar, [EventColumns.I(count), e.Date, e.Precision, e.ReportDate ? "1" : "0", e.Doc, EventColumns.I(e.Sentence), e.EventId,
                            e.Trigger, e.Rule, e.Text is null ? null : ContractJson.Fold(e.Text)]);
                    }
                }
                break;
        }
        return count;
    }
}
