namespace Dyad.Cli;

/// <summary>The exit codes every verb uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>At least one input could not be read or coded; the others were.</summary>
    public const int InputFailed = 1;

    /// <summary>The command line was wrong: an unknown verb or option, a missing argument, a value out of range.</summary>
    public const int Usage = 2;

    public const int Internal = 3;

    /// <summary>The database could not be opened or written (down, refused, corrupt, full, other schema version).</summary>
    public const int StoreFailed = 4;
}
