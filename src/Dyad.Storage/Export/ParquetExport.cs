using System.Globalization;
using Dyad.Output;
using Parquet;
using Parquet.Schema;

namespace Dyad.Storage.Export;

/// <summary>
/// Parquet with typed columns: dates as DATE (the first day an event's date covers, with its precision beside it),
/// numbers as numbers, lat/lon as nullable doubles, the sentence as text, amounts as value, unit and kind columns
/// plus the full list as JSON. Written in row groups of <see cref="RowGroup"/> rows, so memory stays flat.
/// </summary>
internal static class ParquetExport
{
    private const int RowGroup = 50_000;

    /// <summary>A column: its field, and how a row group's rows become its values.</summary>
    private sealed record ColumnSpec<T>(DataField Field, Action<ParquetRowGroupWriter, DataField, List<T>> Write);

    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static ColumnSpec<T> Text<T>(string name, Func<T, string?> value) =>
        new(new DataField<string>(name, true), (g, f, rows) => Wait(g.WriteAsync(f, rows.Select(value).ToList())));

    private static ColumnSpec<T> Int<T>(string name, Func<T, int> value) =>
        new(new DataField<int>(name), (g, f, rows) => Wait(g.WriteAsync<int>(f, rows.Select(value).ToArray().AsMemory())));

    private static ColumnSpec<T> Real<T>(string name, Func<T, double?> value) =>
        new(new DataField<double?>(name), (g, f, rows) => Wait(g.WriteAsync<double>(f, new ReadOnlyMemory<double?>(rows.Select(value).ToArray()))));

    private static ColumnSpec<T> Day<T>(string name, Func<T, string?> value) =>
        new(new DataField<DateOnly?>(name), (g, f, rows) => Wait(g.WriteAsync<DateOnly>(f, new ReadOnlyMemory<DateOnly?>(rows.Select(t => FirstDay(value(t))).ToArray()))));

    private static DateOnly? FirstDay(string? value) =>
        value is not null && DateOnly.TryParseExact(SqlEventStore.FromBound(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static ColumnSpec<T>[] Amounts<T>(Func<T, IReadOnlyList<Dyad.Coding.Quantity>> quantities, Func<T, string?> json) =>
    [
        Real<T>("amount", t => quantities(t) is { Count: > 0 } q ? q[0].Value : null),
        Real<T>("amount_max", t => quantities(t) is { Count: > 0 } q ? q[0].Max : null),
        Text<T>("unit", t => quantities(t) is { Count: > 0 } q ? q[0].Unit : null),
        Text<T>("per", t => quantities(t) is { Count: > 0 } q ? q[0].Per : null),
        Text<T>("amount_kind", t => quantities(t) is { Count: > 0 } q ? q[0].Kind : null),
        Text<T>("amount_text", t => quantities(t) is { Count: > 0 } q ? q[0].Text : null),
        Text("quantities", json),
    ];

    public static long Events(IEnumerable<EventRecord> events, Stream output)
    {
        ColumnSpec<(EventRecord R, CodedEvent C)>[] columns =
        [
            Text<(EventRecord R, CodedEvent C)>("doc", e => e.R.Doc), Int<(EventRecord R, CodedEvent C)>("sentence", e => e.R.Sentence),
            Day<(EventRecord R, CodedEvent C)>("date", e => e.R.DateStart), Text<(EventRecord R, CodedEvent C)>("date_value", e => e.R.Date),
            Text<(EventRecord R, CodedEvent C)>("precision", e => e.R.Precision), Int<(EventRecord R, CodedEvent C)>("report_date", e => e.R.ReportDate ? 1 : 0),
            Text<(EventRecord R, CodedEvent C)>("source", e => e.R.Source), Text<(EventRecord R, CodedEvent C)>("source_name", e => e.R.SourceName),
            Text<(EventRecord R, CodedEvent C)>("target", e => e.R.Target), Text<(EventRecord R, CodedEvent C)>("target_name", e => e.R.TargetName),
            Text<(EventRecord R, CodedEvent C)>("code", e => e.R.Code), Text<(EventRecord R, CodedEvent C)>("label", e => e.C.Label),
            Text<(EventRecord R, CodedEvent C)>("root", e => e.R.Root), Int<(EventRecord R, CodedEvent C)>("quad", e => e.R.Quad),
            Real<(EventRecord R, CodedEvent C)>("goldstein", e => e.R.Goldstein), Text<(EventRecord R, CodedEvent C)>("plover", e => e.C.Plover),
            .. Amounts<(EventRecord R, CodedEvent C)>(e => e.C.Quantities, e => e.R.Quantities),
            Text<(EventRecord R, CodedEvent C)>("location", e => e.R.Location), Text<(EventRecord R, CodedEvent C)>("country", e => e.R.Country),
            Real<(EventRecord R, CodedEvent C)>("lat", e => e.R.Latitude), Real<(EventRecord R, CodedEvent C)>("lon", e => e.R.Longitude),
            Text<(EventRecord R, CodedEvent C)>("event_id", e => e.R.EventId), Int<(EventRecord R, CodedEvent C)>("mentions", e => e.R.Mentions),
            Text<(EventRecord R, CodedEvent C)>("trigger", e => e.R.Trigger), Int<(EventRecord R, CodedEvent C)>("trigger_start", e => e.R.TriggerStart),
            Int<(EventRecord R, CodedEvent C)>("trigger_end", e => e.R.TriggerEnd), Text<(EventRecord R, CodedEvent C)>("rule", e => e.R.Rule),
            Text<(EventRecord R, CodedEvent C)>("text", e => e.C.Text),
        ];
        return Write(output, columns, events.Select(e => (e, e.ToCoded())));
    }

    public static long Facts(IEnumerable<FactRecord> facts, Stream output)
    {
        ColumnSpec<(FactRecord R, CodedFact C)>[] columns =
        [
            Text<(FactRecord R, CodedFact C)>("doc", f => f.R.Doc), Int<(FactRecord R, CodedFact C)>("sentence", f => f.R.Sentence),
            Text<(FactRecord R, CodedFact C)>("subject", f => f.R.Subject), Text<(FactRecord R, CodedFact C)>("subject_name", f => f.R.SubjectName),
            Text<(FactRecord R, CodedFact C)>("predicate", f => f.R.Predicate), Text<(FactRecord R, CodedFact C)>("object", f => f.R.Object),
            Text<(FactRecord R, CodedFact C)>("object_name", f => f.R.ObjectName), Text<(FactRecord R, CodedFact C)>("what", f => f.R.What),
            .. Amounts<(FactRecord R, CodedFact C)>(f => f.C.Quantities, f => f.R.Quantities),
            Day<(FactRecord R, CodedFact C)>("date", f => f.R.At), Text<(FactRecord R, CodedFact C)>("date_value", f => f.R.At),
            Day<(FactRecord R, CodedFact C)>("start", f => f.R.Start), Text<(FactRecord R, CodedFact C)>("start_value", f => f.R.Start),
            Day<(FactRecord R, CodedFact C)>("end", f => f.R.End), Text<(FactRecord R, CodedFact C)>("end_value", f => f.R.End),
            Text<(FactRecord R, CodedFact C)>("trigger", f => f.R.Trigger), Text<(FactRecord R, CodedFact C)>("rule", f => f.R.Rule),
            Text<(FactRecord R, CodedFact C)>("text", f => f.C.Text),
        ];
        return Write(output, columns, facts.Select(f => (f, f.ToCoded())));
    }

    private static long Write<T>(Stream output, ColumnSpec<T>[] columns, IEnumerable<T> items)
    {
        var schema = new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray());
        var buffer = new List<T>(RowGroup);
        long count = 0;
        // Parquet.Net's writer is asynchronous; the CLI is synchronous, so wait here.
        var writer = ParquetWriter.CreateAsync(schema, output).GetAwaiter().GetResult();
        void Flush()
        {
            using var group = writer.CreateRowGroup();
            foreach (var column in columns)
                column.Write(group, column.Field, buffer);
            buffer.Clear();
        }
        foreach (var item in items)
        {
            buffer.Add(item);
            if (++count % RowGroup == 0)
                Flush();
        }
        if (count == 0 || buffer.Count > 0)
            Flush();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }
}
