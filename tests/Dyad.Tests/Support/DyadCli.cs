using System.Diagnostics;

namespace Dyad.Tests.Support;

/// <summary>Runs the built `dyad` program in a child process, as a user would.</summary>
public static class DyadCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result RunWithInput(string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Dyad.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dyad did not finish in 120 s: " + string.Join(' ', args));
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args) => RunWithInput(null, args);

    /// <summary>The samples folder shipped with the repository, copied beside the tests.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);
}
