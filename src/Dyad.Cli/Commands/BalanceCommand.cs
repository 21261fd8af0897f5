using System.CommandLine;
using Dyad.Analytics;
using static Dyad.Cli.Commands.AnalysisOptions;

namespace Dyad.Cli.Commands;

/// <summary>`dyad balance KAZ`: partners' shares of an actor's cooperation per period, how even they are, and what a shift is made of.</summary>
public static class BalanceCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var actor = new Argument<string>("actor") { Description = "The actor, e.g. KAZ" };
        var threshold = new Option<double>("--shift")
        {
            Description = "A change of the share mix this large (0–1, half the summed share changes) is a shift, explained by its top events",
            DefaultValueFactory = _ => BalanceReport.DefaultShiftThreshold,
        };
        var command = new Command("balance", "The multi-vector view: partners' shares of an actor's cooperative events per period, evenness (entropy), 1 − HHI, shifts")
        {
            actor, threshold,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var from = parse.GetValue(options.From);
            var to = parse.GetValue(options.To);
            var plot = parse.GetValue(options.Plot);
            if (!Valid(from, to, plot))
                return ExitCodes.Usage;
            var shift = parse.GetValue(threshold);
            if (shift is < 0 or > 1)
            {
                Console.Error.WriteLine("dyad: --shift: want a number from 0 to 1");
                return ExitCodes.Usage;
            }
            var per = ParsePer(parse.GetValue(options.Per)!);
            var ids = parse.GetValue(options.Ids);
            return Run(parse.GetValue(options.Db)!, store => BalanceReport.Build(store, parse.GetValue(actor)!, per, from, to, shift, ids),
                Table, (r, o) => Csv(o, CsvHeader, CsvRows(r)), parse.GetValue(options.Format)!, plot, Charts.Balance);
        });
        return command;
    }

    private static readonly string[] CsvHeader = ["period", "partner", "name", "events", "share", "cooperative", "evenness", "one_minus_hhi", "shift"];

    private static IEnumerable<string[]> CsvRows(BalanceReport r) => r.Periods.SelectMany(p => p.Shares.Select(s => new[]
    {
        p.Period, s.Partner, s.PartnerName, N(s.Events), N(s.Share), N(p.Cooperative), N(p.Evenness), N(p.Diversity), p.Shift is { } x ? N(x) : "",
    }));

    private static void Table(BalanceReport r, TextWriter o)
    {
        AnalysisOptions.Table(o, ["period", "cooperative", "evenness", "1-HHI", "shift", "partners (share of cooperation)"], r.Periods.Select(p => new[]
        {
            p.Period, N(p.Cooperative), N(p.Evenness), N(p.Diversity), p.Shift is { } x ? N(x) : "",
            string.Join(" ", p.Shares.Take(6).Select(s => $"{s.Partner} {Math.Round(100 * s.Share)}%")),
        }));
        foreach (var p in r.Periods.Where(p => p.ShiftParts.Count > 0))
        {
            o.WriteLine();
            o.WriteLine($"shift into {p.Period} ({N(p.Shift ?? 0)}):");
            foreach (var part in p.ShiftParts)
            {
                o.WriteLine($"  {part.Partner}: {Math.Round(100 * part.Before)}% -> {Math.Round(100 * part.After)}%");
                foreach (var e in part.TopEvents)
                    o.WriteLine($"    {e.Date ?? "undated"}  {e.Source} {e.Code} {e.Target}  {Fold(e.SentenceText)}  [{e.Id}]");
            }
        }
    }

    internal static string Fold(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
