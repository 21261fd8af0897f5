using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Storage.Bench;

/// <summary>
/// `dyad bench --hostile`: runs `dyad code` and `dyad ingest -j 1` in child processes on the worst inputs (a 1 MB
/// one-sentence list, a 10 MB line without a full stop, a 31 MB document) and checks time and peak memory against
/// the bounds: at most 300 MB for any single input, and time per megabyte that does not grow with the input.
/// </summary>
public static partial class HostileBench
{
    public const double MaxMegabytes = 300;

    /// <summary>Time per MB of the largest line over that of the 1 MB one, at most: linear time up to noise.</summary>
    public const double MaxSlowdown = 2;

    public static IReadOnlyList<BenchFigure> Run(string folder, string dyadCommand, Action<string> say)
    {
        Directory.CreateDirectory(folder);
        var figures = new List<BenchFigure>();
        var small = HostileCorpus.OneLine(folder, "line-1mb.txt", 1);
        var large = HostileCorpus.OneLine(folder, "line-10mb.txt", 10);
        var document = HostileCorpus.Document(folder, "document-31mb.txt", 31);
        var perMb = new List<double>();
        foreach (var (path, mb, label) in new[] { (small, 1, "1 MB one-sentence line"), (large, 10, "10 MB one-line file"), (document, 31, "31 MB document") })
        {
            say($"code {label}…");
            var (seconds, peak) = Child(dyadCommand, ["code", "--quiet", path], peakFromSummary: false);
            figures.Add(new($"code: time, {label}", seconds, "s"));
            figures.Add(new($"code: peak memory, {label}", peak, "MB", MaxMegabytes, HigherIsBetter: false));
            perMb.Add(seconds / mb);
        }
        figures.Add(new("code: time per MB, 10 MB line over 1 MB line", perMb[1] / perMb[0], "ratio", MaxSlowdown, HigherIsBetter: false));
        var db = Path.Combine(folder, "hostile.db");
        File.Delete(db);
        say("ingest 31 MB document, -j 1…");
        var (ingestSeconds, ingestPeak) = Child(dyadCommand, ["ingest", document, "--db", db, "--jobs", "1"], peakFromSummary: true);
        figures.Add(new("ingest -j 1: time, 31 MB document", ingestSeconds, "s"));
        figures.Add(new("ingest -j 1: peak memory, 31 MB document", ingestPeak, "MB", MaxMegabytes, HigherIsBetter: false));
        return figures;
    }

    /// <summary>Runs dyad and returns its wall time and peak memory (from /proc while it runs, or from its summary line).</summary>
    private static (double Seconds, double PeakMb) Child(string dyadCommand, string[] args, bool peakFromSummary)
    {
        var parts = dyadCommand.Split(' ', 2);
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (parts.Length > 1)
            start.ArgumentList.Add(parts[1]);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var stderr = process.StandardError.ReadToEndAsync();
        double peak = 0;
        while (!process.WaitForExit(200))
            peak = Math.Max(peak, HighWater(process.Id));
        stdout.Wait();
        var seconds = clock.Elapsed.TotalSeconds;
        if (peakFromSummary || peak == 0)
        {
            var m = PeakInSummary().Match(stderr.Result);
            if (m.Success)
                peak = Math.Max(peak, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        return (seconds, peak);
    }

    /// <summary>The resident-set high-water mark of a running process, in MB (Linux); 0 elsewhere.</summary>
    private static double HighWater(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    [GeneratedRegex(@"peak memory (\d+) MB")]
    private static partial Regex PeakInSummary();
}
