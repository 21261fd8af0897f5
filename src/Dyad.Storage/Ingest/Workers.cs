using System.Diagnostics;
using System.Globalization;

namespace Dyad.Storage.Ingest;

/// <summary>Names ingest workers and frees the claims of local workers that died.</summary>
public static class Workers
{
    private static readonly Lazy<string> LazyCurrent = new(() =>
    {
        using var self = Process.GetCurrentProcess();
        return Name(Environment.MachineName, self.Id, self.StartTime);
    });

    /// <summary>This process: host/pid/start-ticks, unique even when a pid is reused.</summary>
    public static string Current => LazyCurrent.Value;

    private static string Name(string host, int pid, DateTime start) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{start.ToUniversalTime().Ticks}");

    /// <summary>
    /// Releases claims held by processes of this machine that are no longer running, so a re-run after a crash
    /// need not wait for their leases. Claims of other machines are left to expire.
    /// </summary>
    public static int FreeClaimsOfDeadLocalWorkers(SqlEventStore store)
    {
        var freed = 0;
        foreach (var owner in store.ClaimOwners())
        {
            var parts = owner.Split('/');
            if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var pid))
                continue;
            if (IsAlive(pid, parts[2]))
                continue;
            freed += store.ReleaseAll(owner);
        }
        return freed;
    }

    private static bool IsAlive(int pid, string startTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && Name(Environment.MachineName, pid, process.StartTime).EndsWith("/" + startTicks, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
