using System.CommandLine;
using Dyad.Analytics;
using static Dyad.Cli.Commands.AnalysisOptions;

namespace Dyad.Cli.Commands;

/// <summary>`dyad pair KAZ RUS` (the issue's `dyad dyad`: a verb may not share the root command's name): the pair's series, its largest cooperative and hostile events, its facts in time order.</summary>
public static class DyadCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var a = new Argument<string>("a") { Description = "One actor, e.g. KAZ" };
        var b = new Argument<string>("b") { Description = "The other, e.g. RUS" };
        var command = new Command("pair", "A pair's history: events per period by quad class and direction, its largest events either way, the facts linking the two")
        {
            a, b,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var from = parse.GetValue(options.From);
            var to = parse.GetValue(options.To);
            var plot = parse.GetValue(options.Plot);
            if (!Valid(from, to, plot))
                return ExitCodes.Usage;
            var per = ParsePer(parse.GetValue(options.Per)!);
            var ids = parse.GetValue(options.Ids);
            return Run(parse.GetValue(options.Db)!, store => DyadReport.Build(store, parse.GetValue(a)!, parse.GetValue(b)!, per, from, to, ids),
                Table, (r, o) => Csv(o, CsvHeader, CsvRows(r)), parse.GetValue(options.Format)!, plot, Charts.Dyad);
        });
        return command;
    }

    private static readonly string[] CsvHeader =
        ["period", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "a_to_b", "b_to_a", "events", "goldstein_sum", "goldstein_mean"];

    private static IEnumerable<string[]> CsvRows(DyadReport r) => r.Series.Select(p => new[]
    {
        p.Period, N(p.Quads.VerbalCooperation), N(p.Quads.MaterialCooperation), N(p.Quads.VerbalConflict), N(p.Quads.MaterialConflict),
        N(p.AToB), N(p.BToA), N(p.Events), N(p.GoldsteinSum), N(p.GoldsteinMean),
    });

    private static void Table(DyadReport r, TextWriter o)
    {
        AnalysisOptions.Table(o, CsvHeader, CsvRows(r));
        void Events(string title, IReadOnlyList<Storage.Workbench.WorkbenchEvent> events)
        {
            if (events.Count == 0)
                return;
            o.WriteLine();
            o.WriteLine(title);
            foreach (var e in events)
                o.WriteLine($"  {N(e.Goldstein),5}  {e.Date ?? "undated",-10}  {e.Source} {e.Code} {e.Target}  {BalanceCommand.Fold(e.SentenceText)}  [{e.Id}]");
        }
        Events("most cooperative:", r.MostCooperative);
        Events("most hostile:", r.MostHostile);
        if (r.Facts.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("facts:");
            foreach (var f in r.Facts)
                o.WriteLine($"  {f.Start ?? f.At ?? "",-10} {(f.End is null ? "" : "to " + f.End)} {f.Subject} {f.Predicate} {f.Object} {f.What}  [{f.Doc} sentence {f.Sentence}]");
        }
    }
}
