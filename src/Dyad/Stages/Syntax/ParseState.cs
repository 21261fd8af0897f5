namespace Dyad.Stages.Syntax;

/// <summary>
/// The configuration of the arc-hybrid transition system: a stack whose bottom is the root (0), a buffer of the
/// words not yet read (1..n), and the arcs so far with each word's nearest and second-nearest children on each side.
/// Transitions: SHIFT; LEFT-l (head b0, dependent s0, pop); RIGHT-l (head s1, dependent s0, pop).
/// Class ids: 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l for L labels.
/// </summary>
internal sealed class ParseState
{
    public const int None = -1;

    public int N;
    public int[] Stack = new int[64];
    public int Depth;
    public int Front;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];

    /// <summary>Starts a sentence of <paramref name="n"/> words: the root on the stack, every word in the buffer.</summary>
    public void Reset(int n)
    {
        N = n;
        if (Head.Length < n + 2)
        {
            var size = Math.Max(n + 2, Head.Length * 2);
            Stack = new int[size];
            Head = new int[size];
            Label = new int[size];
            Left1 = new int[size];
            Left2 = new int[size];
            Right1 = new int[size];
            Right2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }
        for (var i = 0; i <= n; i++)
        {
            Head[i] = None;
            Label[i] = None;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = None;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }
        Stack[0] = 0;
        Depth = 1;
        Front = 1;
    }

    public bool IsFinal => Front > N && Depth == 1;

    /// <summary>The i-th item from the top of the stack (0 = top), or None.</summary>
    public int S(int i) => Depth - 1 - i >= 0 ? Stack[Depth - 1 - i] : None;

    /// <summary>The i-th word of the buffer, or None.</summary>
    public int B(int i) => Front + i <= N ? Front + i : None;

    public bool CanShift => Front <= N;

    public bool CanLeft => Depth >= 2 && Front <= N;

    public bool CanRight => Depth >= 3 || (Depth == 2 && Front > N);

    /// <summary>True when RIGHT would make the root arc (s1 is the root): its label is then always "root".</summary>
    public bool RightIsRoot => Depth == 2;

    public void Apply(int move, int labels)
    {
        if (move == 0)
        {
            Stack[Depth++] = Front++;
        }
        else if (move <= labels)
        {
            var d = Stack[--Depth];
            Attach(Front, d, move - 1);
        }
        else
        {
            var d = Stack[--Depth];
            Attach(Stack[Depth - 1], d, move - 1 - labels);
        }
    }

    private void Attach(int head, int dep, int label)
    {
        Head[dep] = head;
        Label[dep] = label;
        var bit = 1UL << (label & 63);
        if (dep < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (Left1[head] == None || dep < Left1[head])
            {
                Left2[head] = Left1[head];
                Left1[head] = dep;
            }
            else if (Left2[head] == None || dep < Left2[head])
            {
                Left2[head] = dep;
            }
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (Right1[head] == None || dep > Right1[head])
            {
                Right2[head] = Right1[head];
                Right1[head] = dep;
            }
            else if (Right2[head] == None || dep > Right2[head])
            {
                Right2[head] = dep;
            }
        }
    }
}
