using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dyad.Storage.Postgres;

/// <summary>
/// Reads a --db value for PostgreSQL and shows it without its secret. Both go through Npgsql's own builder, so
/// every synonym of the password (Password, Pwd, PSW, with spaces or quotes) is known; a value the builder
/// cannot read is never printed.
/// </summary>
public static partial class ConnectionStrings
{
    /// <summary>What is shown in place of a connection string that could not be read.</summary>
    public const string Unreadable = "(a PostgreSQL connection string that could not be read; not shown, it may hold a password)";

    public static bool IsUrl(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A "Host=…" string or a postgres:// URL as an Npgsql connection string; throws <see cref="ArgumentException"/> when unreadable.</summary>
    public static string ToConnectionString(string db) => IsUrl(db) ? FromUrl(db).ConnectionString : new NpgsqlConnectionStringBuilder(db).ConnectionString;

    /// <summary>The connection string with its password as ***, or <see cref="Unreadable"/>.</summary>
    public static string Redact(string db)
    {
        try
        {
            var b = IsUrl(db) ? FromUrl(db) : new NpgsqlConnectionStringBuilder(db);
            var shown = new NpgsqlConnectionStringBuilder { Host = b.Host, Port = b.Port, Database = b.Database, Username = b.Username };
            return shown.ConnectionString + (string.IsNullOrEmpty(b.Password) ? string.Empty : ";Password=***");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
        {
            return Unreadable;
        }
    }

    /// <summary>Why a connection string could not be read, naming a keyword at most, never a value.</summary>
    public static string WhyUnreadable(Exception ex)
    {
        var keyword = KeywordInMessage().Match(ex.Message);
        return keyword.Success && ex.Message.Contains("not supported", StringComparison.OrdinalIgnoreCase)
            ? $"bad connection string: unknown keyword '{keyword.Groups[1].Value}'"
            : "bad connection string: a keyword or value Npgsql cannot read";
    }

    /// <summary>
    /// postgres://user:password@host:port/database?key=value. The password may hold an un-encoded '@' (the last '@'
    /// before the path ends the user part) and percent escapes.
    /// </summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        var at = rest.LastIndexOf('@');
        var user = at >= 0 ? rest[..at] : string.Empty;
        var hostAndPath = at >= 0 ? rest[(at + 1)..] : rest;
        var slash = hostAndPath.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash >= 0 ? hostAndPath[..slash] : hostAndPath;
        var database = slash >= 0 ? hostAndPath[(slash + 1)..] : string.Empty;
        var b = new NpgsqlConnectionStringBuilder();
        var colon = hostPort.LastIndexOf(':');
        if (colon > 0 && !hostPort.EndsWith(']') && int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            b.Port = port;
            hostPort = hostPort[..colon];
        }
        if (hostPort.Length > 0)
            b.Host = Uri.UnescapeDataString(hostPort.Trim('[', ']'));
        if (user.Length > 0)
        {
            var parts = user.Split(':', 2);
            if (parts[0].Length > 0)
                b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
                b.Password = Uri.UnescapeDataString(parts[1]);
        }
        if (database.Trim('/').Length > 0)
            b.Database = Uri.UnescapeDataString(database.Trim('/'));
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && !kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase))
                b[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = Uri.UnescapeDataString(kv[1]);
        }
        return b;
    }

    [GeneratedRegex("'([^']{1,40})'")]
    private static partial Regex KeywordInMessage();
}
