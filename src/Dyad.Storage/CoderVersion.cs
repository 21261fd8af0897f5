using System.Reflection;
using System.Security.Cryptography;

namespace Dyad.Storage;

/// <summary>Which coder produced the stored rows: the Dyad assembly's version and a hash of its embedded dictionaries and patterns.</summary>
public static class CoderVersion
{
    private static readonly Lazy<(string Version, string DataHash)> Value = new(Compute);

    /// <summary>The informational version of the Dyad library.</summary>
    public static string Version => Value.Value.Version;

    /// <summary>SHA-256 (first 16 hex digits) over the names and bytes of every embedded data resource, in name order.</summary>
    public static string DataHash => Value.Value.DataHash;

    private static (string, string) Compute()
    {
        var assembly = typeof(Dyad.Pipeline.Analysis).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
                continue;
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                hash.AppendData(buffer, 0, n);
        }
        return (version, Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
    }
}
