namespace Dyad.Stages.Syntax;

/// <summary>Trains the <see cref="Tagger"/>: tag set, ambiguity classes and sure words from the data, then perceptron epochs.</summary>
internal static class TaggerTrainer
{
    public static string JointTag(SyntaxWord w) => w.Upos + "|" + w.Xpos;

    /// <summary>Trains for <paramref name="epochs"/> epochs and keeps the epoch that tags <paramref name="dev"/> best (the last one when dev is empty).</summary>
    public static Tagger Train(IReadOnlyList<ParsedSentence> train, IReadOnlyList<ParsedSentence> dev, int epochs, int seed, Action<string> log, bool twoPass = true)
    {
        var tags = train.SelectMany(s => s.Words).Select(JointTag).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagId = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var (ambiguity, sure) = Lexicon(train, tagId);
        var model = new Perceptron(tags.Length);
        var model2 = new Perceptron(tags.Length);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        Tagger? best = null;
        var bestScore = -1.0;
        var empty = new WeightTable(tags.Length, []);
        var describer = new Tagger(tags, empty, null, ambiguity, sure);
        var info = new WordInfo[16];
        var guesses = new int[16];
        var guesses2 = new int[16];
        Span<long> features = stackalloc long[Tagger.MaxFeatures];
        Span<float> scores = stackalloc float[tags.Length];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int seen = 0, right = 0;
            foreach (var index in order)
            {
                var sentence = train[index];
                var n = sentence.Count;
                if (info.Length < n)
                {
                    info = new WordInfo[n * 2];
                    guesses = new int[n * 2];
                    guesses2 = new int[n * 2];
                }
                describer.Describe([.. sentence.Words.Select(w => w.Form)], info);
                for (var i = 0; i < n; i++)
                {
                    var truth = tagId[JointTag(sentence.Words[i])];
                    if (sure.TryGetValue(info[i].Form, out var s))
                    {
                        guesses[i] = s;
                        continue;
                    }
                    var count = Tagger.Features(info, n, i, i > 0 ? guesses[i - 1] : -1, i > 1 ? guesses[i - 2] : -2, features);
                    model.Score(features[..count], scores);
                    var guess = Tagger.ArgMax(scores);
                    model.Update(features[..count], truth, guess);
                    model.Tick();
                    guesses[i] = guess;
                }
                // The second pass learns from the first pass's tags of the words ahead, as it will see them.
                for (var i = 0; i < n && !twoPass; i++)
                    right += guesses[i] == tagId[JointTag(sentence.Words[i])] ? 1 : 0;
                seen += twoPass ? 0 : n;
                for (var i = 0; i < n && twoPass; i++)
                {
                    var truth = tagId[JointTag(sentence.Words[i])];
                    if (sure.TryGetValue(info[i].Form, out var s))
                    {
                        guesses2[i] = s;
                        continue;
                    }
                    var count = Tagger.Features(info, n, i, i > 0 ? guesses2[i - 1] : -1, i > 1 ? guesses2[i - 2] : -2, features);
                    count = Tagger.RightTags(info, n, i, guesses, features, count);
                    model2.Score(features[..count], scores);
                    var guess = Tagger.ArgMax(scores);
                    model2.Update(features[..count], truth, guess);
                    model2.Tick();
                    guesses2[i] = guess;
                    seen++;
                    right += guess == truth ? 1 : 0;
                }
            }
            var tagger = new Tagger(tags, model.Average(0.001f), twoPass ? model2.Average(0.001f) : null, ambiguity, sure);
            var score = dev.Count > 0 ? Accuracy(tagger, dev) : epoch;
            log($"tagger epoch {epoch}: train {(double)right / Math.Max(1, seen):0.0000}, dev UPOS|XPOS {score:0.0000}, {model.Features} features");
            if (score > bestScore)
            {
                bestScore = score;
                best = tagger;
            }
        }
        return best ?? new Tagger(tags, model.Average(0.001f), twoPass ? model2.Average(0.001f) : null, ambiguity, sure);
    }

    /// <summary>The share of words whose joint tag is right.</summary>
    public static double Accuracy(Tagger tagger, IReadOnlyList<ParsedSentence> gold)
    {
        int n = 0, right = 0;
        foreach (var s in gold)
        {
            var predicted = TagSentence(tagger, s);
            for (var i = 0; i < s.Count; i++)
            {
                n++;
                right += tagger.Tags[predicted[i]] == JointTag(s.Words[i]) ? 1 : 0;
            }
        }
        return (double)right / Math.Max(1, n);
    }

    public static int[] TagSentence(Tagger tagger, ParsedSentence s)
    {
        var info = new WordInfo[s.Count];
        var tags = new int[s.Count];
        tagger.Describe([.. s.Words.Select(w => w.Form)], info);
        tagger.Tag(info, s.Count, tags, new int[s.Count]);
        return tags;
    }

    // Ambiguity class: the set of tags a word takes at least a tenth of the time (words seen twice or more).
    // Sure words: seen 20 times or more, with one tag 99.5% of the time.
    private static (Dictionary<long, long>, Dictionary<long, int>) Lexicon(IReadOnlyList<ParsedSentence> train, Dictionary<string, int> tagId)
    {
        var byLower = new Dictionary<long, Dictionary<int, int>>();
        var byForm = new Dictionary<long, Dictionary<int, int>>();
        foreach (var w in train.SelectMany(s => s.Words))
        {
            var t = tagId[JointTag(w)];
            Count(byLower, FeatureHash.Lower(w.Form), t);
            Count(byForm, FeatureHash.String(w.Form), t);
        }
        var ambiguity = new Dictionary<long, long>();
        foreach (var (word, counts) in byLower)
        {
            var total = counts.Values.Sum();
            if (total < 2)
                continue;
            long h = 17;
            foreach (var t in counts.Where(c => c.Value * 10 >= total).Select(c => c.Key).Order())
                h = FeatureHash.Of(900, h, t);
            ambiguity[word] = h;
        }
        var sure = new Dictionary<long, int>();
        foreach (var (word, counts) in byForm)
        {
            var total = counts.Values.Sum();
            var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First();
            if (total >= 20 && top.Value >= total * 0.995)
                sure[word] = top.Key;
        }
        return (ambiguity, sure);
    }

    private static void Count(Dictionary<long, Dictionary<int, int>> map, long key, int tag)
    {
        if (!map.TryGetValue(key, out var counts))
            map[key] = counts = [];
        counts[tag] = counts.GetValueOrDefault(tag) + 1;
    }
}
