namespace Dyad.Stages.Syntax;

/// <summary>
/// Trains the <see cref="DependencyParser"/> with the dynamic oracle: from the second epoch on, it follows its own
/// (possibly wrong) moves nine times in ten and learns the best move from wherever it ends up.
/// Non-projective gold trees are made projective by lifting first.
/// </summary>
internal static class ParserTrainer
{
    /// <summary>A training sentence: word hashes and tag ids (index 0 = root), gold heads and label ids.</summary>
    public sealed record Example(long[] Words, int[] Tags, int[] Heads, int[] Labels);

    public static DependencyParser Train(string[] labels, IReadOnlyList<Example> train, Func<DependencyParser, double> devScore, int epochs, int seed, Action<string> log, Action<DependencyParser>? improved = null)
    {
        var classes = DependencyParser.ClassCount(labels.Length);
        var rootLabel = Math.Max(0, Array.IndexOf(labels, "root"));
        var model = new Perceptron(classes);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        var state = new ParseState();
        Span<long> features = stackalloc long[ParserFeatures.Max];
        Span<float> scores = stackalloc float[classes];
        DependencyParser? best = null;
        var bestScore = -1.0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long moves = 0, right = 0;
            foreach (var index in order)
            {
                var ex = train[index];
                var n = ex.Words.Length - 1;
                state.Reset(n);
                while (!state.IsFinal)
                {
                    var count = ParserFeatures.Extract(state, ex.Words, ex.Tags, features);
                    model.Score(features[..count], scores);
                    var guess = DependencyParser.Best(state, scores, labels.Length, rootLabel);
                    var (gold, guessCost) = BestZeroCost(state, ex, scores, labels.Length, rootLabel, guess);
                    if (guessCost > 0)
                        model.Update(features[..count], gold, guess);
                    else
                        right++;
                    model.Tick();
                    moves++;
                    var next = epoch > 1 && random.NextDouble() < 0.9 ? guess : gold;
                    state.Apply(next, labels.Length);
                }
            }
            var parser = new DependencyParser(labels, model.Average(0.001f));
            var score = devScore(parser);
            log($"parser epoch {epoch}: train moves right {(double)right / Math.Max(1, moves):0.0000}, dev LAS {score:0.0000}, {model.Features} features");
            if (score > bestScore)
            {
                bestScore = score;
                best = parser;
                improved?.Invoke(parser);
            }
        }
        return best ?? new DependencyParser(labels, model.Average(0.001f));
    }

    // The best-scoring move of least cost, and the cost of the guess.
    private static (int Gold, int GuessCost) BestZeroCost(ParseState s, Example ex, ReadOnlySpan<float> scores, int labels, int rootLabel, int guess)
    {
        var (shift, left, right) = Oracle.Costs(s, ex.Heads);
        var s0 = s.S(0);
        var b0 = s.B(0);
        var s1 = s.S(1);
        var leftArcIsGold = s0 > 0 && ex.Heads[s0] == b0;
        var rightArcIsGold = s0 > 0 && s1 >= 0 && ex.Heads[s0] == s1;
        int Cost(int move)
        {
            if (move == 0)
                return shift;
            if (move <= labels)
                return left == int.MaxValue ? int.MaxValue : left + (leftArcIsGold && move - 1 != ex.Labels[s0] ? 1 : 0);
            if (right == int.MaxValue)
                return int.MaxValue;
            return right + (rightArcIsGold && move - 1 - labels != ex.Labels[s0] ? 1 : 0);
        }
        var best = -1;
        var bestCost = int.MaxValue;
        var bestScore = float.NegativeInfinity;
        for (var move = 0; move < scores.Length; move++)
        {
            if (!Allowed(s, move, labels, rootLabel))
                continue;
            var c = Cost(move);
            if (c < bestCost || (c == bestCost && scores[move] > bestScore))
            {
                best = move;
                bestCost = c;
                bestScore = scores[move];
            }
        }
        return (best, Cost(guess) - bestCost);
    }

    private static bool Allowed(ParseState s, int move, int labels, int rootLabel)
    {
        if (move == 0)
            return s.CanShift;
        if (move <= labels)
            return s.CanLeft && move - 1 != rootLabel;
        if (!s.CanRight)
            return false;
        return s.RightIsRoot ? move - 1 - labels == rootLabel : move - 1 - labels != rootLabel;
    }
}
