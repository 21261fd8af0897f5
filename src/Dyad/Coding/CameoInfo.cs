namespace Dyad.Coding;

/// <summary>What the output says about a CAMEO code: its Goldstein value and PLOVER type (from <see cref="CameoTable"/>).</summary>
public readonly record struct CameoInfo(double Goldstein, string? Plover)
{
    public static CameoInfo Of(EventCode code, GoldsteinScheme scheme = GoldsteinScheme.Gdelt)
    {
        var entry = CameoTable.Default.Find(code);
        return new(CameoTable.Default.Goldstein(code, scheme), entry?.Plover);
    }
}
