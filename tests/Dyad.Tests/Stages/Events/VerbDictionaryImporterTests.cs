using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Events;

namespace Dyad.Tests.Stages.Events;

public sealed class VerbDictionaryImporterTests
{
    private static readonly string SmallFile = Path.Combine(AppContext.BaseDirectory, "Stages", "Events", "Data", "small.verbs.txt");

    private static VerbImport ReadSmall()
    {
        using var reader = new StreamReader(SmallFile);
        return VerbDictionaryImporter.Read(reader, "small", code => code.Root is "04" or "05" ? "sym" : "dir");
    }

    private static string[] RowOf(VerbImport import, string code) => import.Rows.First(r => r[3] == code);

    [Fact]
    public void ASynsetInAPatternBecomesTheWordsItsObjectNeedsWithTheirPlurals()
    {
        var row = RowOf(ReadSmall(), "163");
        Assert.Equal("sanction|sanctions|blockade|blockades|ban|bans", row[6]);
        Assert.Equal("on", row[5]);
    }

    [Fact]
    public void EveryVerbOfABlockSharesItsPatternsWithItsInflectedForms()
    {
        var heads = RowOf(ReadSmall(), "163")[2].Split('/');
        Assert.Contains("penalized", heads);
        Assert.Contains("punishes", heads);
        Assert.Contains("welcome", RowOf(ReadSmall(), "0356")[2].Split('/'));
        Assert.Contains("welcomed", RowOf(ReadSmall(), "0356")[2].Split('/'));
    }

    [Fact]
    public void TheHeadOfANounPhraseIsItsLastWord() =>
        Assert.Equal("fines", RowOf(ReadSmall(), "1621")[6].Split('|')[0]);

    [Fact]
    public void ASynsetMarkedWithAnUnderscoreGetsNoPlurals() =>
        Assert.Equal("ceasefire|truce", RowOf(ReadSmall(), "0356")[6]);

    [Fact]
    public void APatternNamingOnlyThePrepositionOfItsTargetNeedsThatPreposition()
    {
        var row = RowOf(ReadSmall(), "111");
        Assert.Equal("against", row[5]);
        Assert.Equal("against", row[6]);
    }

    [Fact]
    public void AVerbWithItsOwnCodeOrABlockCodeCodesAloneAfterItsPatterns()
    {
        var import = ReadSmall();
        var punish = import.Rows.Single(r => r[2].StartsWith("punish/", StringComparison.Ordinal) && r[6].Length == 0);
        Assert.Equal("160", punish[3]);
        Assert.DoesNotContain(import.Rows, r => r[2].StartsWith("penalize/", StringComparison.Ordinal) && r[6].Length == 0);
        var greet = import.Rows.Single(r => r[2].StartsWith("greet/", StringComparison.Ordinal) && r[6].Length == 0);
        Assert.Equal(("040", "sym", "0|with"), (greet[3], greet[4], greet[5]));
        Assert.True(import.Rows.ToList().IndexOf(RowOf(import, "163")) < import.Rows.ToList().IndexOf(punish));
    }

    [Fact]
    public void ACompoundVerbKeepsItsParticleAndListedForms()
    {
        var sit = ReadSmall().Rows.Single(r => r[2].EndsWith(" down", StringComparison.Ordinal) && r[6].Length == 0);
        Assert.Equal("sit/sits/sat/sitting down", sit[2]);
        Assert.Equal("046", sit[3]);
    }

    [Fact]
    public void WhatDyadCannotExpressIsLeftOutAndCounted()
    {
        var import = ReadSmall();
        Assert.Empty(import.Problems);
        // [---], a negated pattern, a reversed-only code and the verb "RE_+GREET" with a word before it.
        Assert.Equal(4, import.Skipped);
        Assert.DoesNotContain(import.Rows, r => r[2].Contains("re greet", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryImportedRowIsAValidPattern()
    {
        foreach (var row in ReadSmall().Rows)
            Assert.True(PatternTable.TryParse(row, out _, out var problem), problem);
    }

    [Fact]
    public void AVerbOutsideABlockIsReportedWithItsLine()
    {
        var import = VerbDictionaryImporter.Read(new StringReader("# no block yet\nPUNISH [160]\n"), "bad");
        Assert.Equal(["bad:2: a verb outside any '--- NAME [code] ---' block"], import.Problems);
    }

    [Fact]
    public void ImportedVerbsCodeEventsThroughTheUsualPipeline()
    {
        var table = PatternTable.Load(null, SmallFile, out var problems);
        Assert.Empty(problems);
        var pipeline = new PipelineBuilder().UseDefaults().UseEvents(new EventCoderOptions { Patterns = table }).Build();
        var analysis = pipeline.Run(new Document("t", "Norway penalized Chile with a blockade on Tuesday.", new DateOnly(2015, 1, 1)));
        var e = Assert.Single(analysis.Events);
        Assert.Equal(("NOR", "CHL", "163"), (e.Source.Code.Head, e.Target.Code.Head, e.Code.Value));
    }
}
