using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>A document and everything the stages found in it. Stages add; they never rewrite the text.</summary>
public sealed class Analysis
{
    public Analysis(Document document) => Document = document;

    public Document Document { get; }

    public List<Sentence> Sentences { get; } = [];

    public List<ActorMention> Actors { get; } = [];

    public List<TimeMention> Times { get; } = [];

    public List<Coding.Quantity> Quantities { get; } = [];

    public List<Coding.Place> Places { get; } = [];

    public List<EventMention> Events { get; } = [];

    public List<Fact> Facts { get; } = [];

    /// <summary>
    /// Acts the event coder found whose partner (or every participant) its sentence does not name; the story stage
    /// completes them from the document or drops them. Never written out.
    /// </summary>
    public List<EventMention> Incomplete { get; } = [];

    /// <summary>Who the document is about, once the story stages have read it; null without them.</summary>
    public Stages.Story.StoryContext? Story { get; set; }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The dependency parse of each sentence, by sentence index; empty unless the syntax stage ran (UseSyntax).</summary>
    public List<Stages.Syntax.ParsedSentence> Syntax { get; } = [];

    /// <summary>Free-form trace lines that <c>dyad explain</c> prints; stages write here only when <see cref="Tracing"/> is on.</summary>
    public List<string> Trace { get; } = [];

    public bool Tracing { get; init; }

    /// <summary>
    /// The event coder's view of each sentence, by sentence index, for the fact finder that runs after it on the
    /// same sentences (an array of this analysis instead of a weak table keyed by sentence).
    /// </summary>
    internal Stages.Events.SentenceView?[] SentenceViews { get; set; } = [];

    // Per-sentence indexes, built on first use and rebuilt when a list has grown; stages only append,
    // so looking up a sentence's annotations stays O(1) instead of scanning the document for each sentence.
    private readonly SentenceIndex<ActorMention> _actors = new(a => a.Sentence);
    private readonly SentenceIndex<TimeMention> _times = new(t => t.Sentence);
    private readonly SentenceIndex<Coding.Quantity> _quantities = new(null);
    private readonly SentenceIndex<Coding.Place> _places = new(null);

    public IReadOnlyList<ActorMention> ActorsIn(int sentence) => _actors.Get(Actors, Sentences, sentence, null);

    public IReadOnlyList<TimeMention> TimesIn(int sentence) => _times.Get(Times, Sentences, sentence, null);

    public IReadOnlyList<Coding.Quantity> QuantitiesIn(Sentence sentence) => _quantities.Get(Quantities, Sentences, sentence.Index, q => q.Span);

    public IReadOnlyList<Coding.Place> PlacesIn(Sentence sentence) => _places.Get(Places, Sentences, sentence.Index, p => p.Span);

    /// <summary>Groups one annotation list by sentence, either by a sentence index or by which sentence holds a span.</summary>
    private sealed class SentenceIndex<T>(Func<T, int>? sentenceOf)
    {
        private List<T>[] _bySentence = [];
        private int _items = -1;
        private int _sentences = -1;

        private static readonly List<T> None = [];

        public List<T> Get(List<T> items, List<Sentence> sentences, int sentence, Func<T, TextSpan>? spanOf)
        {
            if (items.Count != _items || sentences.Count != _sentences)
                Build(items, sentences, spanOf);
            return (uint)sentence < (uint)_bySentence.Length ? _bySentence[sentence] : None;
        }

        private void Build(List<T> items, List<Sentence> sentences, Func<T, TextSpan>? spanOf)
        {
            var groups = new List<T>[sentences.Count];
            for (var i = 0; i < groups.Length; i++)
                groups[i] = [];
            foreach (var item in items)
            {
                var at = sentenceOf is not null ? sentenceOf(item) : Holding(sentences, spanOf!(item));
                if ((uint)at < (uint)groups.Length)
                    groups[at].Add(item);
            }
            _bySentence = groups;
            _items = items.Count;
            _sentences = sentences.Count;
        }

        /// <summary>The index of the sentence whose span contains <paramref name="span"/>, or -1 (sentences are in text order).</summary>
        private static int Holding(List<Sentence> sentences, TextSpan span)
        {
            int lo = 0, hi = sentences.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var s = sentences[mid].Span;
                if (span.Start < s.Start)
                    hi = mid - 1;
                else if (span.Start >= s.End && !(s.IsEmpty && span.Start == s.Start))
                    lo = mid + 1;
                else
                    return s.Contains(span) ? mid : -1;
            }
            return -1;
        }
    }
}
