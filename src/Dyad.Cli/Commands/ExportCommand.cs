using System.CommandLine;
using System.Data.Common;
using Dyad.Storage.Export;

namespace Dyad.Cli.Commands;

/// <summary>`dyad export events|facts|graph --format …`: writes the store's contents for other tools.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what") { Description = "events, facts, graph (actors as nodes, dyads as edges) or corrections (--format gold)" };
        what.AcceptOnlyFromAmong("events", "facts", "graph", "corrections");
        var db = StoreOptions.Db();
        var format = new Option<string>("--format") { Description = "csv, tsv, jsonl, parquet (events, facts) or graphml, gexf (graph)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "tsv", "jsonl", "parquet", "graphml", "gexf", "gold");
        var layout = new Option<string>("--layout") { Description = "Columns of an events csv/tsv: dyad (default), gdelt or icews", DefaultValueFactory = _ => "dyad" };
        layout.AcceptOnlyFromAmong("dyad", "gdelt", "icews");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (required for parquet)" };
        var command = new Command("export", "Export events, facts or the actor graph (CSV, TSV in GDELT or ICEWS layout, JSON Lines, Parquet, GraphML, GEXF)")
        {
            what, db, format, layout, output,
        };
        command.SetAction(parse => Run(parse.GetValue(what)!, parse.GetValue(db)!, parse.GetValue(format)!, parse.GetValue(layout)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(string what, string db, string formatName, string layoutName, string? output)
    {
        if (what == "corrections" || formatName == "gold")
            return CorrectionsExport.Run(what, db, formatName, output);
        var kind = Enum.Parse<ExportKind>(what, ignoreCase: true);
        var format = Enum.Parse<ExportFormat>(formatName, ignoreCase: true);
        var layout = Enum.Parse<ExportLayout>(layoutName, ignoreCase: true);
        if (Exporter.Problem(kind, format, layout) is { } problem)
        {
            Console.Error.WriteLine($"dyad: {problem}");
            return ExitCodes.Usage;
        }
        if (format == ExportFormat.Parquet && output is null)
        {
            Console.Error.WriteLine("dyad: parquet needs --output FILE");
            return ExitCodes.Usage;
        }
        using var store = StoreOptions.Open(db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        // Write to a temporary file and move it into place, so a failed export leaves no half file.
        var temp = output is null ? null : output + ".part";
        try
        {
            long rows;
            using (var stream = temp is null ? Console.OpenStandardOutput() : new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var buffered = new BufferedStream(stream, 1 << 16))
            {
                rows = Exporter.Write(store, kind, format, layout, buffered);
                buffered.Flush();
            }
            if (temp is not null)
                File.Move(temp, output!, overwrite: true);
            Console.Error.WriteLine($"dyad: exported {rows} {(kind == ExportKind.Graph ? "edges" : what)}{(output is null ? "" : " to " + output)}");
            return ExitCodes.Ok;
        }
        catch (DbException ex)
        {
            TryDelete(temp);
            return StoreOptions.Fail(store.Explain(ex));
        }
        catch (IOException ex)
        {
            TryDelete(temp);
            Console.Error.WriteLine($"dyad: {output}: {ex.Message}");
            return ExitCodes.InputFailed;
        }
    }

    private static void TryDelete(string? path)
    {
        if (path is not null && File.Exists(path))
            File.Delete(path);
    }
}
