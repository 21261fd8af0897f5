using System.Diagnostics;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Actors;
using Dyad.Stages.Sentences;
using Dyad.Stages.Tokens;
using Xunit.Abstractions;

namespace Dyad.Tests.Stages.Actors;

public class ActorSpeedTests(ITestOutputHelper output)
{
    [Fact]
    public void TheRecognizerSpeedIsReported()
    {
        // Our own sentences, repeated; the figure is printed, not asserted (timings vary with the machine).
        var text = string.Concat(Enumerable.Repeat(
            "In 2004, Russia and Kazakhstan agreed to explore the shelf. The Kazakh government asked Uzbek forces to leave. "
            + "Talks in Almaty ended late, and President Nazarbayev met Chinese President Hu Jintao. They signed a deal. "
            + "Western oil companies and a British firm complained to the European Union about a court in Kazakhstan. ", 400));
        var analysis = new Analysis(new Document("speed", text));
        new SentenceSplitter().Run(analysis);
        new Tokenizer().Run(analysis);
        var stage = new ActorRecognizer();
        stage.Run(analysis);
        analysis.Actors.Clear();
        var clock = Stopwatch.StartNew();
        stage.Run(analysis);
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{analysis.Sentences.Count} sentences, {analysis.Actors.Count} mentions in {seconds * 1000:0} ms: {analysis.Sentences.Count / seconds:0} sentences/s");
        Assert.NotEmpty(analysis.Actors);
    }
}
