namespace Dyad.Stages.Syntax;

/// <summary>
/// A greedy left-to-right part-of-speech tagger over joint "UPOS|XPOS" classes: an averaged perceptron with word,
/// affix, shape, context-word, ambiguity-class and previous-tag features. Frequent unambiguous words skip the model.
/// </summary>
internal sealed class Tagger
{
    public const int MaxFeatures = 40;

    public Tagger(string[] tags, WeightTable weights, WeightTable? second, Dictionary<long, long> ambiguity, Dictionary<long, int> sure)
    {
        Tags = tags;
        Weights = weights;
        Second = second;
        Ambiguity = ambiguity;
        Sure = sure;
    }

    /// <summary>The joint classes, "UPOS|XPOS".</summary>
    public string[] Tags { get; }

    public WeightTable Weights { get; }

    /// <summary>The second pass, which also sees the first pass's tags of the next two words (null: one pass).</summary>
    public WeightTable? Second { get; }

    /// <summary>Lowercased word hash → hash of the set of tags it takes in training (its ambiguity class).</summary>
    public Dictionary<long, long> Ambiguity { get; }

    /// <summary>Exact word hash → the one tag a frequent word always takes in training.</summary>
    public Dictionary<long, int> Sure { get; }

    /// <summary>Tags the words into <paramref name="tags"/> (joint class ids); <paramref name="first"/> holds the first pass.</summary>
    public void Tag(WordInfo[] words, int n, Span<int> tags, Span<int> first)
    {
        Pass(Weights, words, n, first, default);
        if (Second is null)
            first[..n].CopyTo(tags);
        else
            Pass(Second, words, n, tags, first);
    }

    private void Pass(WeightTable weights, WordInfo[] words, int n, Span<int> tags, ReadOnlySpan<int> first)
    {
        Span<long> features = stackalloc long[MaxFeatures];
        Span<float> scores = stackalloc float[weights.Classes];
        for (var i = 0; i < n; i++)
        {
            if (Sure.TryGetValue(words[i].Form, out var sure))
            {
                tags[i] = sure;
                continue;
            }
            var count = Features(words, n, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -2, features);
            if (!first.IsEmpty)
                count = RightTags(words, n, i, first, features, count);
            scores.Clear();
            weights.AddAll(features[..count], scores);
            tags[i] = ArgMax(scores);
        }
    }

    /// <summary>The second pass's extra features: the first pass's tags of the next two words, with the word and the previous tag.</summary>
    public static int RightTags(WordInfo[] w, int n, int i, ReadOnlySpan<int> first, Span<long> f, int k)
    {
        var n1 = i + 1 < n ? first[i + 1] : -3;
        var n2 = i + 2 < n ? first[i + 2] : -4;
        var p1 = i > 0 ? first[i - 1] : -1;
        f[k++] = FeatureHash.Of(40, n1);
        f[k++] = FeatureHash.Of(41, n1, n2);
        f[k++] = FeatureHash.Of(42, p1, n1);
        f[k++] = FeatureHash.Of(43, w[i].Lower, n1);
        f[k++] = FeatureHash.Of(44, w[i].Suf3, n1);
        f[k++] = FeatureHash.Of(45, first[i]);
        return k;
    }

    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
                best = c;
        }
        return best;
    }

    /// <summary>Fills the word-level values the features read.</summary>
    public void Describe(ReadOnlySpan<string> forms, WordInfo[] words)
    {
        for (var i = 0; i < forms.Length; i++)
        {
            words[i] = WordInfo.Of(forms[i]);
            words[i].Amb = Ambiguity.TryGetValue(words[i].Lower, out var a) ? a : 0;
        }
    }

    /// <summary>The features of word <paramref name="i"/> given the two previous tags; returns how many.</summary>
    public static int Features(WordInfo[] w, int n, int i, int p1, int p2, Span<long> f)
    {
        ref readonly var x = ref w[i];
        var prev = i > 0 ? w[i - 1] : WordInfo.Start;
        var prev2 = i > 1 ? w[i - 2] : WordInfo.Start;
        var next = i + 1 < n ? w[i + 1] : WordInfo.End;
        var next2 = i + 2 < n ? w[i + 2] : WordInfo.End;
        var k = 0;
        f[k++] = FeatureHash.Of(0);
        f[k++] = FeatureHash.Of(1, x.Lower);
        f[k++] = FeatureHash.Of(2, x.Form);
        f[k++] = FeatureHash.Of(3, x.Suf1);
        f[k++] = FeatureHash.Of(4, x.Suf2);
        f[k++] = FeatureHash.Of(5, x.Suf3);
        f[k++] = FeatureHash.Of(6, x.Suf4);
        f[k++] = FeatureHash.Of(7, x.Pre1);
        f[k++] = FeatureHash.Of(8, x.Pre2);
        f[k++] = FeatureHash.Of(9, x.Pre3);
        f[k++] = FeatureHash.Of(10, x.Shape);
        f[k++] = FeatureHash.Of(11, p1);
        f[k++] = FeatureHash.Of(12, p1, p2);
        f[k++] = FeatureHash.Of(13, p1, x.Lower);
        f[k++] = FeatureHash.Of(14, prev.Lower);
        f[k++] = FeatureHash.Of(15, prev.Suf3);
        f[k++] = FeatureHash.Of(16, prev2.Lower);
        f[k++] = FeatureHash.Of(17, next.Lower);
        f[k++] = FeatureHash.Of(18, next.Suf3);
        f[k++] = FeatureHash.Of(19, next2.Lower);
        f[k++] = FeatureHash.Of(20, prev.Lower, x.Lower);
        f[k++] = FeatureHash.Of(21, x.Lower, next.Lower);
        f[k++] = FeatureHash.Of(22, next.Amb);
        f[k++] = FeatureHash.Of(23, next2.Amb);
        f[k++] = FeatureHash.Of(24, x.Amb);
        f[k++] = FeatureHash.Of(25, p1, next.Amb);
        f[k++] = FeatureHash.Of(26, x.Flags, i == 0 ? 1 : 0);
        f[k++] = FeatureHash.Of(27, p1, x.Suf3);
        f[k++] = FeatureHash.Of(28, next.Shape);
        f[k++] = FeatureHash.Of(29, x.Amb, next.Amb);
        f[k++] = FeatureHash.Of(30, p1, x.Amb);
        f[k++] = FeatureHash.Of(31, prev.Shape, x.Shape);
        f[k++] = FeatureHash.Of(32, x.Suf2, next.Amb);
        return k;
    }
}

/// <summary>Hashes of one word's form and parts, computed once per word.</summary>
internal struct WordInfo
{
    public long Lower, Form, Shape, Pre1, Pre2, Pre3, Suf1, Suf2, Suf3, Suf4, Amb;
    public int Flags;

    public static readonly WordInfo Start = Marker(0x5AA5);
    public static readonly WordInfo End = Marker(0xA55A);

    private static WordInfo Marker(long v) => new() { Lower = v, Form = v, Shape = v, Pre1 = v, Pre2 = v, Pre3 = v, Suf1 = v, Suf2 = v, Suf3 = v, Suf4 = v, Amb = v, Flags = -1 };

    public static WordInfo Of(string form)
    {
        var s = form.AsSpan();
        var w = new WordInfo
        {
            Lower = FeatureHash.Lower(s),
            Form = FeatureHash.String(s),
            Shape = ShapeHash(s),
            Pre1 = FeatureHash.Lower(s[..Math.Min(1, s.Length)]) + 1,
            Pre2 = FeatureHash.Lower(s[..Math.Min(2, s.Length)]) + 2,
            Pre3 = FeatureHash.Lower(s[..Math.Min(3, s.Length)]) + 3,
            Suf1 = FeatureHash.Lower(s[Math.Max(0, s.Length - 1)..]) + 11,
            Suf2 = FeatureHash.Lower(s[Math.Max(0, s.Length - 2)..]) + 12,
            Suf3 = FeatureHash.Lower(s[Math.Max(0, s.Length - 3)..]) + 13,
            Suf4 = FeatureHash.Lower(s[Math.Max(0, s.Length - 4)..]) + 14,
        };
        var flags = 0;
        foreach (var c in s)
        {
            if (char.IsDigit(c))
                flags |= 1;
            else if (c == '-')
                flags |= 2;
            else if (char.IsUpper(c))
                flags |= 4;
            else if (!char.IsLetter(c))
                flags |= 8;
        }
        if (s.Length > 0 && char.IsUpper(s[0]))
            flags |= 16;
        w.Flags = flags;
        return w;
    }

    // "Xxxx", "dd.dd", "xx-Xxx": character classes with runs longer than three cut to three.
    private static long ShapeHash(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        char last = '\0';
        var run = 0;
        foreach (var ch in s)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'l' : ch;
            run = c == last ? run + 1 : 0;
            last = c;
            if (run >= 3)
                continue;
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return (long)h;
    }
}
