using System.CommandLine;
using System.CommandLine.Help;
using Dyad.Cli.Commands;

namespace Dyad.Cli;

/// <summary>The `dyad` command: one verb per capability, each calling one library method.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // A plain command named "dyad" rather than RootCommand, whose name would be the assembly's ("Dyad.Cli").
        var root = new Command("dyad", "Dyad: turns texts about international relations into coded events, actors and facts.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(VerbsCommand.Create());
        root.Subcommands.Add(ActorsCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(TrendsCommand.Create());
        root.Subcommands.Add(BalanceCommand.Create());
        root.Subcommands.Add(DyadCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(TrainSyntaxCommand.Create());
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
                return UsageError(parsed);
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Nothing throws past Main: an unexpected failure is one line and exit code 3.
            Console.Error.WriteLine($"dyad: internal error: {ex.GetType().Name}: {Documents.Readers.Printable.Escape(ex.Message.Split('\n')[0])}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>A wrong command line: its errors, one line each, and where to find the usage; exit code 2, as documented.</summary>
    private static int UsageError(ParseResult parsed)
    {
        foreach (var error in parsed.Errors)
            Console.Error.WriteLine($"dyad: {Documents.Readers.Printable.Escape(error.Message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).Replace('\t', ' '))}");
        var verb = parsed.CommandResult.Command.Name;
        Console.Error.WriteLine(verb == "dyad" ? "dyad: see `dyad --help`" : $"dyad: see `dyad {verb} --help`");
        return ExitCodes.Usage;
    }
}
