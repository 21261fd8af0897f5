using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Story;

/// <summary>One participant of a document: a state (by its code head) or an organization, with how often it is named.</summary>
/// <param name="Code">The state's three letters, or the organization's whole code.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Mentions">Mentions as an actor, references resolved to it included.</param>
/// <param name="Events">Events it takes part in, as source or target.</param>
public sealed record StoryParticipant(string Code, string Name, int Mentions, int Events);

/// <summary>
/// Who a document is about: its participants and which of them are named together, sentence by sentence and
/// paragraph by paragraph. Built by <see cref="ReferenceResolver"/> as it reads the document, completed by
/// <see cref="ImpliedPartners"/> with the events.
/// </summary>
public sealed class StoryContext
{
    private readonly StoryLexicon _lexicon;
    private readonly Dictionary<string, (string Name, int Mentions)> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _events = new(StringComparer.Ordinal);

    /// <summary>For each sentence, the distinct participants named in it as actors.</summary>
    private readonly List<HashSet<string>> _bySentence = [];

    internal StoryContext(StoryLexicon lexicon, Analysis analysis)
    {
        _lexicon = lexicon;
        Paragraph = Paragraphs(analysis);
    }

    /// <summary>The paragraph index of each sentence; headings and captions are paragraphs of their own.</summary>
    public int[] Paragraph { get; }

    /// <summary>The participants, most named first.</summary>
    public IReadOnlyList<StoryParticipant> Participants =>
        [.. _named.Select(p => new StoryParticipant(p.Key, p.Value.Name, p.Value.Mentions, _events.GetValueOrDefault(p.Key)))
            .OrderByDescending(p => p.Mentions + p.Events).ThenBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>The participant a code stands for: a state's head, an organization's whole code; null for "---" and regions.</summary>
    public string? KeyOf(Coding.ActorCode code)
    {
        if (string.IsNullOrEmpty(code.Value) || code.Head == "---")
            return null;
        return code.IsStateLike && _lexicon.States.Contains(code.Head) ? code.Head : code.Value;
    }

    public bool IsState(string key) => key.Length == 3 && _lexicon.States.Contains(key);

    /// <summary>Records the actors of sentence <paramref name="sentence"/> (called in document order).</summary>
    internal void Read(int sentence, IEnumerable<ActorMention> actors)
    {
        while (_bySentence.Count <= sentence)
            _bySentence.Add([]);
        foreach (var a in actors)
        {
            if (a.Role != MentionRole.Actor || a.Kind == "region" || KeyOf(a.Code) is not { } key)
                continue;
            _bySentence[sentence].Add(key);
            var name = IsState(key) && a.Kind != "state" && _named.TryGetValue(key, out var old) ? old.Name : a.Name;
            _named[key] = (name, _named.GetValueOrDefault(key).Mentions + 1);
        }
    }

    internal void CountEvent(string key) => _events[key] = _events.GetValueOrDefault(key) + 1;

    /// <summary>
    /// The participant named together with <paramref name="key"/> in most sentences of [from, to], ties to the most recent;
    /// null when none is named with it in at least <paramref name="min"/> sentences. Sentence <paramref name="skip"/> does not count.
    /// </summary>
    public string? Counterpart(string key, int from, int to, int min, Func<string, bool>? fits = null, int skip = -1)
    {
        var counts = new Dictionary<string, (int Count, int Last)>(StringComparer.Ordinal);
        for (var s = Math.Max(0, from); s <= to && s < _bySentence.Count; s++)
        {
            if (s == skip || !_bySentence[s].Contains(key))
                continue;
            foreach (var other in _bySentence[s])
            {
                if (other != key && (fits is null || fits(other)))
                    counts[other] = (counts.GetValueOrDefault(other).Count + 1, s);
            }
        }
        var best = counts.OrderByDescending(c => c.Value.Count).ThenByDescending(c => c.Value.Last).FirstOrDefault();
        return best.Key is not null && best.Value.Count >= min ? best.Key : null;
    }

    /// <summary>The display name of a participant.</summary>
    public string NameOf(string key) => _named.TryGetValue(key, out var n) ? n.Name : key;

    /// <summary>The first sentence of the paragraph holding <paramref name="sentence"/>.</summary>
    public int ParagraphStart(int sentence)
    {
        var s = sentence;
        while (s > 0 && Paragraph[s - 1] == Paragraph[sentence])
            s--;
        return s;
    }

    private static int[] Paragraphs(Analysis analysis)
    {
        var text = analysis.Document.Text;
        var result = new int[analysis.Sentences.Count];
        var p = 0;
        for (var s = 1; s < result.Length; s++)
        {
            Sentence previous = analysis.Sentences[s - 1], current = analysis.Sentences[s];
            var gap = text.AsSpan(previous.Span.End, Math.Max(0, current.Span.Start - previous.Span.End));
            var newline = gap.IndexOf('\n');
            // A blank line, an indented line (wire copy), a heading or a caption starts a paragraph.
            if (previous.Kind != SentenceKind.Body || current.Kind != SentenceKind.Body
                || (newline >= 0 && (gap[(newline + 1)..].Contains('\n') || gap[(newline + 1)..] is [' ' or '\t', ..])))
                p++;
            result[s] = p;
        }
        return result;
    }
}
