namespace Dyad.Pipeline;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Something a stage noticed about untrusted text; recorded instead of thrown.</summary>
public sealed record Diagnostic(Severity Severity, string Stage, string Message, int? Sentence = null);
