using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Dyad.Storage;
using Dyad.Storage.Export;

namespace Dyad.Cli.Commands;

/// <summary>`dyad export events|facts|graph --format …`: writes the store's contents for other tools.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "events, facts, graph (actors as nodes, dyads as edges) or corrections (--format gold)", HelpName = "events|facts|graph|corrections" };
        what.AcceptOnlyFromAmong("events", "facts", "graph", "corrections");
        var db = StoreOptions.Db();
        var format = new Option<string>("--format") { Description = "csv, tsv, jsonl, parquet (events, facts) or graphml, gexf (graph), gold (corrections)", DefaultValueFactory = _ => "csv", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("csv", "tsv", "jsonl", "parquet", "graphml", "gexf", "gold");
        var layout = new Option<string>("--layout") { Description = "Columns of an events csv/tsv: dyad (all fields, with the sentence), gdelt (GDELT 2.0's 61 columns) or icews (ICEWS's 20)", DefaultValueFactory = _ => "dyad", HelpName = "LAYOUT" };
        layout.AcceptOnlyFromAmong("dyad", "gdelt", "icews");
        var header = new Option<bool>("--header") { Description = "A header row for --layout gdelt (GDELT's files have none; the other layouts always have one)" };
        var excel = new Option<bool>("--excel") { Description = "For spreadsheets (csv/tsv): a UTF-8 byte order mark, and cells that start with = + - @ guarded by a leading ' so they are not run as formulas" };
        var sidecar = new Option<string?>("--sidecar") { Description = "With --layout gdelt|icews: also write FILE with each row's id, its date as coded with its precision, document, sentence, trigger, rule and sentence text", HelpName = "FILE" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output (required for parquet)", HelpName = "FILE" };
        var dyad = new Option<string?>("--dyad") { Description = "Only events (facts) between two actors, codes or names", HelpName = "A,B" };
        var actor = new Option<string?>("--actor") { Description = "Only events (facts) of one actor", HelpName = "ACTOR" };
        var from = new Option<string?>("--from") { Description = "Only events from this date: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Only events up to this date", HelpName = "DATE" };
        var command = new Command("export", """
            Export events, facts or the actor graph: CSV/TSV (Dyad, GDELT 2.0 or ICEWS columns), JSON Lines, Parquet, GraphML, GEXF.
            Examples:
              dyad export events --format tsv --layout gdelt -o events.gdelt.tsv --sidecar events.dates.tsv
              dyad export events --format tsv --layout icews --dyad KAZ,RUS
              dyad export facts --format csv --excel -o facts.csv
              dyad export events --format parquet -o events.parquet
              dyad export graph --format gexf -o dyads.gexf
            """)
        {
            what, db, format, layout, header, excel, sidecar, output, dyad, actor, from, to,
        };
        command.SetAction(parse =>
        {
            var filter = Filter(parse.GetValue(dyad), parse.GetValue(actor), parse.GetValue(from), parse.GetValue(to));
            if (filter is null)
                return ExitCodes.Usage;
            var options = new Options(parse.GetValue(what)!, parse.GetValue(db)!, parse.GetValue(format)!, parse.GetValue(layout)!, parse.GetValue(header),
                parse.GetValue(excel), parse.GetValue(sidecar), parse.GetValue(output));
            return Run(options, filter);
        });
        return command;
    }

    private sealed record Options(string What, string Db, string Format, string Layout, bool Header, bool Excel, string? Sidecar, string? Output);

    private static EventFilter? Filter(string? dyad, string? actor, string? from, string? to)
    {
        foreach (var (name, value) in new[] { ("--from", from), ("--to", to) })
        {
            if (value is not null && !(value.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(value, out _)))
            {
                Console.Error.WriteLine($"dyad: {name} '{value}': not an ISO date (want YYYY, YYYY-MM or YYYY-MM-DD)");
                return null;
            }
        }
        (string, string)? pair = null;
        if (dyad is not null)
        {
            var parts = dyad.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                Console.Error.WriteLine("dyad: --dyad wants two actors, e.g. KAZ,RUS or Kazakhstan,Russia");
                return null;
            }
            if (ActorNames.Resolve("--dyad", parts[0]) is not { } a || ActorNames.Resolve("--dyad", parts[1]) is not { } b)
                return null;
            pair = (a, b);
        }
        string? code = null;
        if (actor is not null && (code = ActorNames.Resolve("--actor", actor)) is null)
            return null;
        return new EventFilter { Dyad = pair, Actor = code, From = from, To = to };
    }

    private static int Run(Options o, EventFilter filter)
    {
        if (o.What == "corrections" || o.Format == "gold")
            return CorrectionsExport.Run(o.What, o.Db, o.Format, o.Output);
        var kind = Enum.Parse<ExportKind>(o.What, ignoreCase: true);
        var format = Enum.Parse<ExportFormat>(o.Format, ignoreCase: true);
        var layout = Enum.Parse<ExportLayout>(o.Layout, ignoreCase: true);
        // The problem check wants to know whether a sidecar is asked for; the real stream is opened below.
        var probe = new ExportOptions { Layout = layout, Header = o.Header ? true : null, Spreadsheet = o.Excel, Sidecar = o.Sidecar is null ? null : Stream.Null, Filter = filter };
        if (Exporter.Problem(kind, format, probe) is { } problem)
        {
            Console.Error.WriteLine($"dyad: {problem}");
            return ExitCodes.Usage;
        }
        if (kind == ExportKind.Graph && (filter.Dyad is not null || filter.Actor is not null || filter.From is not null || filter.To is not null))
        {
            Console.Error.WriteLine("dyad: the graph is exported whole: --dyad, --actor, --from and --to apply to events and facts");
            return ExitCodes.Usage;
        }
        if (format == ExportFormat.Parquet && o.Output is null)
        {
            Console.Error.WriteLine("dyad: parquet needs --output FILE");
            return ExitCodes.Usage;
        }
        using var store = StoreOptions.Open(o.Db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        // Write to temporary files and move them into place, so a failed export leaves no half file.
        var temp = o.Output is null ? null : o.Output + ".part";
        var sideTemp = o.Sidecar is null ? null : o.Sidecar + ".part";
        try
        {
            long rows;
            using (var stream = temp is null ? Console.OpenStandardOutput() : new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var buffered = new BufferedStream(stream, 1 << 16))
            using (var side = sideTemp is null ? null : new FileStream(sideTemp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = Exporter.Write(store, kind, format, probe with { Sidecar = side }, buffered);
                buffered.Flush();
            }
            if (temp is not null)
                File.Move(temp, o.Output!, overwrite: true);
            if (sideTemp is not null)
                File.Move(sideTemp, o.Sidecar!, overwrite: true);
            var noun = kind == ExportKind.Graph ? "edges" : o.What;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dyad: exported {rows:N0} {noun}{(o.Output is null ? "" : " to " + o.Output)}{(o.Sidecar is null ? "" : ", their dates and evidence to " + o.Sidecar)}"));
            return ExitCodes.Ok;
        }
        catch (DbException ex)
        {
            TryDelete(temp);
            TryDelete(sideTemp);
            return StoreOptions.Fail(store.Explain(ex));
        }
        catch (IOException ex)
        {
            TryDelete(temp);
            TryDelete(sideTemp);
            Console.Error.WriteLine($"dyad: {o.Output ?? o.Sidecar}: {ex.Message}");
            return ExitCodes.InputFailed;
        }
    }

    private static void TryDelete(string? path)
    {
        if (path is not null && File.Exists(path))
            File.Delete(path);
    }
}
