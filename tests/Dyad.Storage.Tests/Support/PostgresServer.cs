using Npgsql;

namespace Dyad.Storage.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests use: DYAD_TEST_PG (which .ci/postgres.sh prints). When it is unset or the server
/// is unreachable the PostgreSQL tests are skipped, with the reason, so `dotnet test` passes without a server.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "DYAD_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    private static readonly Lazy<string?> LazyUnavailable = new(() =>
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            return $"{Variable} is not set: PostgreSQL tests skipped (run `eval \"$(.ci/postgres.sh)\"` to get a local server)";
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return $"PostgreSQL at {Variable} is unreachable ({ex.Message.Split('\n')[0]}): PostgreSQL tests skipped";
        }
    });

    /// <summary>Why the PostgreSQL tests cannot run, or null when they can.</summary>
    public static string? Unavailable => LazyUnavailable.Value;

    /// <summary>A fresh schema for one test: a connection string whose search path points at it.</summary>
    public static string NewSchema(out Action drop)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE SCHEMA {name}");
        drop = () => Execute($"DROP SCHEMA IF EXISTS {name} CASCADE");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name }.ConnectionString;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
