namespace Dyad.Stages.Events;

/// <summary>
/// Matches the words after a pattern's head ("impose sanctions", "have a meeting") so that modifiers may stand
/// before a content word ("imposed broad sanctions", "had an official meeting") and a noun may be singular or
/// plural ("imposed a sanction"). Which words are never skipped, and which phrase words must follow at once,
/// is the word class <c>gap-stop</c> in classes.tsv.
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>At most this many modifiers stand before one phrase word.</summary>
    private const int MaxGap = 2;

    /// <summary>True when the pattern's further words follow the head at <paramref name="head"/>; <paramref name="end"/> is the index after the match.</summary>
    public static bool Matches(EventPattern p, SentenceView view, PatternTable table, int head, out int end)
    {
        end = head + 1;
        var k = head + 1;
        foreach (var want in p.Rest)
        {
            var gap = 0;
            while (true)
            {
                if (k >= view.Count)
                    return false;
                if (Fits(want, view.Words[k]))
                    break;
                // Only a content word of the phrase may have modifiers before it, and only plain words are modifiers.
                if (gap == MaxGap || IsStop(want, table) || !IsModifier(view, table, k))
                    return false;
                gap++;
                k++;
            }
            k++;
        }
        end = k;
        return true;
    }

    private static bool IsStop(string want, PatternTable table)
    {
        foreach (var w in want.Split('|'))
        {
            if (table.InClass("gap-stop", w))
                return true;
        }
        return false;
    }

    private static bool IsModifier(SentenceView view, PatternTable table, int k) =>
        view.GroupAt[k] is null && view.Tokens[k].IsWord && !view.Tokens[k].IsCapitalized && !table.InClass("gap-stop", view.Words[k])
        && table.Candidates(view.Words[k]).Count == 0;

    /// <summary>The word is one of the '|'-separated alternatives, or its singular or plural.</summary>
    private static bool Fits(string want, string have)
    {
        foreach (var w in want.Split('|'))
        {
            if (w == have)
                return true;
            // "sanctions" also matches "sanction", "meeting" also "meetings".
            if (w.Length > 3 && (have == w + "s" || w == have + "s" || w.EndsWith('y') && have == w[..^1] + "ies"))
                return true;
        }
        return false;
    }
}
