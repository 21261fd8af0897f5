namespace Dyad.Stages.Syntax;

/// <summary>
/// The dynamic oracle of the arc-hybrid system (Goldberg and Nivre 2013): how many gold arcs each move makes
/// unreachable from the current configuration. Exact for projective gold trees, which training makes by lifting.
/// </summary>
internal static class Oracle
{
    /// <summary>Cost of SHIFT, LEFT and RIGHT (int.MaxValue when the move is not allowed).</summary>
    public static (int Shift, int Left, int Right) Costs(ParseState s, int[] goldHead)
    {
        var shift = int.MaxValue;
        var left = int.MaxValue;
        var right = int.MaxValue;
        var s0 = s.S(0);
        var b0 = s.B(0);
        if (s.CanShift)
        {
            // b0 moves onto the stack: it loses dependents on the stack and a head below s0.
            var c = 0;
            for (var i = 0; i < s.Depth; i++)
            {
                var x = s.Stack[i];
                if (x != 0 && goldHead[x] == b0)
                    c++;
                if (goldHead[b0] == x && i < s.Depth - 1)
                    c++;
            }
            shift = c;
        }
        if (s.CanLeft || s.CanRight)
        {
            // s0 is popped: it loses the dependents still in the buffer.
            var lost = 0;
            for (var b = s.Front; b <= s.N; b++)
            {
                if (goldHead[b] == s0)
                    lost++;
            }
            var h = goldHead[s0];
            var s1 = s.S(1);
            var headInBuffer = h >= s.Front;
            if (s.CanLeft)
                left = lost + ((h == s1 && s1 != ParseState.None) || (headInBuffer && h != b0) ? 1 : 0);
            if (s.CanRight)
                right = lost + (headInBuffer ? 1 : 0);
        }
        return (shift, left, right);
    }

    /// <summary>
    /// Lifts non-projective arcs (the dependent moves up to its head's head) until the tree is projective;
    /// returns the new heads and how many arcs were lifted.
    /// </summary>
    public static (int[] Heads, int Lifted) Projectivize(int[] heads)
    {
        var h = (int[])heads.Clone();
        var lifted = 0;
        while (true)
        {
            var worst = -1;
            var worstLength = int.MaxValue;
            for (var d = 1; d < h.Length; d++)
            {
                if (h[d] > 0 && !IsProjective(h, d) && Math.Abs(h[d] - d) < worstLength)
                {
                    worst = d;
                    worstLength = Math.Abs(h[d] - d);
                }
            }
            if (worst < 0 || lifted > h.Length * 4)
                return (h, lifted);
            h[worst] = h[h[worst]];
            lifted++;
        }
    }

    // The arc into d is projective when every word between d and its head descends from the head.
    private static bool IsProjective(int[] h, int d)
    {
        var head = h[d];
        var (lo, hi) = d < head ? (d, head) : (head, d);
        for (var k = lo + 1; k < hi; k++)
        {
            var x = k;
            var steps = 0;
            while (x != head && x > 0 && steps++ < h.Length)
                x = h[x];
            if (x != head)
                return false;
        }
        return true;
    }
}
