using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Dyad.Output;

namespace Dyad.Storage.Export;

/// <summary>
/// The actor graph for Gephi and other graph tools: nodes are states (a state's sectors drawn as the state) and
/// organizations under their full codes (NATO, CAUN), named from the actor dictionary; edges are dyads, weighted
/// by events, with the first and last dates. GEXF is dynamic: each edge lives from its first to its last event and
/// carries its events per year, so Gephi's timeline plays the relations through time.
/// </summary>
internal static class GraphExport
{
    public static void WriteEdge(Utf8JsonWriter j, DyadEdge e)
    {
        j.WriteStartObject();
        j.WriteString("source", e.Source);
        j.WriteString("source_name", ExportTables.NodeName(e.Source, e.SourceName));
        j.WriteString("target", e.Target);
        j.WriteString("target_name", ExportTables.NodeName(e.Target, e.TargetName));
        j.WriteNumber("events", e.Events);
        j.WriteNumber("mean_goldstein", Math.Round(e.MeanGoldstein, 3));
        if (e.First is not null)
            j.WriteString("first", e.First);
        if (e.Last is not null)
            j.WriteString("last", e.Last);
        j.WriteEndObject();
    }

    private static IEnumerable<(string Id, string Label, string? First, string? Last)> Nodes(IReadOnlyList<DyadEdge> edges)
    {
        var nodes = new SortedDictionary<string, (string Label, string? First, string? Last)>(StringComparer.Ordinal);
        void Add(string id, string name, DyadEdge e)
        {
            nodes[id] = nodes.TryGetValue(id, out var n)
                ? (n.Label, Min(n.First, e.First), Max(n.Last, e.Last))
                : (ExportTables.NodeName(id, name), e.First, e.Last);
        }
        foreach (var e in edges)
        {
            Add(e.Source, e.SourceName, e);
            Add(e.Target, e.TargetName, e);
        }
        return nodes.Select(n => (n.Key, n.Value.Label, n.Value.First, n.Value.Last));
    }

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static XmlWriter Xml(Stream output) =>
        XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });

    private static string D(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static long GraphMl(IReadOnlyList<DyadEdge> edges, Stream output)
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
        Key("first", "edge", "first", "string");
        Key("last", "edge", "last", "string");
        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("id", "dyad");
        x.WriteAttributeString("edgedefault", "directed");
        foreach (var (id, label, _, _) in Nodes(edges))
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
            Data(x, ns, "weight", EventColumns.I(e.Events));
            Data(x, ns, "events", EventColumns.I(e.Events));
            Data(x, ns, "goldstein", D(e.MeanGoldstein));
            if (e.First is not null)
                Data(x, ns, "first", e.First);
            if (e.Last is not null)
                Data(x, ns, "last", e.Last);
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

    public static long Gexf(IReadOnlyList<DyadEdge> edges, IReadOnlyList<(string Source, string Target, string Year, long Events, double MeanGoldstein)> years, Stream output)
    {
        const string ns = "http://gexf.net/1.3";
        var byEdge = years.ToLookup(y => (y.Source, y.Target));
        using var x = Xml(output);
        x.WriteStartDocument();
        x.WriteStartElement("gexf", ns);
        x.WriteAttributeString("version", "1.3");
        x.WriteStartElement("meta", ns);
        x.WriteElementString("creator", ns, "dyad");
        x.WriteElementString("description", ns, "Actors as nodes, dyads as edges weighted by events; edges live from their first to their last event, with events and mean Goldstein value per year");
        x.WriteEndElement();
        x.WriteStartElement("graph", ns);
        x.WriteAttributeString("defaultedgetype", "directed");
        x.WriteAttributeString("mode", "dynamic");
        x.WriteAttributeString("timeformat", "date");
        x.WriteStartElement("attributes", ns);
        x.WriteAttributeString("class", "edge");
        x.WriteAttributeString("mode", "dynamic");
        Attribute(x, ns, "events", "events", "long");
        Attribute(x, ns, "goldstein", "mean_goldstein", "double");
        x.WriteEndElement();
        x.WriteStartElement("nodes", ns);
        foreach (var (id, label, first, last) in Nodes(edges))
        {
            x.WriteStartElement("node", ns);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("label", label);
            Lifetime(x, first, last);
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
            x.WriteAttributeString("weight", EventColumns.I(e.Events));
            Lifetime(x, e.First, e.Last);
            var perYear = byEdge[(e.Source, e.Target)].ToList();
            if (perYear.Count > 0)
            {
                x.WriteStartElement("attvalues", ns);
                foreach (var y in perYear)
                {
                    AttValue(x, ns, "events", EventColumns.I(y.Events), y.Year);
                    AttValue(x, ns, "goldstein", D(y.MeanGoldstein), y.Year);
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
        return edges.Count;
    }

    /// <summary>From the first day of the first event to the first day of the last one; undated edges live always.</summary>
    private static void Lifetime(XmlWriter x, string? first, string? last)
    {
        if (first is null || last is null)
            return;
        x.WriteAttributeString("start", first);
        x.WriteAttributeString("end", last);
    }

    private static void Attribute(XmlWriter x, string ns, string id, string title, string type)
    {
        x.WriteStartElement("attribute", ns);
        x.WriteAttributeString("id", id);
        x.WriteAttributeString("title", title);
        x.WriteAttributeString("type", type);
        x.WriteEndElement();
    }

    private static void AttValue(XmlWriter x, string ns, string key, string value, string year)
    {
        x.WriteStartElement("attvalue", ns);
        x.WriteAttributeString("for", key);
        x.WriteAttributeString("value", value);
        x.WriteAttributeString("start", year + "-01-01");
        x.WriteAttributeString("end", year + "-12-31");
        x.WriteEndElement();
    }
}
