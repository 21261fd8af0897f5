using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Sentences;
using Dyad.Stages.Syntax;

namespace Dyad.Tests.Stages.Syntax;

/// <summary>The committed model (trained on UD English EWT) on sentences of our own and on odd input.</summary>
public class DefaultModelTests
{
    private static ParsedSentence Parse(string text) => SyntaxStage.Parse(SyntaxModel.Default, text, new TextSpan(0, text.Length));

    private static SyntaxWord Word(ParsedSentence s, string form) => s.Words.First(w => w.Form == form);

    private static void AssertTree(ParsedSentence s)
    {
        if (s.Count == 0)
            return;
        Assert.Single(s.Words, w => w.Head == 0);
        Assert.All(s.Words, w => Assert.InRange(w.Head, 0, s.Count));
        Assert.All(s.Words, w => Assert.NotEqual(w.Index, w.Head));
        // Every word reaches the root without a cycle.
        foreach (var w in s.Words)
        {
            var x = w.Index;
            for (var steps = 0; x != 0; steps++)
            {
                Assert.True(steps <= s.Count, "cycle");
                x = s[x].Head;
            }
        }
    }

    [Fact]
    public void TheSubjectAndObjectOfAVerbAreFound()
    {
        var s = Parse("The Russian foreign minister signed a new trade agreement with Kazakhstan on Tuesday.");
        var signed = Word(s, "signed");
        Assert.Equal("VERB", signed.Upos);
        Assert.Equal("VBD", signed.Xpos);
        Assert.Equal("sign", signed.Lemma);
        Assert.Equal(0, signed.Head);
        Assert.Equal(("nsubj", signed.Index), (Word(s, "minister").Deprel, Word(s, "minister").Head));
        Assert.Equal(("obj", signed.Index), (Word(s, "agreement").Deprel, Word(s, "agreement").Head));
        AssertTree(s);
    }

    [Fact]
    public void APassiveSubjectAndItsAgentAreLabelled()
    {
        var s = Parse("The talks were broken off by London.");
        var broken = Word(s, "broken");
        Assert.Equal("nsubj:pass", Word(s, "talks").Deprel);
        Assert.Equal(broken.Index, Word(s, "talks").Head);
        Assert.Equal("aux:pass", Word(s, "were").Deprel);
        Assert.Equal("be", Word(s, "were").Lemma);
        Assert.StartsWith("obl", Word(s, "London").Deprel, StringComparison.Ordinal);
    }

    [Fact]
    public void ANounIsNotReadAsAVerb()
    {
        var s = Parse("Washington imposed tariffs on Japanese exports.");
        Assert.Equal("NOUN", Word(s, "tariffs").Upos);
        Assert.Equal("tariff", Word(s, "tariffs").Lemma);
        Assert.Equal("NOUN", Word(s, "exports").Upos);
        Assert.Equal("obj", Word(s, "tariffs").Deprel);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ... ??? --- ,,, ;;")]
    [InlineData("Die Regierung hat den Vertrag am Dienstag unterzeichnet.")]
    [InlineData("Правительство подписало договор. 政府签署了条约。")]
    [InlineData("“They’ve said—again—that it isn’t over,” he added.")]
    [InlineData("\u00AD\u200B\uFEFF \t\n")]
    public void OddInputGivesATreeAndNeverThrows(string text) => AssertTree(Parse(text));

    [Fact]
    public void AThousandWordSentenceIsParsed()
    {
        var text = string.Join(' ', Enumerable.Range(0, 250).Select(i => i % 2 == 0 ? "the envoy met officials" : "and they talked ,"));
        var s = Parse(text);
        Assert.Equal(1000, s.Count);
        AssertTree(s);
    }

    [Fact]
    public void TheStageParsesEachSentenceWithOffsetsIntoTheDocument()
    {
        const string text = "Russia’s envoy arrived. China didn’t comment.";
        var analysis = new PipelineBuilder().UseSentences().UseSyntax().Build().Run(new Document("d", text));
        Assert.Equal(2, analysis.Syntax.Count);
        foreach (var s in analysis.Syntax)
        {
            AssertTree(s);
            Assert.All(s.Words, w => Assert.Equal(w.Form, w.Span.Slice(text)));
        }
        Assert.Equal(["China", "did", "n’t", "comment", "."], analysis.Syntax[1].Words.Select(w => w.Form));
        Assert.Equal("not", analysis.Syntax[1].Words[2].Lemma);
        Assert.Equal("envoy", analysis.Syntax[0].WordAt(text.IndexOf("envoy", StringComparison.Ordinal) + 2)?.Form);
    }

    [Fact]
    public void TheTreeViewIndentsDependentsUnderTheirHead()
    {
        var lines = TreeView.Tree(Parse("Iran rejected the proposal.")).ToList();
        Assert.Equal("root rejected (VERB)", lines[0]);
        Assert.Contains("  nsubj Iran (PROPN)", lines);
        Assert.Equal(1 + 5, TreeView.Table(Parse("Iran rejected the proposal.")).Count()); // a header, then one line per word
    }
}
