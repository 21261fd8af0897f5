namespace Dyad.Pipeline;

/// <summary>Configures the stages once and builds a frozen <see cref="Pipeline"/>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    /// <summary>Appends a stage; stages run in the order they are added.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Replaces the stage of the same type, or appends it.</summary>
    public PipelineBuilder Replace<T>(T stage)
        where T : IStage
    {
        var at = _stages.FindIndex(s => s is T);
        if (at < 0)
            _stages.Add(stage);
        else
            _stages[at] = stage;
        return this;
    }

    public bool Has<T>()
        where T : IStage => _stages.Any(s => s is T);

    public Pipeline Build() => new(_stages);
}
