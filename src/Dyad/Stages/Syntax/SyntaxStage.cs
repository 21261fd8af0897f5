using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Syntax;

/// <summary>
/// Parses every sentence: UD words with offsets into the document, UPOS and XPOS tags, lemmas and a labelled
/// dependency tree, stored in <see cref="Analysis.Syntax"/> by sentence index. Needs the sentences.
/// </summary>
public sealed class SyntaxStage : IStage
{
    private readonly SyntaxModel? _model;

    /// <summary>A stage using <paramref name="model"/>, or <see cref="SyntaxModel.Default"/> when null.</summary>
    public SyntaxStage(SyntaxModel? model = null) => _model = model;

    public string Name => "syntax";

    public void Run(Analysis analysis)
    {
        var model = _model ?? SyntaxModel.Default;
        var text = analysis.Document.Text;
        analysis.Syntax.Clear();
        foreach (var sentence in analysis.Sentences)
            analysis.Syntax.Add(Parse(model, text, sentence.Span));
    }

    /// <summary>Tokenizes <paramref name="text"/>[span] the UD way and parses it; forms are the text as written.</summary>
    public static ParsedSentence Parse(SyntaxModel model, string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tokens = UdTokenizer.Tokenize(text, span);
        var forms = new string[tokens.Count];
        var spans = new TextSpan[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            forms[i] = tokens[i].Form;
            spans[i] = tokens[i].Span;
        }
        var parsed = model.Parse(forms, spans);
        var words = new SyntaxWord[parsed.Count];
        for (var i = 0; i < words.Length; i++)
        {
            var written = spans[i].Slice(text).Replace("\u00AD", "", StringComparison.Ordinal);
            words[i] = parsed.Words[i] with { Form = written.Length > 0 ? written : parsed.Words[i].Form };
        }
        return new ParsedSentence(words);
    }
}

/// <summary>Adds the syntax stage to a pipeline.</summary>
public static class SyntaxStageExtensions
{
    /// <summary>Parses each sentence (opt-in: the default pipeline does not parse yet). Add it after the sentence splitter.</summary>
    public static PipelineBuilder UseSyntax(this PipelineBuilder builder, SyntaxModel? model = null) => builder.Replace(new SyntaxStage(model));
}
