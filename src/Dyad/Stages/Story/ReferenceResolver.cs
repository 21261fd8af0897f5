using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Story;

/// <summary>
/// Resolves references across a document before events are coded: definite descriptions ("the court", "the
/// kingdom", "the Secretary-General"), "the two countries" and "both sides", a sentence-opening "It", organization
/// acronyms introduced in parentheses and surnames of people named in full earlier. Each resolved reference is an
/// actor mention of Kind "reference" whose <see cref="ActorMention.Antecedents"/> holds the mention it stands for.
/// Capitals and seats of government ("Moscow", "the Kremlin", "Whitehall") are the actor layer's data (states.tsv,
/// organizations.tsv). It runs in the actor layer's place at document scope, so the event coder sees the
/// references like any other actor; it records who the story is about in <see cref="Analysis.Story"/>.
/// </summary>
public sealed class ReferenceResolver(StoryLexicon? lexicon = null) : IStage
{
    /// <summary>How far back (in sentences) an antecedent may be.</summary>
    private const int Window = 15;

    private readonly StoryLexicon _lexicon = lexicon ?? StoryLexicon.Default;

    public string Name => "story.references";

    public void Run(Analysis analysis)
    {
        var story = new StoryContext(_lexicon, analysis);
        analysis.Story = story;
        var state = new State(analysis, story);
        var bySentence = analysis.Actors.ToLookup(a => a.Sentence);
        foreach (var sentence in analysis.Sentences)
        {
            var own = bySentence[sentence.Index].ToList();
            state.Names.Introduce(sentence, own, state);
            ResolveSentence(state, sentence, own);
            story.Read(sentence.Index, state.Remember(sentence.Index, own));
        }
        if (state.Added.Count == 0 && state.Removed.Count == 0)
            return;
        var all = analysis.Actors.Where(a => !state.Removed.Contains(a)).Concat(state.Added).OrderBy(a => a.Sentence).ThenBy(a => a.Span.Start).ToList();
        analysis.Actors.Clear();
        analysis.Actors.AddRange(all);
    }

    private void ResolveSentence(State state, Sentence sentence, List<ActorMention> own)
    {
        var tokens = sentence.Tokens;
        var text = state.Analysis.Document.Text;
        var names = state.Names.Any;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            // Most words start no phrase and are no name: two cheap tests before any lookup.
            var phrase = _lexicon.MayStartPhrase(word) && _lexicon.StartsPhrase(word, i + 1 < tokens.Count ? tokens[i + 1].Text : null);
            var name = names && word.Length > 1 && char.IsUpper(word[0]);
            if (!phrase && !name && i > 0)
                continue;
            var done = (phrase ? TryPair(state, sentence, own, i, text) ?? TryDescription(state, sentence, own, i, text) : null)
                ?? (i == 0 ? TryIt(state, sentence, own, i) : null) ?? (name ? state.Names.TryName(state, sentence, own, i) : null);
            if (done is { } end)
                i = end - 1;
        }
    }

    /// <summary>"the two countries", "both sides": the last two participants named, or one and its partner in the story.</summary>
    private int? TryPair(State state, Sentence sentence, List<ActorMention> own, int i, string text)
    {
        foreach (var pair in _lexicon.Pairs)
        {
            if (Match(sentence.Tokens, i, pair.Words) is not { } end)
                continue;
            var span = new TextSpan(sentence.Tokens[i].Span.Start, sentence.Tokens[end - 1].Span.End);
            if (state.Blocked(sentence.Index, own, span))
                return end;
            var found = new List<ActorMention>();
            foreach (var m in state.Before(sentence.Index, span.Start))
            {
                if (m.Rule.Contains("hyphen-part", StringComparison.Ordinal) || state.Story.KeyOf(m.Code) is not { } key
                    || pair.Kind == "state" && !state.Story.IsState(key) || found.Any(f => state.Story.KeyOf(f.Code) == key))
                    continue;
                found.Add(m);
                if (found.Count == 2)
                    break;
            }
            if (found.Count == 1 && state.Story.KeyOf(found[0].Code) is { } one
                && state.Story.Counterpart(one, 0, sentence.Index, 2, k => pair.Kind != "state" || state.Story.IsState(k)) is { } other)
                found.Add(state.LastOf(other, sentence.Index, span.Start) ?? found[0] with { Code = ActorCode.Parse(other), Name = state.Story.NameOf(other) });
            if (found.Count < 2)
            {
                // Never a guess: a pair the story cannot name is no actor.
                state.Removed.UnionWith(own.Where(m => m.Span.Overlaps(span) && m.Kind == "reference"));
                return end;
            }
            // A pair of states is the two states, whatever office or people named them last.
            if (pair.Kind == "state")
                found = [.. found.Select(f => f with { Code = ActorCode.Parse(state.Story.KeyOf(f.Code)!) })];
            state.Replace(sentence.Index, own, span, found, text, "story.pair", pair.Words);
            return end;
        }
        return null;
    }

    /// <summary>"the court", "the kingdom": the most recent actor that fits the description's cue.</summary>
    private int? TryDescription(State state, Sentence sentence, List<ActorMention> own, int i, string text)
    {
        foreach (var d in _lexicon.Descriptions)
        {
            if (Match(sentence.Tokens, i, d.Words) is not { } end)
                continue;
            var span = new TextSpan(sentence.Tokens[i].Span.Start, sentence.Tokens[end - 1].Span.End);
            // "the president of Myanmar", "the court of appeal": the words after it name someone else.
            if (state.Blocked(sentence.Index, own, span) || end < sentence.Tokens.Count && sentence.Tokens[end].Text is "of" or "'s" && d.As == "same" && d.Kind == "person")
                return end;
            // Cues in their order: "the kingdom" is the state of the king named before, else a state called a kingdom.
            var antecedent = d.Cues.Length == 0
                ? state.Before(sentence.Index, span.Start).Take(200).FirstOrDefault(m => Fits(state.Story, m, d, null))
                : d.Cues.Select(c => state.Before(sentence.Index, span.Start).Take(200).FirstOrDefault(m => Fits(state.Story, m, d, c))).FirstOrDefault(m => m is not null);
            if (antecedent is null)
                return end;
            var key = state.Story.KeyOf(antecedent.Code)!;
            var code = d.As switch
            {
                "state" => ActorCode.Parse(key),
                "government" when state.Story.IsState(key) => ActorCode.Parse(key + "GOV"),
                _ => antecedent.Code,
            };
            state.Replace(sentence.Index, own, span, [antecedent with { Code = code }], text, "story.description", d.Words);
            return end;
        }
        return null;
    }

    private static bool Fits(StoryContext story, ActorMention m, Description d, string? cue)
    {
        if (story.KeyOf(m.Code) is not { } key)
            return false;
        var kind = d.Kind switch
        {
            "state" => story.IsState(key),
            "organization" => !story.IsState(key),
            "person" => m.Kind == "person" || m.Code.Sector == "GOV",
            _ => true,
        };
        return kind && (cue is null || cue == m.Code.Value || cue == m.Code.Sector || HasWord(m.Text, cue) || HasWord(m.Name, cue)
            || m.Antecedents.Any(a => HasWord(a.Text, cue)));
    }

    /// <summary>True when <paramref name="cue"/> stands in <paramref name="text"/> as whole words ("King" in "King Fahd", not in "United Kingdom").</summary>
    private static bool HasWord(string text, string cue)
    {
        for (var at = text.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = text.IndexOf(cue, at + 1, StringComparison.Ordinal))
        {
            var end = at + cue.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
                return true;
        }
        return false;
    }

    /// <summary>"It instructed Nigeria …": a sentence-opening "It" is the state or organization the sentence before opened with.</summary>
    private static int? TryIt(State state, Sentence sentence, List<ActorMention> own, int i)
    {
        var tokens = sentence.Tokens;
        if (i != 0 || tokens[0].Text != "It" || tokens.Count < 3 || !tokens[1].IsWord || char.IsUpper(tokens[1].Text[0])
            || tokens[1].Text is "is" or "was" or "has" or "had" or "will" or "would" or "may" or "might" or "could" or "seems" or "appears" or "remains")
            return null;
        var previous = state.OpeningActors(sentence.Index - 1);
        var keys = previous.Select(m => state.Story.KeyOf(m.Code)).Distinct().ToList();
        if (keys.Count != 1 || keys[0] is null || previous[0].Kind == "person" || previous[0].Code.Sector == "GOV" && previous[0].Rule.StartsWith("person", StringComparison.Ordinal))
            return 1;
        state.Replace(sentence.Index, own, tokens[0].Span, [previous[0]], state.Analysis.Document.Text, "story.it", ["It"]);
        return 1;
    }

    internal static bool Weak(ActorMention m) =>
        m.Kind == "reference" || m.Rule.StartsWith("agent.alone", StringComparison.Ordinal) && !m.Rule.Contains("name", StringComparison.Ordinal);

    /// <summary>The end (exclusive token index) of <paramref name="words"/> at token <paramref name="i"/>; the first word in any case.</summary>
    internal static int? Match(IReadOnlyList<Token> tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Count)
            return null;
        for (var k = 0; k < words.Length; k++)
        {
            if (!string.Equals(tokens[i + k].Text, words[k], k == 0 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                return null;
        }
        return i + words.Length;
    }

    /// <summary>What the stage has read so far: the actors of earlier sentences and what it adds and removes.</summary>
    internal sealed class State(Analysis analysis, StoryContext story)
    {
        private readonly List<(int Sentence, List<ActorMention> Actors)> _history = [];

        public Analysis Analysis { get; } = analysis;

        public StoryContext Story { get; } = story;

        public List<ActorMention> Added { get; } = [];

        public HashSet<ActorMention> Removed { get; } = new(ReferenceEqualityComparer.Instance);

        public NameReferences Names { get; } = new();

        private List<ActorMention> _current = [];

        private int _currentSentence = -1;

        /// <summary>A named actor already stands there; a guessed one ("court" taken as the last state's court) or a shorter reference gives way.</summary>
        public bool Blocked(int sentence, List<ActorMention> own, TextSpan span) =>
            own.Any(m => m.Span.Overlaps(span) && !Weak(m) && !Removed.Contains(m)) || AddedIn(sentence).Any(m => m.Span.Overlaps(span));

        /// <summary>What the stage added in a sentence: only the current one is asked for, so the scan is short.</summary>
        public IEnumerable<ActorMention> AddedIn(int sentence)
        {
            for (var k = Added.Count - 1; k >= 0 && Added[k].Sentence >= sentence; k--)
            {
                if (Added[k].Sentence == sentence)
                    yield return Added[k];
            }
        }

        /// <summary>Keeps a sentence's actors (as resolved) for the sentences after it, and returns them.</summary>
        public List<ActorMention> Remember(int sentence, List<ActorMention> own)
        {
            var kept = new List<ActorMention>(own.Count);
            foreach (var a in own)
            {
                if (a.Role == MentionRole.Actor && (Removed.Count == 0 || !Removed.Contains(a)))
                    kept.Add(a);
            }
            var before = kept.Count;
            kept.AddRange(AddedIn(sentence));
            if (kept.Count > before)
                kept.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
            _history.Add((sentence, kept));
            return kept;
        }

        /// <summary>Actors before <paramref name="offset"/> in this sentence, then in the earlier ones, most recent first.</summary>
        public IEnumerable<ActorMention> Before(int sentence, int offset)
        {
            if (_currentSentence != sentence)
            {
                _currentSentence = sentence;
                _current = [];
            }
            var here = Analysis.ActorsIn(sentence).Where(a => !Removed.Contains(a) && a.Role == MentionRole.Actor && a.Span.End <= offset && !Weak(a))
                .Concat(AddedIn(sentence).Where(a => a.Span.End <= offset)).OrderByDescending(a => a.Span.Start);
            foreach (var m in here)
                yield return Antecedent(m);
            for (var h = _history.Count - 1; h >= 0 && _history[h].Sentence >= sentence - Window; h--)
            {
                for (var k = _history[h].Actors.Count - 1; k >= 0; k--)
                {
                    var m = _history[h].Actors[k];
                    if (m.Kind != "reference" || m.Rule.StartsWith("story.", StringComparison.Ordinal))
                        yield return Antecedent(m);
                }
            }
        }

        /// <summary>A resolved reference stands for its antecedent, with the reference's own place.</summary>
        private static ActorMention Antecedent(ActorMention m) => m.Kind == "reference" && m.Antecedents.Count == 1 ? m.Antecedents[0] with { Code = m.Code } : m;

        /// <summary>The last mention of participant <paramref name="key"/> before the offset.</summary>
        public ActorMention? LastOf(string key, int sentence, int offset) =>
            Before(sentence, offset).FirstOrDefault(m => Story.KeyOf(m.Code) == key);

        /// <summary>The actors a sentence opens with (its first actor group, before any verb).</summary>
        public List<ActorMention> OpeningActors(int sentence)
        {
            var entry = _history.LastOrDefault(h => h.Sentence == sentence);
            if (entry.Actors is null || entry.Actors.Count == 0)
                return [];
            var s = Analysis.Sentences[sentence];
            var first = entry.Actors[0];
            // At most "The" before it.
            var before = s.Tokens.TakeWhile(t => t.Span.End <= first.Span.Start).ToList();
            if (before.Count > 1 || before.Count == 1 && before[0].Text is not ("The" or "the"))
                return [];
            return [.. entry.Actors.Where(a => a.Span.Start == first.Span.Start)];
        }

        /// <summary>Records a resolved reference over <paramref name="span"/>, replacing the weak mentions it overlaps.</summary>
        public void Replace(int sentence, List<ActorMention> own, TextSpan span, List<ActorMention> antecedents, string text, string rule, string[] words)
        {
            foreach (var m in own.Where(m => m.Span.Overlaps(span) && Weak(m)))
                Removed.Add(m);
            foreach (var a in antecedents)
            {
                var origin = a.Kind == "reference" && a.Antecedents.Count == 1 ? a.Antecedents[0] : a;
                var m = new ActorMention(sentence, span, span.Slice(text), a.Code, a.Name, MentionRole.Actor,
                    "story:" + string.Join(' ', words), rule, 0.7 * a.Confidence) { Kind = "reference", Antecedents = [origin] };
                Added.Add(m);
                if (Analysis.Tracing)
                    Analysis.Trace.Add($"story: sentence {m.Sentence} '{m.Text}' -> {m.Code} ({origin.Text}, sentence {origin.Sentence} [{origin.Span.Start}..{origin.Span.End}]) rule {rule}");
            }
        }
    }
}

public static class StoryExtensions
{
    /// <summary>Adds the story's reference stage: after the actors, before the event coder, which reads the references as actors.</summary>
    public static PipelineBuilder UseReferences(this PipelineBuilder builder, StoryLexicon? lexicon = null) =>
        builder.Replace(new ReferenceResolver(lexicon));

    /// <summary>Adds the story stage proper: implied partners and the story's participants, after the event coder.</summary>
    public static PipelineBuilder UseStory(this PipelineBuilder builder, StoryLexicon? lexicon = null) =>
        builder.Replace(new ImpliedPartners(lexicon));
}
