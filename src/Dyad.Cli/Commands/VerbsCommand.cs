using System.CommandLine;
using Dyad.Stages.Events;

namespace Dyad.Cli.Commands;

/// <summary>`dyad verbs FILE`: converts a PETRARCH-2 / TABARI verb dictionary into Dyad pattern rows (TSV on stdout).</summary>
public static class VerbsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The verb dictionary (e.g. CAMEO.2.0.txt)" };
        var command = new Command("verbs", "Convert a PETRARCH-2 / TABARI verb dictionary into rows of the pattern format (docs/patterns.md) on stdout")
        {
            file,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!));
        return command;
    }

    private static int Run(string file)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"dyad: verbs '{file}': no such file");
            return ExitCodes.Usage;
        }
        using var reader = new StreamReader(file);
        var import = VerbDictionaryImporter.Read(reader, Path.GetFileName(file), VerbDictionaryImporter.FramesOf(PatternTable.Default));
        foreach (var problem in import.Problems)
            Console.Error.WriteLine($"dyad: {problem}");
        VerbDictionaryImporter.WriteTsv(import.Rows, Console.Out);
        Console.Error.WriteLine($"dyad: verbs '{file}': {import.Rows.Count} pattern rows; {import.Skipped} entries Dyad cannot express were left out");
        return import.Problems.Count > 0 ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
