using System.Data.Common;
using Dyad.Storage.Workbench;

namespace Dyad.Cli.Commands;

/// <summary>`dyad export corrections --format gold`: the reviewers' fixes as gold lines that `dyad eval --gold` reads.</summary>
internal static class CorrectionsExport
{
    public static int Run(string what, string db, string format, string? output)
    {
        if (what != "corrections" || format != "gold")
        {
            Console.Error.WriteLine("dyad: corrections are exported with --format gold, and only corrections have that format");
            return ExitCodes.Usage;
        }
        using var store = StoreOptions.Open(db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        var temp = output is null ? null : output + ".part";
        try
        {
            (int Written, int Rejections) counts;
            using (var stream = temp is null ? Console.OpenStandardOutput() : File.Create(temp))
                counts = CorrectionsGold.Write(store.Corrections(), stream);
            if (temp is not null)
                File.Move(temp, output!, overwrite: true);
            Console.Error.WriteLine($"dyad: exported {counts.Written} corrected events as gold lines{(output is null ? "" : " to " + output)}"
                + (counts.Rejections > 0 ? $"; {counts.Rejections} rejections have no gold line (gold lists what happened)" : ""));
            return ExitCodes.Ok;
        }
        catch (DbException ex)
        {
            return StoreOptions.Fail(store.Explain(ex));
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"dyad: {output}: {ex.Message}");
            return ExitCodes.InputFailed;
        }
    }
}
