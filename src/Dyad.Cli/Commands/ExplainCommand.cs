using System.CommandLine;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Events;
using Dyad.Stages.Sentences;
using Dyad.Stages.Syntax;

namespace Dyad.Cli.Commands;

/// <summary>`dyad explain "SENTENCE"`: codes a text with tracing on and prints how each event was found.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var text = new Argument<string[]>("text") { Description = "The sentence(s) to explain (several arguments are joined with spaces)", Arity = ArgumentArity.OneOrMore };
        var date = new Option<string?>("--date") { Description = "Publication date (YYYY-MM-DD): office holders and report dates depend on it", HelpName = "DATE" };
        var patterns = new Option<string?>("--patterns") { Description = "A user pattern file (TSV, the format of Stages/Events/Data/patterns.tsv) added to the built-in patterns", HelpName = "FILE" };
        var verbs = new Option<string?>("--verbs") { Description = "A PETRARCH-2 / TABARI verb dictionary whose patterns are added after the built-in ones", HelpName = "FILE" };
        var syntax = new Option<bool>("--no-syntax") { Description = "Leave out the dependency tree of each sentence" };
        var command = new Command("explain", """
            Show step by step how a sentence is coded: tokens, actors, dates, clauses, triggers, patterns, events, and its dependency tree.
            Example: dyad explain "Kazakhstan and Russia signed an agreement on May 29, 2014."
            """)
        {
            text, date, patterns, verbs, syntax,
        };
        command.SetAction(parse => Run(string.Join(' ', parse.GetValue(text)!), parse.GetValue(date), parse.GetValue(patterns), parse.GetValue(verbs), !parse.GetValue(syntax)));
        return command;
    }

    private static int Run(string text, string? date, string? patternFile, string? verbsFile, bool syntax)
    {
        if (!DateOption.TryRead(date, out var published))
            return ExitCodes.Usage;
        if (!CodeCommand.TryBuildPipeline(patternFile, verbsFile, out var pipeline))
            return ExitCodes.Usage;
        foreach (var line in EventExplainer.Explain(pipeline, text, published))
            Console.WriteLine(line);
        if (syntax)
            PrintSyntax(text);
        return ExitCodes.Ok;
    }

    // The syntax stage is opt-in (the event coder does not read it yet), so explain runs it on its own.
    private static void PrintSyntax(string text)
    {
        var analysis = new PipelineBuilder().UseSentences().UseSyntax().Build().Run(new Document("explain", text));
        for (var i = 0; i < analysis.Syntax.Count; i++)
        {
            Console.WriteLine($"syntax of sentence {i + 1}:");
            foreach (var line in TreeView.Tree(analysis.Syntax[i]))
                Console.WriteLine("  " + line);
            foreach (var line in TreeView.Table(analysis.Syntax[i]))
                Console.WriteLine("  " + line);
        }
    }
}
