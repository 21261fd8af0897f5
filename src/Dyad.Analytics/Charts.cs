using ScottPlot;

namespace Dyad.Analytics;

/// <summary>Charts of the analyses for reports, drawn with ScottPlot and saved as PNG or SVG (by the file's extension).</summary>
public static class Charts
{
    public const int Width = 900;
    public const int Height = 500;

    /// <summary>The message for a --plot file that is neither .png nor .svg.</summary>
    public const string BadExtension = "--plot: the file must end in .png or .svg";

    public static bool IsSupported(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg";

    // The quad classes in the colours the workbench uses: cooperation greens, conflict reds.
    private static readonly Color[] QuadColors = [Color.FromHex("#74c476"), Color.FromHex("#238b45"), Color.FromHex("#fc9272"), Color.FromHex("#cb181d")];

    private static readonly string[] QuadNames = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

    /// <summary>One line per partner: the actor's events with it per period.</summary>
    public static void Trends(TrendsReport report, string path)
    {
        var plot = New($"{report.Actor}: events with partners per {report.Per.ToString().ToLowerInvariant()}", "events");
        var x = Enumerable.Range(0, report.Periods.Count).Select(i => (double)i).ToArray();
        foreach (var partner in report.Partners)
        {
            var y = report.Periods.Select(p => (double)(report.Rows.FirstOrDefault(r => r.Partner == partner && r.Period == p)?.Events ?? 0)).ToArray();
            if (y.All(v => v == 0))
                continue;
            var line = plot.Add.Scatter(x, y);
            line.LegendText = partner;
            line.LineWidth = 2;
        }
        Finish(plot, report.Periods, path);
    }

    /// <summary>Stacked bars of the partners' shares of cooperation per period.</summary>
    public static void Balance(BalanceReport report, string path)
    {
        var plot = New($"{report.Actor}: shares of cooperative events by partner", "share");
        var labels = report.Periods.Select(p => p.Period).ToList();
        var partners = report.Periods.SelectMany(p => p.Shares).GroupBy(s => s.Partner)
            .OrderByDescending(g => g.Sum(s => s.Events)).Select(g => g.Key).ToList();
        var bases = new double[labels.Count];
        foreach (var partner in partners)
        {
            var color = plot.Add.GetNextColor();
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                var share = report.Periods[i].Shares.FirstOrDefault(s => s.Partner == partner)?.Share ?? 0;
                if (share <= 0)
                    continue;
                bars.Add(new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + share, FillColor = color });
                bases[i] += share;
            }
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = partner, FillColor = color });
        }
        Finish(plot, labels, path);
    }

    /// <summary>Stacked bars of the dyad's events by quad class per period.</summary>
    public static void Dyad(DyadReport report, string path)
    {
        var plot = New($"{report.A}–{report.B}: events by quad class", "events");
        var labels = report.Series.Select(p => p.Period).ToList();
        var bases = new double[labels.Count];
        for (var q = 0; q < 4; q++)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < labels.Count; i++)
            {
                var quads = report.Series[i].Quads;
                var n = q switch { 0 => quads.VerbalCooperation, 1 => quads.MaterialCooperation, 2 => quads.VerbalConflict, _ => quads.MaterialConflict };
                if (n == 0)
                    continue;
                bars.Add(new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + n, FillColor = QuadColors[q] });
                bases[i] += n;
            }
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = QuadNames[q], FillColor = QuadColors[q] });
        }
        Finish(plot, labels, path);
    }

    private static Plot New(string title, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void Finish(Plot plot, IReadOnlyList<string> periods, string path)
    {
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, periods.Count).Select(i => (double)i)], [.. periods]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
            plot.SaveSvg(path, Width, Height);
        else
            plot.SavePng(path, Width, Height);
    }
}
