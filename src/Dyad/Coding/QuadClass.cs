namespace Dyad.Coding;

/// <summary>The four-way grouping of CAMEO roots.</summary>
public enum QuadClass
{
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

/// <summary>Which published grouping of roots into quad classes to use.</summary>
public enum QuadScheme
{
    /// <summary>The common (ICEWS) grouping: 01–05, 06–08, 09–13, 14–20.</summary>
    Common,

    /// <summary>GDELT's grouping: 01–04, 05–08, 09–13, 14–20 (statements and consultations verbal; 05 material).</summary>
    Gdelt,

    /// <summary>The Phoenix pipeline's grouping: 01 and 02 neutral-verbal, 14 and 16 verbal conflict.</summary>
    Phoenix,
}

public static class QuadClasses
{
    public static QuadClass Of(EventCode code, QuadScheme scheme = QuadScheme.Common)
    {
        var root = code.RootNumber;
        return scheme switch
        {
            QuadScheme.Gdelt => root switch
            {
                <= 4 => QuadClass.VerbalCooperation,
                <= 8 => QuadClass.MaterialCooperation,
                <= 13 => QuadClass.VerbalConflict,
                _ => QuadClass.MaterialConflict,
            },
            QuadScheme.Phoenix => root switch
            {
                1 or 2 => QuadClass.VerbalCooperation,
                <= 5 => QuadClass.VerbalCooperation,
                <= 8 => QuadClass.MaterialCooperation,
                <= 13 or 14 or 16 => QuadClass.VerbalConflict,
                _ => QuadClass.MaterialConflict,
            },
            _ => root switch
            {
                <= 5 => QuadClass.VerbalCooperation,
                <= 8 => QuadClass.MaterialCooperation,
                <= 13 => QuadClass.VerbalConflict,
                _ => QuadClass.MaterialConflict,
            },
        };
    }
}
