using Dyad.Stages.Events;

namespace Dyad.Tests.Stages.Events;

public sealed class PatternTableTests
{
    [Theory]
    [InlineData("sign", "sign|signs|signed|signing")]
    [InlineData("visit", "visit|visits|visited|visiting")]
    [InlineData("agree", "agree|agrees|agreed|agreing")]
    [InlineData("plan", "plan|plans|planned|planning")]
    [InlineData("ratify", "ratify|ratifies|ratified|ratifying")]
    [InlineData("meet/met/meets/meeting", "meet|met|meets|meeting")]
    public void AVerbLemmaGivesItsInflectedForms(string lemma, string forms) =>
        Assert.Equal(forms.Split('|'), PatternTable.VerbForms(lemma));

    [Theory]
    [InlineData("visit", "visit|visits")]
    [InlineData("summit", "summit|summits")]
    [InlineData("talks", "talks")]
    [InlineData("cancelation|cancellation", "cancelation|cancelations|cancellation|cancellations")]
    public void ANounGivesItsSingularAndPlural(string lemma, string forms) =>
        Assert.Equal(forms.Split('|'), PatternTable.NounForms(lemma));

    [Fact]
    public void TheBuiltInTableLoadsWithoutProblemsAndCoversEveryRoot()
    {
        var table = PatternTable.Load(null, out var problems);
        Assert.Empty(problems);
        var roots = table.Patterns.Where(p => p.Kind != PatternKind.Report).Select(p => p.Code.RootNumber).ToHashSet();
        for (var root = 1; root <= 20; root++)
            Assert.Contains(root, roots);
        Assert.Equal(table.Patterns.Count, table.Patterns.Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("x\tV\tsign\t999\tsym", "code '999' is not a CAMEO code")]
    [InlineData("x\tQ\tsign\t057\tsym", "pos 'Q' is not V, N, I or R")]
    [InlineData("x\tV\tsign\t057\tround", "frame 'round' is not sym, dir, visit, host, mediate, dom or recv")]
    [InlineData("x\tV", "a pattern row needs at least id, pos, phrase, code and frame")]
    public void ABadPatternRowIsReportedNotThrown(string row, string message)
    {
        Assert.False(PatternTable.TryParse(row.Split('\t'), out _, out var problem));
        Assert.Equal(message, problem);
    }

    [Fact]
    public void AUserPatternFileAddsAndSwitchesOffPatterns()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, [
                "# a user file",
                "applaud-x\tV\tapplaud\t051\tdir\t0\t\t\tour own verb",
                "criticize\toff",
            ]);
            var table = PatternTable.Load(file, out var problems);
            Assert.Empty(problems);
            Assert.Contains(table.Candidates("applauded"), p => p.Id == "applaud-x");
            Assert.DoesNotContain(table.Candidates("criticized"), p => p.Id == "criticize");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
