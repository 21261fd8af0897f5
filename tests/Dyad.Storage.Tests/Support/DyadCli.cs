using System.Diagnostics;

namespace Dyad.Storage.Tests.Support;

/// <summary>Runs the built `dyad` program in a child process, as a user would (or as a worker that a test kills).</summary>
public static class DyadCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
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
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public static Result Finish(Process process, int timeoutMs = 180_000)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dyad did not finish in time");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(params string[] args)
    {
        using var process = Start(null, args);
        return Finish(process);
    }

    /// <summary>The samples folder shipped with the repository, copied beside the tests.</summary>
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");
}
