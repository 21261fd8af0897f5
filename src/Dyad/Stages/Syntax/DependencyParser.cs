namespace Dyad.Stages.Syntax;

/// <summary>A greedy arc-hybrid dependency parser scored by an averaged perceptron (see <see cref="ParseState"/>).</summary>
internal sealed class DependencyParser
{
    public DependencyParser(string[] labels, WeightTable weights)
    {
        Labels = labels;
        Weights = weights;
        RootLabel = Math.Max(0, Array.IndexOf(labels, "root"));
    }

    /// <summary>The relations with subtypes; the parser's classes are SHIFT, then LEFT and RIGHT for each.</summary>
    public string[] Labels { get; }

    public WeightTable Weights { get; }

    public int RootLabel { get; }

    public static int ClassCount(int labels) => 1 + 2 * labels;

    /// <summary>Parses words 1..n (word hashes and tag ids indexed from 1) into the state's Head and Label arrays.</summary>
    public void Parse(ParseState state, long[] words, int[] tags, int n)
    {
        state.Reset(n);
        Span<long> features = stackalloc long[ParserFeatures.Max];
        Span<float> scores = stackalloc float[Weights.Classes];
        while (!state.IsFinal)
        {
            var count = ParserFeatures.Extract(state, words, tags, features);
            scores.Clear();
            Weights.AddAll(features[..count], scores);
            state.Apply(Best(state, scores, Labels.Length, RootLabel), Labels.Length);
        }
    }

    /// <summary>The best-scoring move the state allows (RIGHT onto the root always carries the root label).</summary>
    public static int Best(ParseState s, ReadOnlySpan<float> scores, int labels, int rootLabel)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (s.CanShift)
        {
            best = 0;
            bestScore = scores[0];
        }
        if (s.CanLeft)
        {
            for (var l = 0; l < labels; l++)
            {
                if (l != rootLabel && scores[1 + l] > bestScore)
                {
                    best = 1 + l;
                    bestScore = scores[1 + l];
                }
            }
        }
        if (s.CanRight)
        {
            if (s.RightIsRoot)
            {
                if (best < 0 || scores[1 + labels + rootLabel] > bestScore)
                    best = 1 + labels + rootLabel;
            }
            else
            {
                for (var l = 0; l < labels; l++)
                {
                    if (l != rootLabel && scores[1 + labels + l] > bestScore)
                    {
                        best = 1 + labels + l;
                        bestScore = scores[1 + labels + l];
                    }
                }
            }
        }
        return best;
    }
}
