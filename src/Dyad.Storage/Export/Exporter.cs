using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Parquet;
using Parquet.Schema;

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
    /// <summary>Dyad's own columns, with provenance.</summary>
    Dyad,

    /// <summary>The columns of GDELT's event table, in its order and under its names, as far as Dyad has the data.</summary>
    Gdelt,

    /// <summary>The columns of the ICEWS event files.</summary>
    Icews,
}

/// <summary>Writes stored events, facts or the actor graph in the export formats; streams rows from the store.</summary>
public static class Exporter
{
    public static string? Problem(ExportKind kind, ExportFormat format, ExportLayout layout)
    {
        var graphFormat = format is ExportFormat.GraphMl or ExportFormat.Gexf;
        if (kind == ExportKind.Graph && !graphFormat && format != ExportFormat.Csv && format != ExportFormat.Tsv && format != ExportFormat.Jsonl)
            return "the graph exports as graphml, gexf, csv, tsv or jsonl";
        if (kind != ExportKind.Graph && graphFormat)
            return $"{format.ToString().ToLowerInvariant()} is for the graph: use `dyad export graph`";
        if (layout != ExportLayout.Dyad && (kind != ExportKind.Events || format is not (ExportFormat.Tsv or ExportFormat.Csv)))
            return "--layout gdelt|icews applies to events as tsv or csv";
        return null;
    }

    /// <summary>Writes the export; returns the number of rows (events, facts or edges).</summary>
    public static long Write(IEventStore store, ExportKind kind, ExportFormat format, ExportLayout layout, Stream output)
    {
        if (Problem(kind, format, layout) is { } problem)
            throw new ArgumentException(problem, nameof(format));
        return kind switch
        {
            ExportKind.Events when format == ExportFormat.Parquet => EventsParquet(store, output),
            ExportKind.Facts when format == ExportFormat.Parquet => FactsParquet(store, output),
            ExportKind.Graph when format == ExportFormat.GraphMl => GraphMl(store.Graph(), output),
            ExportKind.Graph when format == ExportFormat.Gexf => Gexf(store.Graph(), output),
            ExportKind.Events when format == ExportFormat.Jsonl => EventsJson(store, output),
            ExportKind.Facts when format == ExportFormat.Jsonl => FactsJson(store, output),
            ExportKind.Graph when format == ExportFormat.Jsonl => GraphJson(store.Graph(), output),
            _ => Table(Rows(store, kind, layout), format == ExportFormat.Csv ? ',' : '\t', output),
        };
    }

    private static IEnumerable<string?[]> Rows(IEventStore store, ExportKind kind, ExportLayout layout)
    {
        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        static string D(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        static string? N(double? v) => v?.ToString("0.#####", CultureInfo.InvariantCulture);
        if (kind == ExportKind.Graph)
        {
            yield return ["source", "source_name", "target", "target_name", "events", "mean_goldstein"];
            foreach (var e in store.Graph())
                yield return [e.Source, e.SourceName, e.Target, e.TargetName, I(e.Events), D(e.MeanGoldstein)];
            yield break;
        }
        if (kind == ExportKind.Facts)
        {
            yield return ["doc", "sentence", "subject", "subject_name", "predicate", "object", "object_name", "what", "quantities", "at", "start", "end", "trigger", "trigger_start", "trigger_end", "rule"];
            foreach (var f in store.Facts(null))
                yield return [f.Doc, I(f.Sentence), f.Subject, f.SubjectName, f.Predicate, f.Object, f.ObjectName, f.What, f.Quantities, f.At, f.Start, f.End, f.Trigger, I(f.TriggerStart), I(f.TriggerEnd), f.Rule];
            yield break;
        }
        switch (layout)
        {
            case ExportLayout.Gdelt:
                // GDELT's event-table names; Dyad fills what it knows and leaves the rest empty.
                yield return ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode",
                    "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                    "ActionGeo_Long", "DATEADDED", "SOURCEURL"];
                long id = 0;
                foreach (var e in store.Events(new EventFilter()))
                {
                    var day = e.DateStart?.Replace("-", "", StringComparison.Ordinal) ?? "";
                    var year = day.Length >= 4 ? day[..4] : "";
                    var fraction = day.Length == 8 && DateOnly.TryParseExact(e.DateStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? (date.Year + (date.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture) : "";
                    yield return [I(++id), day, day.Length >= 6 ? day[..6] : "", year, fraction, e.Source, e.SourceName, e.Source.Length >= 3 ? e.Source[..3] : e.Source,
                        e.Target, e.TargetName, e.Target.Length >= 3 ? e.Target[..3] : e.Target, e.Sentence == 0 ? "1" : "0", e.Code,
                        e.Code.Length >= 3 ? e.Code[..3] : e.Code, e.Root, I(e.Quad), D(e.Goldstein), I(e.Mentions), "1", "1", e.Location, e.Country,
                        N(e.Latitude), N(e.Longitude), e.Published?.Replace("-", "", StringComparison.Ordinal), e.Doc];
                }
                yield break;
            case ExportLayout.Icews:
                yield return ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
                    "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District", "Province",
                    "Country", "Latitude", "Longitude"];
                foreach (var e in store.Events(new EventFilter()))
                {
                    yield return [$"{e.Doc}/{e.EventId}/{e.Source}-{e.Target}", e.DateStart, e.SourceName, Sector(e.Source), e.Source.Length >= 3 ? e.Source[..3] : e.Source,
                        e.Trigger, e.Code, D(e.Goldstein), e.TargetName, Sector(e.Target), e.Target.Length >= 3 ? e.Target[..3] : e.Target,
                        e.Doc, I(e.Sentence + 1), "", e.Location, "", "", e.Country, N(e.Latitude), N(e.Longitude)];
                }
                yield break;
            default:
                yield return ["doc", "event_id", "sentence", "date", "precision", "report_date", "source", "source_name", "target", "target_name",
                    "code", "root", "quad", "goldstein", "mentions", "trigger", "trigger_start", "trigger_end", "rule", "location", "country", "lat", "lon"];
                foreach (var e in store.Events(new EventFilter()))
                {
                    yield return [e.Doc, e.EventId, I(e.Sentence), e.Date, e.Precision, e.ReportDate ? "1" : "0", e.Source, e.SourceName, e.Target, e.TargetName,
                        e.Code, e.Root, I(e.Quad), D(e.Goldstein), I(e.Mentions), e.Trigger, I(e.TriggerStart), I(e.TriggerEnd), e.Rule, e.Location, e.Country,
                        N(e.Latitude), N(e.Longitude)];
                }
                yield break;
        }
    }

    private static string Sector(string code) => code.Length > 3 && char.IsAsciiLetterUpper(code[0]) ? code[3..] : "";

    private static long Table(IEnumerable<string?[]> rows, char separator, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        long count = -1;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                    writer.Write(separator);
                writer.Write(separator == ',' ? CsvCell(row[i]) : TsvCell(row[i]));
            }
            writer.Write('\n');
            count++;
        }
        return count;
    }

    private static string CsvCell(string? cell)
    {
        if (string.IsNullOrEmpty(cell))
            return string.Empty;
        return cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string TsvCell(string? cell) =>
        string.IsNullOrEmpty(cell) ? string.Empty : cell.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static long JsonLines<T>(IEnumerable<T> items, Stream output, Action<Utf8JsonWriter, T> write)
    {
        using var json = new Utf8JsonWriter(output, JsonOptions);
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

    private static long EventsJson(IEventStore store, Stream output) => JsonLines(store.Events(new EventFilter()), output, WriteEvent);

    /// <summary>An event as one JSON object with the field names of the coding contract.</summary>
    public static void WriteEvent(Utf8JsonWriter j, EventRecord e)
    {
        j.WriteStartObject();
        j.WriteString("type", "event");
        j.WriteString("doc", e.Doc);
        j.WriteNumber("sentence", e.Sentence);
        j.WriteStartObject("source");
        j.WriteString("code", e.Source);
        j.WriteString("name", e.SourceName);
        j.WriteEndObject();
        j.WriteStartObject("target");
        j.WriteString("code", e.Target);
        j.WriteString("name", e.TargetName);
        j.WriteEndObject();
        j.WriteString("code", e.Code);
        j.WriteString("root", e.Root);
        j.WriteNumber("quad", e.Quad);
        j.WriteNumber("goldstein", e.Goldstein);
        if (e.Date is null)
        {
            j.WriteNull("date");
        }
        else
        {
            j.WriteStartObject("date");
            j.WriteString("value", e.Date);
            j.WriteString("precision", e.Precision);
            if (e.ReportDate)
                j.WriteBoolean("report_date", true);
            j.WriteEndObject();
        }
        if (e.Location is null)
        {
            j.WriteNull("location");
        }
        else
        {
            j.WriteStartObject("location");
            j.WriteString("name", e.Location);
            j.WriteString("country", e.Country);
            if (e.Latitude is { } lat && e.Longitude is { } lon)
            {
                j.WriteNumber("lat", lat);
                j.WriteNumber("lon", lon);
            }
            j.WriteEndObject();
        }
        j.WriteString("event_id", e.EventId);
        j.WriteNumber("mentions", e.Mentions);
        j.WriteString("trigger", e.Trigger);
        j.WriteStartArray("trigger_span");
        j.WriteNumberValue(e.TriggerStart);
        j.WriteNumberValue(e.TriggerEnd);
        j.WriteEndArray();
        j.WriteString("rule", e.Rule);
        j.WriteEndObject();
    }

    private static long FactsJson(IEventStore store, Stream output) => JsonLines(store.Facts(null), output, WriteFact);

    public static void WriteFact(Utf8JsonWriter j, FactRecord f)
    {
        j.WriteStartObject();
        j.WriteString("type", "fact");
        j.WriteString("doc", f.Doc);
        j.WriteNumber("sentence", f.Sentence);
        j.WriteStartObject("subject");
        j.WriteString("code", f.Subject);
        j.WriteString("name", f.SubjectName);
        j.WriteEndObject();
        j.WriteString("predicate", f.Predicate);
        j.WriteStartObject("object");
        j.WriteString("code", f.Object);
        j.WriteString("name", f.ObjectName);
        j.WriteEndObject();
        if (f.What is not null)
            j.WriteString("what", f.What);
        if (f.Quantities is not null)
        {
            j.WritePropertyName("quantities");
            j.WriteRawValue(f.Quantities);
        }
        if (f.At is not null)
            j.WriteString("date", f.At);
        if (f.Start is not null)
            j.WriteString("start", f.Start);
        if (f.End is not null)
            j.WriteString("end", f.End);
        j.WriteString("trigger", f.Trigger);
        j.WriteString("rule", f.Rule);
        j.WriteEndObject();
    }

    private static long GraphJson(IReadOnlyList<DyadEdge> edges, Stream output) => JsonLines(edges, output, (j, e) =>
    {
        j.WriteStartObject();
        j.WriteString("source", e.Source);
        j.WriteString("source_name", e.SourceName);
        j.WriteString("target", e.Target);
        j.WriteString("target_name", e.TargetName);
        j.WriteNumber("events", e.Events);
        j.WriteNumber("mean_goldstein", Math.Round(e.MeanGoldstein, 3));
        j.WriteEndObject();
    });

    private static IEnumerable<(string Id, string Label)> Nodes(IReadOnlyList<DyadEdge> edges)
    {
        var nodes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            nodes.TryAdd(e.Source, e.SourceName.Length > 0 ? e.SourceName : e.Source);
            nodes.TryAdd(e.Target, e.TargetName.Length > 0 ? e.TargetName : e.Target);
        }
        return nodes.Select(n => (n.Key, n.Value));
    }

    private static XmlWriter Xml(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });

    private static long GraphMl(IReadOnlyList<DyadEdge> edges, Stream output)
    {
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        using var x = Xml(output);
        x.WriteStartDocument();
        x.WriteStartElement("graphml", ns);
        void Key(string id, string target, string name, string type)
        {
            x.WriteStartElement("key", ns);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("for", target);
            x.WriteAttributeString("attr.name", name);
            x.WriteAttributeString("attr.type", type);
            x.WriteEndElement();
        }
        Key("label", "node", "label", "string");
        Key("weight", "edge", "weight", "double");
        Key("events", "edge", "events", "long");
        Key("goldstein", "edge", "mean_goldstein", "double");
        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("id", "dyad");
        x.WriteAttributeString("edgedefault", "directed");
        foreach (var (id, label) in Nodes(edges))
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", id);
            Data(x, ns, "label", label);
            x.WriteEndElement();
        }
        var n = 0;
        foreach (var e in edges)
        {
            x.WriteStartElement("edge", ns);
            x.WriteAttributeString("id", "e" + (n++).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("source", e.Source);
            x.WriteAttributeString("target", e.Target);
            Data(x, ns, "weight", e.Events.ToString(CultureInfo.InvariantCulture));
            Data(x, ns, "events", e.Events.ToString(CultureInfo.InvariantCulture));
            Data(x, ns, "goldstein", e.MeanGoldstein.ToString("0.###", CultureInfo.InvariantCulture));
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
        return edges.Count;
    }

    private static void Data(XmlWriter x, string ns, string key, string value)
    {
        x.WriteStartElement("data", ns);
        x.WriteAttributeString("key", key);
        x.WriteString(value);
        x.WriteEndElement();
    }

    private static long Gexf(IReadOnlyList<DyadEdge> edges, Stream output)
    {
        const string ns = "http://gexf.net/1.3";
        using var x = Xml(output);
        x.WriteStartDocument();
        x.WriteStartElement("gexf", ns);
        x.WriteAttributeString("version", "1.3");
        x.WriteStartElement("meta", ns);
        x.WriteElementString("creator", ns, "dyad");
        x.WriteEndElement();
        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("defaultedgetype", "directed");
        x.WriteStartElement("attributes", ns);
        x.WriteAttributeString("class", "edge");
        x.WriteStartElement("attribute", ns);
        x.WriteAttributeString("id", "goldstein");
        x.WriteAttributeString("title", "mean_goldstein");
        x.WriteAttributeString("type", "double");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("nodes", ns);
        foreach (var (id, label) in Nodes(edges))
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("label", label);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteStartElement("edges", ns);
        var n = 0;
        foreach (var e in edges)
        {
            x.WriteStartElement("edge", ns);
            x.WriteAttributeString("id", (n++).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("source", e.Source);
            x.WriteAttributeString("target", e.Target);
            x.WriteAttributeString("weight", e.Events.ToString(CultureInfo.InvariantCulture));
            x.WriteStartElement("attvalues", ns);
            x.WriteStartElement("attvalue", ns);
            x.WriteAttributeString("for", "goldstein");
            x.WriteAttributeString("value", e.MeanGoldstein.ToString("0.###", CultureInfo.InvariantCulture));
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
        return edges.Count;
    }

    private const int RowGroup = 50_000;

    private static long EventsParquet(IEventStore store, Stream output)
    {
        string[] text = ["doc", "event_id", "date", "date_start", "precision", "source", "source_name", "target", "target_name", "code", "root", "trigger", "rule", "location", "country"];
        string[] ints = ["sentence", "quad", "mentions"];
        return Parquet(output, text, ints, ["goldstein"], store.Events(new EventFilter()), e =>
            ([e.Doc, e.EventId, e.Date, e.DateStart, e.Precision, e.Source, e.SourceName, e.Target, e.TargetName, e.Code, e.Root, e.Trigger, e.Rule, e.Location, e.Country],
             [e.Sentence, e.Quad, e.Mentions], [e.Goldstein]));
    }

    private static long FactsParquet(IEventStore store, Stream output)
    {
        string[] text = ["doc", "subject", "subject_name", "predicate", "object", "object_name", "what", "quantities", "at", "start", "end", "trigger", "rule"];
        return Parquet(output, text, ["sentence"], [], store.Facts(null), f =>
            ([f.Doc, f.Subject, f.SubjectName, f.Predicate, f.Object, f.ObjectName, f.What, f.Quantities, f.At, f.Start, f.End, f.Trigger, f.Rule], [f.Sentence], []));
    }

    /// <summary>Writes rows as Parquet in row groups of <see cref="RowGroup"/>, so memory stays flat however many rows.</summary>
    private static long Parquet<T>(Stream output, string[] text, string[] ints, string[] reals, IEnumerable<T> items, Func<T, (string?[] Text, int[] Ints, double[] Reals)> split)
    {
        var textFields = text.Select(n => new DataField<string>(n, true)).ToArray();
        var intFields = ints.Select(n => new DataField<int>(n, false)).ToArray();
        var realFields = reals.Select(n => new DataField<double>(n, false)).ToArray();
        var schema = new ParquetSchema([.. textFields, .. intFields, .. realFields]);
        var textColumns = text.Select(_ => new List<string?>(RowGroup)).ToArray();
        var intColumns = ints.Select(_ => new List<int>(RowGroup)).ToArray();
        var realColumns = reals.Select(_ => new List<double>(RowGroup)).ToArray();
        long count = 0;
        // Parquet.Net's writer is asynchronous; the CLI is synchronous, so wait here.
        var writer = ParquetWriter.CreateAsync(schema, output).GetAwaiter().GetResult();
        void Flush()
        {
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < textFields.Length; i++)
                group.WriteAsync(textFields[i], textColumns[i]!).GetAwaiter().GetResult();
            for (var i = 0; i < intFields.Length; i++)
                group.WriteAsync<int>(intFields[i], intColumns[i].ToArray().AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < realFields.Length; i++)
                group.WriteAsync<double>(realFields[i], realColumns[i].ToArray().AsMemory()).GetAwaiter().GetResult();
            foreach (var c in textColumns)
                c.Clear();
            foreach (var c in intColumns)
                c.Clear();
            foreach (var c in realColumns)
                c.Clear();
        }
        foreach (var item in items)
        {
            var (t, n, r) = split(item);
            for (var i = 0; i < t.Length; i++)
                textColumns[i].Add(t[i]);
            for (var i = 0; i < n.Length; i++)
                intColumns[i].Add(n[i]);
            for (var i = 0; i < r.Length; i++)
                realColumns[i].Add(r[i]);
            if (++count % RowGroup == 0)
                Flush();
        }
        if (count == 0 || count % RowGroup != 0)
            Flush();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return count;
    }
}
