using Dyad.Stages.Syntax;

namespace Dyad.Tests.Stages.Syntax;

/// <summary>Training on a dozen sentences of our own (Data/tiny.conllu): the model learns them and is reproducible.</summary>
public class TrainingTests
{
    private static readonly string TinyPath = Path.Combine(AppContext.BaseDirectory, "Stages", "Syntax", "Data", "tiny.conllu");

    private static List<ParsedSentence> Tiny() => [.. Conllu.ReadFile(TinyPath).Select(Conllu.ToParsed)];

    private static readonly SyntaxTrainingOptions Options = new() { TaggerEpochs = 5, ParserEpochs = 8, Folds = 1, Seed = 7, Description = "tiny" };

    private static byte[] Bytes(SyntaxModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void AModelTrainedOnATinyTreebankParsesItsOwnSentences()
    {
        var tiny = Tiny();
        var model = SyntaxTrainer.Train(tiny, tiny, Options, _ => { });
        var score = SyntaxScore.Of(tiny, model);
        Assert.True(score.Upos >= 0.95, score.ToString());
        Assert.True(score.Uas >= 0.9, score.ToString());
        Assert.True(score.Lemma >= 0.95, score.ToString());
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelAndASavedModelParsesTheSame()
    {
        var tiny = Tiny();
        var a = SyntaxTrainer.Train(tiny, tiny, Options, _ => { });
        var b = SyntaxTrainer.Train(tiny, tiny, Options, _ => { });
        var bytes = Bytes(a);
        Assert.Equal(bytes, Bytes(b));
        var loaded = SyntaxModel.Load(new MemoryStream(bytes));
        string[] words = ["Iran", "signed", "the", "agreement", "."];
        Assert.Equal(a.Parse(words).Words, loaded.Parse(words).Words);
        Assert.Equal("tiny", loaded.Description);
    }

    [Fact]
    public void AFileThatIsNoModelIsInvalidData()
    {
        Assert.ThrowsAny<InvalidDataException>(() => SyntaxModel.Load(new MemoryStream([1, 2, 3, 4, 5])));
    }

    [Fact]
    public void NonProjectiveArcsAreLiftedUntilTheTreeIsProjective()
    {
        // 3 -> 1 crosses the root 2; lifted to 3's head (4), it still crosses 2; lifted again to 2 it does not.
        var (projective, lifted) = Oracle.Projectivize([-1, 3, 0, 4, 2]);
        Assert.Equal(2, lifted);
        Assert.Equal([-1, 2, 0, 4, 2], projective);
    }
}
