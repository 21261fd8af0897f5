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

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Free-form trace lines that <c>dyad explain</c> prints; stages write here only when <see cref="Tracing"/> is on.</summary>
    public List<string> Trace { get; } = [];

    public bool Tracing { get; init; }

    public IEnumerable<ActorMention> ActorsIn(int sentence) => Actors.Where(a => a.Sentence == sentence);

    public IEnumerable<TimeMention> TimesIn(int sentence) => Times.Where(t => t.Sentence == sentence);

    public IEnumerable<Coding.Quantity> QuantitiesIn(Sentence sentence) => Quantities.Where(q => sentence.Span.Contains(q.Span));

    public IEnumerable<Coding.Place> PlacesIn(Sentence sentence) => Places.Where(p => sentence.Span.Contains(p.Span));
}
