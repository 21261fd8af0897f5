using System.Text;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Storage.Tests.Support;

/// <summary>
/// A coded document built by hand, sentence by sentence, so store tests pin the store's behaviour whatever the
/// coder does with the same words: each sentence carries one event (or fact) as the test states it.
/// </summary>
public sealed class Handmade(string id, DateOnly? published = null)
{
    private readonly StringBuilder _text = new();
    private readonly List<(TextSpan Span, string Text)> _sentences = [];
    private readonly List<EventMention> _events = [];
    private readonly List<Fact> _facts = [];

    private (int Index, int Start) AddSentence(string sentence)
    {
        var start = _text.Length;
        _text.Append(sentence).Append('\n');
        _sentences.Add((new TextSpan(start, start + sentence.Length), sentence));
        return (_sentences.Count - 1, start);
    }

    private static TextSpan Find(string sentence, int start, string words)
    {
        var at = sentence.IndexOf(words, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException($"'{words}' is not in '{sentence}'") : new TextSpan(start + at, start + at + words.Length);
    }

    /// <summary>A sentence with one event; <paramref name="amount"/> is (words, value, unit, kind).</summary>
    public Handmade Event(string sentence, string source, string target, string code, string trigger, DateValue date = default,
        (string Words, double Value, string Unit, string Kind)? amount = null, Place? place = null, bool reportDate = false)
    {
        var (index, start) = AddSentence(sentence);
        var mention = new EventMention
        {
            Sentence = index,
            Source = new EventActor(ActorCode.Parse(source), Name(source)),
            Target = new EventActor(ActorCode.Parse(target), Name(target)),
            Code = EventCode.Parse(code),
            Trigger = Find(sentence, start, trigger),
            Rule = "test.rule",
            Date = date,
            DateIsReportDate = reportDate,
            EventId = "e" + _events.Count,
            Location = place,
        };
        if (amount is { } a)
            mention.Quantities.Add(new Quantity(Find(sentence, start, a.Words), a.Words, a.Value, a.Unit, Rule: "test.amount") { Kind = a.Kind });
        _events.Add(mention);
        return this;
    }

    /// <summary>A sentence with one fact.</summary>
    public Handmade Fact(string sentence, string subject, string predicate, string obj, string trigger, DateValue? at = null,
        (string Words, double Value, string Unit, string Kind)? amount = null)
    {
        var (index, start) = AddSentence(sentence);
        var fact = new Fact
        {
            Sentence = index,
            Subject = new EventActor(ActorCode.Parse(subject), Name(subject)),
            Predicate = predicate,
            Object = new EventActor(ActorCode.Parse(obj), Name(obj)),
            Trigger = Find(sentence, start, trigger),
            Rule = "test.fact",
            At = at,
        };
        if (amount is { } a)
            fact.Quantities.Add(new Quantity(Find(sentence, start, a.Words), a.Words, a.Value, a.Unit, Rule: "test.amount") { Kind = a.Kind });
        _facts.Add(fact);
        return this;
    }

    private static string Name(string code) => code switch
    {
        "KAZ" => "Kazakhstan",
        "RUS" => "Russia",
        "CHN" => "China",
        "---" => "",
        _ => code,
    };

    public Analysis Build()
    {
        var analysis = new Analysis(new Document(id, _text.ToString(), published, id));
        foreach (var (span, text) in _sentences)
            analysis.Sentences.Add(new Sentence(analysis.Sentences.Count, span, text, SentenceKind.Body));
        analysis.Events.AddRange(_events);
        analysis.Facts.AddRange(_facts);
        return analysis;
    }

    /// <summary>Stores the document in the store.</summary>
    public void StoreIn(IEventStore store) => Assert.Equal([StoreOutcome.Inserted], store.Store([StoredDocument.From(Build())], "test"));
}
