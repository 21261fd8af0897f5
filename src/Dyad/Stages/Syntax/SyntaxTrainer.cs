namespace Dyad.Stages.Syntax;

/// <summary>How to train a <see cref="SyntaxModel"/>.</summary>
public sealed record SyntaxTrainingOptions
{
    public int TaggerEpochs { get; init; } = 8;

    public int ParserEpochs { get; init; } = 12;

    public int Seed { get; init; } = 1;

    /// <summary>Parts the training set is cut into so the parser learns from tags the tagger predicted on text it had not seen (1: no cutting).</summary>
    public int Folds { get; init; } = 4;

    /// <summary>What the model was trained on, stored in it.</summary>
    public string Description { get; init; } = "";
}

/// <summary>Trains a tagger, lemmatizer and parser from gold trees, choosing each one's best epoch on the dev set.</summary>
public static class SyntaxTrainer
{
    /// <summary>Trains a model; <paramref name="improved"/> (when given) receives each model that beats the previous best on dev.</summary>
    public static SyntaxModel Train(IReadOnlyList<ParsedSentence> train, IReadOnlyList<ParsedSentence> dev, SyntaxTrainingOptions options, Action<string> log, Action<SyntaxModel>? improved = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count == 0)
            throw new ArgumentException("no training sentences", nameof(train));
        var tagger = TaggerTrainer.Train(train, dev, options.TaggerEpochs, options.Seed, log);
        var lemmatizer = Lemmatizer.Learn(train.SelectMany(s => s.Words).Select(w => (w.Form, w.Xpos, w.Lemma)));
        var trainTags = TagsForParser(train, dev, tagger, options, log);
        var labels = train.SelectMany(s => s.Words).Select(w => w.Deprel).Append("root").Distinct().Order(StringComparer.Ordinal).ToArray();
        var labelId = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var lifted = 0;
        var examples = new List<ParserTrainer.Example>();
        for (var k = 0; k < train.Count; k++)
        {
            var s = train[k];
            var heads = new int[s.Count + 1];
            var rels = new int[s.Count + 1];
            var words = new long[s.Count + 1];
            var tags = new int[s.Count + 1];
            for (var i = 0; i < s.Count; i++)
            {
                heads[i + 1] = s.Words[i].Head;
                rels[i + 1] = labelId[s.Words[i].Deprel];
                words[i + 1] = FeatureHash.Lower(s.Words[i].Form);
                tags[i + 1] = trainTags[k][i];
            }
            heads[0] = -1;
            var (projective, n) = Oracle.Projectivize(heads);
            lifted += n;
            examples.Add(new ParserTrainer.Example(words, tags, projective, rels));
        }
        log($"parser: {examples.Count} sentences, {labels.Length} relations, {lifted} non-projective arcs lifted");
        var devTagged = dev.Select(s => TaggerTrainer.TagSentence(tagger, s)).ToList();
        var model = (DependencyParser p) => new SyntaxModel(tagger, lemmatizer, p, options.Description);
        var parser = ParserTrainer.Train(labels, examples, p => dev.Count == 0 ? 0 : SyntaxScore.Of(dev, model(p)).Las, options.ParserEpochs, options.Seed, log,
            p => improved?.Invoke(model(p)));
        var result = model(parser);
        if (dev.Count > 0)
            log("dev: " + SyntaxScore.Of(dev, result));
        return result;
    }

    // Tags of the training sentences as the tagger would predict them on unseen text: each fold tagged by a
    // tagger trained on the other folds (jackknifing), so the parser learns to live with tagging errors.
    private static List<int[]> TagsForParser(IReadOnlyList<ParsedSentence> train, IReadOnlyList<ParsedSentence> dev, Tagger tagger, SyntaxTrainingOptions options, Action<string> log)
    {
        var result = new List<int[]>(new int[train.Count][]);
        var tagId = tagger.Tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        if (options.Folds < 2 || train.Count < options.Folds * 2)
        {
            for (var k = 0; k < train.Count; k++)
                result[k] = TaggerTrainer.TagSentence(tagger, train[k]);
            return result;
        }
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var rest = train.Where((_, k) => k % options.Folds != fold).ToList();
            // One pass and three epochs: nearly as accurate as the full tagger at a fraction of the training time.
            var foldTagger = TaggerTrainer.Train(rest, [], Math.Min(3, options.TaggerEpochs), options.Seed + fold + 1, _ => { }, twoPass: false);
            for (var k = fold; k < train.Count; k += options.Folds)
            {
                var predicted = TaggerTrainer.TagSentence(foldTagger, train[k]);
                // The fold tagger's tag ids are its own; a tag it never saw in its part maps to the full tagger's.
                result[k] = [.. predicted.Select(t => tagId.TryGetValue(foldTagger.Tags[t], out var id) ? id : 0)];
            }
            log($"jackknife fold {fold + 1}/{options.Folds} tagged");
        }
        return result;
    }
}

/// <summary>UPOS, lemma, UAS and LAS over gold words, as ../shared/eval/score_conllu.py counts them.</summary>
public readonly record struct SyntaxScore(double Upos, double Lemma, double Uas, double Las, int Words)
{
    public static SyntaxScore Of(IReadOnlyList<ParsedSentence> gold, SyntaxModel model)
    {
        int n = 0, upos = 0, lemma = 0, uas = 0, las = 0;
        foreach (var g in gold)
        {
            var p = model.Parse([.. g.Words.Select(w => w.Form)]);
            for (var i = 0; i < g.Count; i++)
            {
                var (gw, pw) = (g.Words[i], p.Words[i]);
                n++;
                upos += gw.Upos == pw.Upos ? 1 : 0;
                lemma += string.Equals(gw.Lemma, pw.Lemma, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                var head = gw.Head == pw.Head;
                uas += head ? 1 : 0;
                las += head && gw.Deprel.Split(':')[0] == pw.Deprel.Split(':')[0] ? 1 : 0;
            }
        }
        double D(int x) => (double)x / Math.Max(1, n);
        return new SyntaxScore(D(upos), D(lemma), D(uas), D(las), n);
    }

    public override string ToString() => $"UPOS {Upos:0.0000} LEMMA {Lemma:0.0000} UAS {Uas:0.0000} LAS {Las:0.0000} ({Words} words)";
}
