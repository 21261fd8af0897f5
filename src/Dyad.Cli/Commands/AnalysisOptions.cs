using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dyad.Analytics;
using Dyad.Storage;

namespace Dyad.Cli.Commands;

/// <summary>The options the analysis verbs (trends, balance, dyad) share, and how they write a report.</summary>
internal sealed class AnalysisOptions
{
    public Option<string> Db { get; } = StoreOptions.Db();

    public Option<string> Per { get; } = new("--per") { Description = "Period: year, quarter or month (events known only to the year get their own row)", DefaultValueFactory = _ => "year" };

    public Option<string?> From { get; } = new("--from") { Description = "First date: YYYY, YYYY-MM or YYYY-MM-DD" };

    public Option<string?> To { get; } = new("--to") { Description = "Last date: YYYY, YYYY-MM or YYYY-MM-DD" };

    public Option<string> Format { get; } = new("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };

    public Option<string?> Plot { get; } = new("--plot") { Description = "Also draw the chart into FILE.png or FILE.svg" };

    public Option<bool> Ids { get; } = new("--ids") { Description = "With --format json: the ids of the events behind every number" };

    public AnalysisOptions()
    {
        Per.AcceptOnlyFromAmong("year", "quarter", "month");
        Format.AcceptOnlyFromAmong("table", "csv", "json");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Db, Per, From, To, Format, Plot, Ids })
            command.Options.Add(option);
    }

    /// <summary>Checks the shared options; prints the problem and returns false when one is wrong.</summary>
    public static bool Valid(string? from, string? to, string? plot)
    {
        static bool Date(string? v) => v is null || (v.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(v, out _));
        if (!Date(from) || !Date(to))
        {
            Console.Error.WriteLine("dyad: --from/--to: want YYYY, YYYY-MM or YYYY-MM-DD");
            return false;
        }
        if (plot is not null && !Charts.IsSupported(plot))
        {
            Console.Error.WriteLine($"dyad: {Charts.BadExtension}");
            return false;
        }
        return true;
    }

    /// <summary>Opens the store, builds the report, writes it and the chart; the one error path for all three verbs.</summary>
    public static int Run<T>(string db, Func<SqlEventStore, T> build, Action<T, TextWriter> table, Action<T, TextWriter> csv, string format,
        string? plot, Action<T, string> draw)
    {
        using var store = StoreOptions.Open(db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        T report;
        try
        {
            report = build(store);
        }
        catch (DbException ex)
        {
            return StoreOptions.Fail(store.Explain(ex));
        }
        var output = Console.Out;
        switch (format)
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(report, Evidence.Json));
                break;
            case "csv":
                csv(report, output);
                break;
            default:
                table(report, output);
                break;
        }
        output.Flush();
        if (plot is not null)
        {
            try
            {
                draw(report, plot);
                Console.Error.WriteLine($"dyad: chart written to {plot}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"dyad: {plot}: {ex.Message}");
                return ExitCodes.InputFailed;
            }
        }
        return ExitCodes.Ok;
    }

    public static Period ParsePer(string per) => Enum.Parse<Period>(per, ignoreCase: true);

    public static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    public static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSV cell: quoted when it holds a comma, quote or line break.</summary>
    public static string Cell(string v) => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    public static void Csv(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        output.WriteLine(string.Join(',', header));
        foreach (var row in rows)
            output.WriteLine(string.Join(',', row.Select(Cell)));
    }

    public static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Min(70, Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length)))).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ",
            cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in all)
            Line(row);
        if (all.Count == 0)
            Console.Error.WriteLine("dyad: no events");
    }
}
