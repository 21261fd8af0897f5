using System.Text.Json;
using Dyad.Output;

namespace Dyad.Storage.Export;

/// <summary>What to export.</summary>
public enum ExportKind
{
    Events,
    Facts,
    Graph,
}

/// <summary>File formats of `dyad export`.</summary>
public enum ExportFormat
{
    Csv,
    Tsv,
    Jsonl,
    Parquet,
    GraphMl,
    Gexf,
}

/// <summary>Column layouts for tabular event exports.</summary>
public enum ExportLayout
{
    /// <summary>Dyad's own columns (<see cref="EventColumns"/>): the coding contract's fields with the sentence.</summary>
    Dyad,

    /// <summary>GDELT 2.0's event table: its 61 columns in its order, no header by default (see <see cref="GdeltLayout"/>).</summary>
    Gdelt,

    /// <summary>The 20 columns of the ICEWS event files, with ICEWS's values (see <see cref="IcewsLayout"/>).</summary>
    Icews,
}

/// <summary>How to write an export beyond its kind and format.</summary>
public sealed record ExportOptions
{
    public ExportLayout Layout { get; init; } = ExportLayout.Dyad;

    /// <summary>A header row; null: the layout's own habit (GDELT ships without one, the others with one).</summary>
    public bool? Header { get; init; }

    /// <summary>For spreadsheets: a UTF-8 byte order mark (so Excel reads the text as UTF-8) and formula-like cells guarded (<see cref="TableCells.ForSpreadsheet"/>).</summary>
    public bool Spreadsheet { get; init; }

    /// <summary>
    /// GDELT and ICEWS layouts: also write here, in the same format (with a header), each row's id with what the layout cannot hold (the date
    /// as coded with its precision, the document, sentence, trigger, rule and sentence text).
    /// </summary>
    public Stream? Sidecar { get; init; }

    /// <summary>Which events (or, with its actors and dates, which facts) to export; all by default.</summary>
    public EventFilter Filter { get; init; } = new();
}

/// <summary>Writes stored events, facts or the actor graph in the export formats; streams rows from the store.</summary>
public static class Exporter
{
    /// <summary>Why this combination cannot be written, or null.</summary>
    public static string? Problem(ExportKind kind, ExportFormat format, ExportLayout layout) => Problem(kind, format, new ExportOptions { Layout = layout });

    public static string? Problem(ExportKind kind, ExportFormat format, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var graphFormat = format is ExportFormat.GraphMl or ExportFormat.Gexf;
        var table = format is ExportFormat.Csv or ExportFormat.Tsv;
        if (kind == ExportKind.Graph && format == ExportFormat.Parquet)
            return "the graph exports as graphml, gexf, csv, tsv or jsonl";
        if (kind != ExportKind.Graph && graphFormat)
            return $"{format.ToString().ToLowerInvariant()} is for the graph: use `dyad export graph`";
        if (options.Layout != ExportLayout.Dyad && (kind != ExportKind.Events || !table))
            return "--layout gdelt|icews applies to events as tsv or csv";
        if (options.Header is not null && !table)
            return "--header applies to csv and tsv";
        if (options.Spreadsheet && !table)
            return "--excel applies to csv and tsv";
        if (options.Sidecar is not null && options.Layout == ExportLayout.Dyad)
            return "--sidecar applies to --layout gdelt or icews (the dyad layout has every field already)";
        return null;
    }

    /// <summary>Writes the export; returns the number of rows (events, facts or edges).</summary>
    public static long Write(IEventStore store, ExportKind kind, ExportFormat format, ExportLayout layout, Stream output) =>
        Write(store, kind, format, new ExportOptions { Layout = layout }, output);

    public static long Write(IEventStore store, ExportKind kind, ExportFormat format, ExportOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Problem(kind, format, options) is { } problem)
            throw new ArgumentException(problem, nameof(format));
        var events = store.Events(options.Filter with { Limit = null });
        var facts = store.Facts(FactFilterOf(options.Filter));
        return (kind, format) switch
        {
            (ExportKind.Events, ExportFormat.Parquet) => ParquetExport.Events(events, output),
            (ExportKind.Facts, ExportFormat.Parquet) => ParquetExport.Facts(facts, output),
            (ExportKind.Graph, ExportFormat.GraphMl) => GraphExport.GraphMl(store.Graph(), output),
            (ExportKind.Graph, ExportFormat.Gexf) => GraphExport.Gexf(store.Graph(), store.GraphYears(), output),
            (ExportKind.Events, ExportFormat.Jsonl) => JsonLines(events, output, WriteEvent),
            (ExportKind.Facts, ExportFormat.Jsonl) => JsonLines(facts, output, WriteFact),
            (ExportKind.Graph, ExportFormat.Jsonl) => JsonLines(store.Graph(), output, GraphExport.WriteEdge),
            _ => TableExport.Write(store, kind, format == ExportFormat.Csv ? ',' : '\t', options, output),
        };
    }

    /// <summary>The facts that go with an event filter: the same actors, facts whose time overlaps the same dates.</summary>
    public static FactFilter FactFilterOf(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new FactFilter { Dyad = filter.Dyad, Actor = filter.Actor, From = filter.From, To = filter.To, Limit = filter.Limit };
    }

    /// <summary>An event as one JSON object of the coding contract (<see cref="ContractJson.WriteEvent"/>).</summary>
    public static void WriteEvent(Utf8JsonWriter j, EventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ContractJson.WriteEvent(j, e.ToCoded());
    }

    /// <summary>A fact as one JSON object of the coding contract.</summary>
    public static void WriteFact(Utf8JsonWriter j, FactRecord f)
    {
        ArgumentNullException.ThrowIfNull(f);
        ContractJson.WriteFact(j, f.ToCoded());
    }

    private static long JsonLines<T>(IEnumerable<T> items, Stream output, Action<Utf8JsonWriter, T> write)
    {
        using var json = new Utf8JsonWriter(output, ContractJson.Options);
        long count = 0;
        foreach (var item in items)
        {
            write(json, item);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
            count++;
        }
        return count;
    }
}
