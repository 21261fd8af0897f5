using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Dyad.Coding;

/// <summary>
/// An actor code: an ISO 3166-1 alpha-3 state with an optional CAMEO sector (<c>KAZGOV</c>),
/// an organization acronym (<c>NATO</c>, <c>P5+1</c>), a region (<c>WST</c>) or <c>---REB</c>.
/// </summary>
public readonly partial record struct ActorCode
{
    private ActorCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The first three letters: the state, region or "---" part of a code.</summary>
    public string Head => Value.Length >= 3 ? Value[..3] : Value;

    /// <summary>The CAMEO sector after a state code (GOV, MIL, BUS…), or empty.</summary>
    public string Sector => IsStateLike && Value.Length > 3 ? Value[3..] : string.Empty;

    /// <summary>True when the code starts with a state or region code followed by sectors of three letters.</summary>
    public bool IsStateLike => StateLike().IsMatch(Value);

    /// <summary>The same state (or region) with another sector.</summary>
    public ActorCode WithSector(string sector) => IsStateLike ? new ActorCode(Head + sector.ToUpperInvariant()) : this;

    public static ActorCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"not an actor code: '{text}'");

    public static bool TryParse([NotNullWhen(true)] string? text, out ActorCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var value = text.Trim().ToUpperInvariant();
        if (!Shape().IsMatch(value))
            return false;
        code = new ActorCode(value);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^[A-Z0-9+\-]{2,16}$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^([A-Z]{3}|---)([A-Z]{3})*$")]
    private static partial Regex StateLike();
}
