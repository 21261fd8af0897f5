namespace Dyad.Stages.Syntax;

/// <summary>
/// The features of a parser configuration, after Zhang and Nivre (2011) adapted to arc-hybrid: words and tags of
/// s0..s2 and b0..b2, pairs and triples of them, distance, valency, nearest children and the labels on them.
/// Index 0 is the root and <see cref="ParseState.None"/> an absent position; both have their own word and tag values.
/// </summary>
internal static class ParserFeatures
{
    public const int Max = 96;

    private const long NoWord = 0x7E57, RootWord = 0x4007;
    private const int NoTag = 1000, RootTag = 1001, NoLabel = 1000;

    public static int Extract(ParseState s, long[] words, int[] tags, Span<long> f)
    {
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2), b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
        long ws0 = W(words, s0), ws1 = W(words, s1), ws2 = W(words, s2), wb0 = W(words, b0), wb1 = W(words, b1), wb2 = W(words, b2);
        long ps0 = P(tags, s0), ps1 = P(tags, s1), ps2 = P(tags, s2), pb0 = P(tags, b0), pb1 = P(tags, b1), pb2 = P(tags, b2);
        int s0l1 = Kid(s.Left1, s0), s0l2 = Kid(s.Left2, s0), s0r1 = Kid(s.Right1, s0), s0r2 = Kid(s.Right2, s0);
        int b0l1 = Kid(s.Left1, b0), b0l2 = Kid(s.Left2, b0), s1r1 = Kid(s.Right1, s1), s1l1 = Kid(s.Left1, s1);
        long ds0b0 = s0 > 0 && b0 > 0 ? Math.Min(b0 - s0, 6) : 0;
        long ds1s0 = s1 >= 0 && s0 > 0 ? Math.Min(s0 - s1, 6) : 0;
        long vls0 = s0 >= 0 ? Math.Min(s.LeftCount[s0], 4) : 9, vrs0 = s0 >= 0 ? Math.Min(s.RightCount[s0], 4) : 9;
        long vlb0 = b0 >= 0 ? Math.Min(s.LeftCount[b0], 4) : 9, vrs1 = s1 >= 0 ? Math.Min(s.RightCount[s1], 4) : 9;
        var k = 0;
        f[k++] = FeatureHash.Of(0);
        f[k++] = FeatureHash.Of(1, ws0);
        f[k++] = FeatureHash.Of(2, ps0);
        f[k++] = FeatureHash.Of(3, ws0, ps0);
        f[k++] = FeatureHash.Of(4, wb0);
        f[k++] = FeatureHash.Of(5, pb0);
        f[k++] = FeatureHash.Of(6, wb0, pb0);
        f[k++] = FeatureHash.Of(7, wb1);
        f[k++] = FeatureHash.Of(8, pb1);
        f[k++] = FeatureHash.Of(9, wb1, pb1);
        f[k++] = FeatureHash.Of(10, wb2);
        f[k++] = FeatureHash.Of(11, pb2);
        f[k++] = FeatureHash.Of(12, wb2, pb2);
        f[k++] = FeatureHash.Of(13, ws1);
        f[k++] = FeatureHash.Of(14, ps1);
        f[k++] = FeatureHash.Of(15, ws1, ps1);
        f[k++] = FeatureHash.Of(16, ps2);
        f[k++] = FeatureHash.Of(17, ws2);
        // Pairs.
        f[k++] = FeatureHash.Of(20, ws0 * 31 + ps0, wb0 * 31 + pb0);
        f[k++] = FeatureHash.Of(21, ws0 * 31 + ps0, wb0);
        f[k++] = FeatureHash.Of(22, ws0, wb0 * 31 + pb0);
        f[k++] = FeatureHash.Of(23, ws0 * 31 + ps0, pb0);
        f[k++] = FeatureHash.Of(24, ps0, wb0 * 31 + pb0);
        f[k++] = FeatureHash.Of(25, ws0, wb0);
        f[k++] = FeatureHash.Of(26, ps0, pb0);
        f[k++] = FeatureHash.Of(27, pb0, pb1);
        f[k++] = FeatureHash.Of(28, ws1 * 31 + ps1, ws0 * 31 + ps0);
        f[k++] = FeatureHash.Of(29, ws1, ws0);
        f[k++] = FeatureHash.Of(30, ps1, ps0);
        f[k++] = FeatureHash.Of(31, ps1, ws0);
        f[k++] = FeatureHash.Of(32, ws1, ps0);
        f[k++] = FeatureHash.Of(33, ws1 * 31 + ps1, ps0);
        f[k++] = FeatureHash.Of(34, ps1, ws0 * 31 + ps0);
        // Triples of tags.
        f[k++] = FeatureHash.Of(40, pb0, pb1, pb2);
        f[k++] = FeatureHash.Of(41, ps0, pb0, pb1);
        f[k++] = FeatureHash.Of(42, ps1, ps0, pb0);
        f[k++] = FeatureHash.Of(43, ps0, P(tags, s0l1), pb0);
        f[k++] = FeatureHash.Of(44, ps0, P(tags, s0r1), pb0);
        f[k++] = FeatureHash.Of(45, ps0, pb0, P(tags, b0l1));
        f[k++] = FeatureHash.Of(46, ps1, P(tags, s1r1), ps0);
        f[k++] = FeatureHash.Of(47, ps2, ps1, ps0);
        f[k++] = FeatureHash.Of(48, ps1, ps0, P(tags, s0l1));
        f[k++] = FeatureHash.Of(49, ps1, P(tags, s1l1), ps0);
        // Distance.
        f[k++] = FeatureHash.Of(50, ws0, ds0b0);
        f[k++] = FeatureHash.Of(51, ps0, ds0b0);
        f[k++] = FeatureHash.Of(52, wb0, ds0b0);
        f[k++] = FeatureHash.Of(53, pb0, ds0b0);
        f[k++] = FeatureHash.Of(54, ws0, wb0, ds0b0);
        f[k++] = FeatureHash.Of(55, ps0, pb0, ds0b0);
        f[k++] = FeatureHash.Of(56, ps1, ps0, ds1s0);
        f[k++] = FeatureHash.Of(57, ws1, ws0, ds1s0);
        f[k++] = FeatureHash.Of(58, ps1 * 31 + ws0, ps0, ds1s0);
        // Valency.
        f[k++] = FeatureHash.Of(60, ws0, vrs0);
        f[k++] = FeatureHash.Of(61, ps0, vrs0);
        f[k++] = FeatureHash.Of(62, ws0, vls0);
        f[k++] = FeatureHash.Of(63, ps0, vls0);
        f[k++] = FeatureHash.Of(64, wb0, vlb0);
        f[k++] = FeatureHash.Of(65, pb0, vlb0);
        f[k++] = FeatureHash.Of(66, ps1, vrs1);
        f[k++] = FeatureHash.Of(67, ws1, vrs1);
        // Nearest children.
        f[k++] = FeatureHash.Of(70, W(words, s0l1));
        f[k++] = FeatureHash.Of(71, P(tags, s0l1));
        f[k++] = FeatureHash.Of(72, L(s, s0l1));
        f[k++] = FeatureHash.Of(73, W(words, s0r1));
        f[k++] = FeatureHash.Of(74, P(tags, s0r1));
        f[k++] = FeatureHash.Of(75, L(s, s0r1));
        f[k++] = FeatureHash.Of(76, W(words, b0l1));
        f[k++] = FeatureHash.Of(77, P(tags, b0l1));
        f[k++] = FeatureHash.Of(78, L(s, b0l1));
        f[k++] = FeatureHash.Of(79, W(words, s1r1));
        f[k++] = FeatureHash.Of(80, P(tags, s1r1));
        f[k++] = FeatureHash.Of(81, L(s, s1r1));
        f[k++] = FeatureHash.Of(82, P(tags, s0l2), L(s, s0l2));
        f[k++] = FeatureHash.Of(83, P(tags, s0r2), L(s, s0r2));
        f[k++] = FeatureHash.Of(84, P(tags, b0l2), L(s, b0l2));
        f[k++] = FeatureHash.Of(85, ps0, P(tags, s0l1), P(tags, s0l2));
        f[k++] = FeatureHash.Of(86, ps0, P(tags, s0r1), P(tags, s0r2));
        f[k++] = FeatureHash.Of(87, pb0, P(tags, b0l1), P(tags, b0l2));
        f[k++] = FeatureHash.Of(88, ps0 * 2003 + L(s, s0l1), L(s, s0r1), pb0);
        f[k++] = FeatureHash.Of(89, ws0, L(s, s0l1), L(s, s0r1));
        // Label sets.
        f[k++] = FeatureHash.Of(90, ws0, s0 >= 0 ? (long)s.LeftLabels[s0] : -1);
        f[k++] = FeatureHash.Of(91, ps0, s0 >= 0 ? (long)s.LeftLabels[s0] : -1);
        f[k++] = FeatureHash.Of(92, ws0, s0 >= 0 ? (long)s.RightLabels[s0] : -1);
        f[k++] = FeatureHash.Of(93, ps0, s0 >= 0 ? (long)s.RightLabels[s0] : -1);
        f[k++] = FeatureHash.Of(94, wb0, b0 >= 0 ? (long)s.LeftLabels[b0] : -1);
        f[k++] = FeatureHash.Of(95, pb0, b0 >= 0 ? (long)s.LeftLabels[b0] : -1);
        f[k++] = FeatureHash.Of(96, ps1, s1 >= 0 ? (long)s.RightLabels[s1] : -1);
        return k;
    }

    private static int Kid(int[] kids, int x) => x >= 0 ? kids[x] : ParseState.None;

    private static long W(long[] words, int x) => x > 0 ? words[x] : x == 0 ? RootWord : NoWord;

    private static long P(int[] tags, int x) => x > 0 ? tags[x] : x == 0 ? RootTag : NoTag;

    private static long L(ParseState s, int x) => x > 0 && s.Label[x] >= 0 ? s.Label[x] : NoLabel;
}
