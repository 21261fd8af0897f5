using Dyad.Coding;
using Dyad.Pipeline;

namespace Dyad.Stages.Anchoring;

/// <summary>First version: an event takes the first date of its sentence, else the report date (flagged).</summary>
public sealed class FirstDateAnchoring : IStage
{
    public string Name => "anchoring";

    public void Run(Analysis analysis)
    {
        var counter = 0;
        foreach (var e in analysis.Events)
        {
            var time = analysis.TimesIn(e.Sentence).FirstOrDefault();
            if (time is not null)
            {
                e.Date = time.Value;
            }
            else if (analysis.Document.Published is { } published)
            {
                e.Date = DateValue.Reported(published);
                e.DateIsReportDate = true;
            }
            if (e.EventId.Length == 0)
                e.EventId = $"e{++counter}";
        }
    }
}

public static class FirstDateAnchoringExtensions
{
    public static PipelineBuilder UseAnchoring(this PipelineBuilder builder) => builder.Replace(new FirstDateAnchoring());
}
