using Dyad.Stages.Actors;

namespace Dyad.Cli.Commands;

/// <summary>Turns an actor a user typed (a code or a name) into a code, saying what a name became or what was meant.</summary>
internal static class ActorNames
{
    /// <summary>The code, or null after one line on stderr naming the option, the value and the nearest name.</summary>
    public static string? Resolve(string option, string text)
    {
        var found = ActorLookup.Resolve(text);
        if (found.Code is { } code)
        {
            if (!text.Equals(code, StringComparison.OrdinalIgnoreCase))
                Console.Error.WriteLine($"dyad: {option}: {text} = {code}");
            return code;
        }
        var hint = found.Suggestion is { } s ? $"; did you mean {s}?" : "; give a code such as KAZ or a name such as Kazakhstan";
        Console.Error.WriteLine($"dyad: {option} '{text}': no actor of that name{hint}");
        return null;
    }
}
