namespace Dyad.Pipeline;

/// <summary>One step of the pipeline: reads what earlier stages found and adds its own annotations.</summary>
public interface IStage
{
    /// <summary>A short name for diagnostics and traces.</summary>
    string Name { get; }

    /// <summary>Annotates the analysis. Must not throw on odd text: record a <see cref="Diagnostic"/> instead.</summary>
    void Run(Analysis analysis);
}
