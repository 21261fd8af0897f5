using System.Diagnostics;
using System.Globalization;
using Dyad.Documents.Readers;
using Dyad.Pipeline;
using Dyad.Stages.Sentences;
using Dyad.Stages.Syntax;

namespace Dyad.Storage.Bench;

/// <summary>The syntax figures of `dyad bench`: model load time and UD tokenizing + tagging + lemmas + parsing on one thread.</summary>
internal static class SyntaxBench
{
    public static void Run(string corpus, List<BenchFigure> figures, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var model = SyntaxModel.Default;
        var load = clock.Elapsed.TotalSeconds;
        figures.Add(new("syntax model load", load * 1000, "ms", 1000, HigherIsBetter: false));
        var pipeline = new PipelineBuilder().UseSentences().UseSyntax(model).Build();
        foreach (var warm in DocumentReader.Read(corpus).Take(50))
            pipeline.Run(warm.Document!);
        long sentences = 0, words = 0;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        clock.Restart();
        foreach (var result in DocumentReader.Read(corpus))
        {
            var analysis = pipeline.Run(result.Document!);
            sentences += analysis.Syntax.Count;
            foreach (var s in analysis.Syntax)
                words += s.Count;
        }
        var wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        figures.Add(new("syntax: UD tokens, tags, lemmas, tree, 1 thread (wall)", sentences / wall, "sentences/s", 10_000));
        figures.Add(new("syntax: the same, per CPU-second", sentences / Math.Max(cpuSeconds, 1e-6), "sentences/CPU-s", 10_000));
        log(string.Create(CultureInfo.InvariantCulture, $"syntax: {sentences} sentences, {words} words in {wall:0.00} s; model loaded in {load:0.00} s"));
    }
}
