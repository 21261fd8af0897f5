namespace Dyad.Coding;

/// <summary>What the output says about a CAMEO code: its Goldstein value and PLOVER type.</summary>
public readonly record struct CameoInfo(double Goldstein, string? Plover)
{
    // First version: one value per root; the CAMEO table issue replaces this with a value per code.
    private static readonly double[] RootGoldstein = [0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0, -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0];

    private static readonly string?[] RootPlover =
        [null, null, null, "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "ACCUSE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT"];

    public static CameoInfo Of(EventCode code) => new(RootGoldstein[code.RootNumber], RootPlover[code.RootNumber]);
}
