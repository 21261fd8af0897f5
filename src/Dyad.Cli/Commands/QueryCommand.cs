using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Storage;
using Dyad.Storage.Export;

namespace Dyad.Cli.Commands;

/// <summary>`dyad query`: events of a dyad or an actor in a date range, facts about an actor, full-text search, a dyad's series.</summary>
public static class QueryCommand
{
    public static Command Create()
    {
        var db = StoreOptions.Db();
        var dyad = new Option<string?>("--dyad") { Description = "Two actors, e.g. KAZ,RUS: events between them in either direction" };
        var actor = new Option<string?>("--actor") { Description = "An actor (KAZ, or a full code such as KAZGOV): its events, or its facts with --facts" };
        var from = new Option<string?>("--from") { Description = "First date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Last date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var facts = new Option<bool>("--facts") { Description = "Facts (memberships, leases, trade volumes) instead of events" };
        var search = new Option<string?>("--search") { Description = "Full-text search over sentences (all words must occur)" };
        var series = new Option<bool>("--series") { Description = "With --dyad: events per month and mean Goldstein value" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows (0 or more)", DefaultValueFactory = _ => 100 };
        var command = new Command("query", "Query the store: events, facts, sentences")
        {
            db, dyad, actor, from, to, facts, search, series, json, limit,
        };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(dyad), parse.GetValue(actor), parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(facts), parse.GetValue(search), parse.GetValue(series), parse.GetValue(json), parse.GetValue(limit)));
        return command;
    }

    private static bool ValidDate(string? value) =>
        value is null || (value.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(value, out _));

    private static int Run(string db, string? dyad, string? actor, string? from, string? to, bool facts, string? search, bool series, bool json, int limit)
    {
        if (!ValidDate(from) || !ValidDate(to))
        {
            Console.Error.WriteLine("dyad: --from/--to: want YYYY, YYYY-MM or YYYY-MM-DD");
            return ExitCodes.Usage;
        }
        if (limit < 0)
        {
            // SQLite reads LIMIT -1 as "all", PostgreSQL refuses it: one meaning for both, refused before either sees it.
            Console.Error.WriteLine($"dyad: --limit {limit}: want 0 or more");
            return ExitCodes.Usage;
        }
        (string, string)? pair = null;
        if (dyad is not null)
        {
            var parts = dyad.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                Console.Error.WriteLine("dyad: --dyad wants two actor codes, e.g. KAZ,RUS");
                return ExitCodes.Usage;
            }
            pair = (parts[0], parts[1]);
        }
        if (series && pair is null)
        {
            Console.Error.WriteLine("dyad: --series needs --dyad");
            return ExitCodes.Usage;
        }
        using var store = StoreOptions.Open(db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        try
        {
            using var stdout = Console.OpenStandardOutput();
            using var output = new StreamWriter(stdout) { AutoFlush = false };
            if (search is not null)
            {
                var hits = store.Search(search, limit).ToList();
                if (json)
                    Json(output, hits, (j, h) => { j.WriteString("doc", h.Doc); j.WriteNumber("sentence", h.Sentence); j.WriteStartArray("span"); j.WriteNumberValue(h.Start); j.WriteNumberValue(h.End); j.WriteEndArray(); j.WriteString("text", h.Text); });
                else
                    Table(output, ["doc", "sentence", "text"], hits.Select(h => new[] { h.Doc, I(h.Sentence), Fold(h.Text) }));
            }
            else if (series)
            {
                var points = store.DyadSeries(pair!.Value.Item1, pair.Value.Item2, from, to);
                if (json)
                    Json(output, points, (j, p) => { j.WriteString("month", p.Month); j.WriteNumber("events", p.Events); j.WriteNumber("mean_goldstein", Math.Round(p.MeanGoldstein, 3)); });
                else
                    Table(output, ["month", "events", "mean_goldstein"], points.Select(p => new[] { p.Month, I(p.Events), p.MeanGoldstein.ToString("0.00", CultureInfo.InvariantCulture) }));
            }
            else if (facts)
            {
                var rows = store.Facts(actor, limit).ToList();
                if (json)
                    Json(output, rows, (j, f) => WriteInner(j, f));
                else
                    Table(output, ["doc", "sent", "subject", "predicate", "object", "what", "at", "start", "end", "trigger"],
                        rows.Select(f => new[] { f.Doc, I(f.Sentence), f.Subject, f.Predicate, f.Object, f.What ?? "", f.At ?? "", f.Start ?? "", f.End ?? "", f.Trigger ?? "" }));
            }
            else
            {
                var rows = store.Events(new EventFilter { Dyad = pair, Actor = actor, From = from, To = to, Limit = limit }).ToList();
                if (json)
                    Json(output, rows, (j, e) => WriteInner(j, e));
                else
                    Table(output, ["date", "source", "target", "code", "goldstein", "doc", "sent", "trigger", "rule"],
                        rows.Select(e => new[] { e.Date ?? "", e.Source, e.Target, e.Code, e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture), e.Doc, I(e.Sentence), e.Trigger ?? "", e.Rule ?? "" }));
            }
            output.Flush();
        }
        catch (DbException ex)
        {
            return StoreOptions.Fail(store.Explain(ex));
        }
        return ExitCodes.Ok;
    }

    // The exporter writes whole objects; here they are written as the body of the line's object.
    private static void WriteInner(Utf8JsonWriter j, EventRecord e) => CopyInner(j, w => Exporter.WriteEvent(w, e));

    private static void WriteInner(Utf8JsonWriter j, FactRecord f) => CopyInner(j, w => Exporter.WriteFact(w, f));

    private static void CopyInner(Utf8JsonWriter j, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        using var doc = JsonDocument.Parse(buffer.ToArray());
        foreach (var property in doc.RootElement.EnumerateObject())
            property.WriteTo(j);
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Json<T>(StreamWriter output, IEnumerable<T> items, Action<Utf8JsonWriter, T> body)
    {
        output.Flush();
        var stream = output.BaseStream;
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var item in items)
        {
            j.WriteStartObject();
            body(j, item);
            j.WriteEndObject();
            j.Flush();
            stream.WriteByte((byte)'\n');
            j.Reset();
        }
    }

    private static void Table(StreamWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Min(60, Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length)))).ToArray();
        void Line(string[] cells)
        {
            var parts = cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]));
            output.WriteLine(string.Join("  ", parts).TrimEnd());
        }
        Line(header);
        foreach (var row in all)
            Line(row);
        if (all.Count == 0)
            Console.Error.WriteLine("dyad: no matches");
    }
}
