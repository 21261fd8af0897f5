using Dyad.Stages.Syntax;

namespace Dyad.Tests.Stages.Syntax;

public class ConlluTests
{
    private const string Sample = """
        # sent_id = a-1
        # text = They don't sign it.
        1	They	they	PRON	PRP	_	4	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	sign	sign	VERB	VB	_	0	root	_	_
        5	it	it	PRON	PRP	_	4	obj	_	SpaceAfter=No
        6	.	.	PUNCT	.	_	4	punct	_	_


        """;

    private static List<ConlluSentence> Read(string text) => [.. Conllu.Read(new StringReader(text.ReplaceLineEndings("\n")))];

    [Fact]
    public void WritingWhatWasReadGivesTheSameText()
    {
        var writer = new StringWriter();
        foreach (var s in Read(Sample))
            Conllu.Write(writer, s);
        Assert.Equal(Sample.ReplaceLineEndings("\n").TrimEnd('\n') + "\n\n", writer.ToString());
    }

    [Fact]
    public void MultiwordTokenLinesAreNotWords()
    {
        var sentence = Assert.Single(Read(Sample));
        Assert.Equal(7, sentence.Lines.Count);
        Assert.Equal(["They", "do", "n't", "sign", "it", "."], sentence.Words.Select(w => w.Form));
        Assert.Equal("They don't sign it.", sentence.Comment("text"));
        var gold = Conllu.ToParsed(sentence);
        Assert.Equal(4, gold[1].Head);
        Assert.Equal("root", gold[4].Deprel);
    }

    [Fact]
    public void APredictionReplacesTheColumnsItPredictsAndKeepsTheRest()
    {
        var sentence = Assert.Single(Read(Sample));
        var words = sentence.Words.Select((w, i) => new SyntaxWord(i + 1, w.Form, "L", "X", "XX", i == 0 ? 0 : 1, i == 0 ? "root" : "dep")).ToList();
        var result = Conllu.WithPrediction(sentence, new ParsedSentence(words));
        Assert.Equal("2-3", result.Lines[1].Id);
        Assert.Equal("_", result.Lines[1].Lemma);
        Assert.Equal("L", result.Lines[5].Lemma);
        Assert.Equal("1", result.Lines[5].Head);
        Assert.Equal("SpaceAfter=No", result.Lines[5].Misc);
        Assert.Equal(sentence.Comments, result.Comments);
    }

    [Fact]
    public void ALineWithoutTenColumnsIsAFormatErrorNamingTheLine()
    {
        var ex = Assert.Throws<FormatException>(() => Read("# x\n1\tword\tword\n"));
        Assert.Equal($"line 2: {Conllu.NotTenColumns}", ex.Message);
    }

    [Fact]
    public void OffsetsGoIntoMisc()
    {
        var parsed = new ParsedSentence([new SyntaxWord(1, "Hi", "hi", "INTJ", "UH", 0, "root", new Dyad.Documents.TextSpan(3, 5))]);
        var line = Assert.Single(Conllu.FromParsed(parsed, "d-1", "Hi", offsets: true).Lines);
        Assert.Equal("TokenRange=3:5", line.Misc);
    }
}
