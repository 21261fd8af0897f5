using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>A frozen list of stages, safe to run on many documents in parallel.</summary>
public sealed class Pipeline
{
    private readonly IStage[] _stages;

    internal Pipeline(IEnumerable<IStage> stages) => _stages = [.. stages];

    public IReadOnlyList<IStage> Stages => _stages;

    /// <summary>Runs every stage in order. A stage that fails on this document is reported, not rethrown.</summary>
    public Analysis Run(Document document, bool trace = false)
    {
        var analysis = new Analysis(document) { Tracing = trace };
        foreach (var stage in _stages)
        {
            try
            {
                stage.Run(analysis);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                analysis.Diagnostics.Add(new Diagnostic(Severity.Error, stage.Name, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        return analysis;
    }
}
