using Dyad.Documents;

namespace Dyad.Stages.Syntax;

/// <summary>One syntactic word of a parsed sentence: Universal Dependencies columns plus its span in the text.</summary>
/// <param name="Index">1-based position in the sentence (the CoNLL-U ID).</param>
/// <param name="Form">The word as written (for a split clitic: "n't", "'s").</param>
/// <param name="Lemma">Its dictionary form ("be" for "were").</param>
/// <param name="Upos">Universal part-of-speech tag (NOUN, VERB, PROPN…).</param>
/// <param name="Xpos">Penn Treebank tag (NN, VBD, NNP…).</param>
/// <param name="Head">Index of the head word, 0 for the root.</param>
/// <param name="Deprel">Universal dependency relation with its subtype (nsubj, nsubj:pass, obl:agent…).</param>
/// <param name="Span">Offsets into the document (or the parsed string); empty when the words were given without text.</param>
public readonly record struct SyntaxWord(int Index, string Form, string Lemma, string Upos, string Xpos, int Head, string Deprel, TextSpan Span = default)
{
    public override string ToString() => $"{Index} {Form} {Upos} {Head} {Deprel}";
}

/// <summary>A sentence's words with tags, lemmas and a dependency tree (one root, every word has a head).</summary>
public sealed class ParsedSentence
{
    public ParsedSentence(IReadOnlyList<SyntaxWord> words) => Words = words;

    /// <summary>The words; <c>Words[i].Index == i + 1</c>.</summary>
    public IReadOnlyList<SyntaxWord> Words { get; }

    public int Count => Words.Count;

    /// <summary>The word with 1-based index <paramref name="index"/>.</summary>
    public SyntaxWord this[int index] => Words[index - 1];

    /// <summary>The root word, or null for an empty sentence.</summary>
    public SyntaxWord? Root => Words.Count == 0 ? null : Words.FirstOrDefault(w => w.Head == 0);

    /// <summary>The word whose span holds document offset <paramref name="offset"/>, or null (for mapping tokens to words).</summary>
    public SyntaxWord? WordAt(int offset)
    {
        foreach (var w in Words)
        {
            if (w.Span.Contains(offset))
                return w;
        }
        return null;
    }

    /// <summary>The dependents of the word with 1-based index <paramref name="head"/> (0: the root), in order.</summary>
    public IEnumerable<SyntaxWord> Dependents(int head) => Words.Where(w => w.Head == head);
}
