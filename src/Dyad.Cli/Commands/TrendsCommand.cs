using System.CommandLine;
using Dyad.Analytics;
using static Dyad.Cli.Commands.AnalysisOptions;

namespace Dyad.Cli.Commands;

/// <summary>`dyad trends --actor KAZ`: per partner and period, events by quad class, Goldstein sums and means, shares.</summary>
public static class TrendsCommand
{
    public static Command Create()
    {
        var options = new AnalysisOptions();
        var actor = new Option<string>("--actor") { Description = "The actor, e.g. KAZ", Required = true };
        var partners = new Option<string?>("--partners") { Description = $"Partners to show, e.g. RUS,CHN,USA,EU (default: the {TrendsReport.DefaultPartners} most frequent)" };
        var command = new Command("trends", "An actor's events with each partner per period: counts by quad class, Goldstein sum and mean, share of its interactions")
        {
            actor, partners,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var from = parse.GetValue(options.From);
            var to = parse.GetValue(options.To);
            var plot = parse.GetValue(options.Plot);
            if (!Valid(from, to, plot))
                return ExitCodes.Usage;
            var list = parse.GetValue(partners)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var per = ParsePer(parse.GetValue(options.Per)!);
            var ids = parse.GetValue(options.Ids);
            return Run(parse.GetValue(options.Db)!, store => TrendsReport.Build(store, parse.GetValue(actor)!, list, per, from, to, ids),
                (r, o) => Table(o, Header, Rows(r)), (r, o) => Csv(o, Header, Rows(r)), parse.GetValue(options.Format)!, plot, Charts.Trends);
        });
        return command;
    }

    private static readonly string[] Header =
        ["period", "partner", "name", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "events", "goldstein_sum", "goldstein_mean", "share"];

    private static IEnumerable<string[]> Rows(TrendsReport r) => r.Rows.Select(x => new[]
    {
        x.Period, x.Partner, x.PartnerName, N(x.Quads.VerbalCooperation), N(x.Quads.MaterialCooperation), N(x.Quads.VerbalConflict),
        N(x.Quads.MaterialConflict), N(x.Events), N(x.GoldsteinSum), N(x.GoldsteinMean), N(x.Share),
    });
}
