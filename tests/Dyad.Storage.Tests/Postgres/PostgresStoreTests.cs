using Dyad.Storage.Tests.Support;
using Npgsql;

namespace Dyad.Storage.Tests.Postgres;

/// <summary>The store suite on a real PostgreSQL server (DYAD_TEST_PG); skipped with the reason when there is none.</summary>
public sealed class PostgresStoreTests : StoreContract, INeedsPostgres
{
    private Action? _drop;

    protected override string NewDatabase() => PostgresServer.NewSchema(out _drop);

    protected override void DropDatabase() => _drop?.Invoke();

    protected override void SetVersion(string version)
    {
        using var connection = new NpgsqlConnection(Db);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"UPDATE schema_info SET value = '{version}' WHERE name = 'schema_version'";
        cmd.ExecuteNonQuery();
    }

    [StoreFact]
    public void AWrongPasswordIsRefusedInOneLineThatNamesTheServerButNotThePassword()
    {
        var wrong = new NpgsqlConnectionStringBuilder(Db) { Password = "not-the-password" };
        var result = DyadCli.Run("ingest", Temp.File("a.txt", Relations), "--db", wrong.ConnectionString);
        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dyad: PostgreSQL {wrong.Host}:{wrong.Port}/{wrong.Database}: {StoreMessages.Refused}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Stderr, StringComparison.Ordinal);
    }

    [StoreFact]
    public void APostgresUrlNamesTheSameDatabase()
    {
        var b = new NpgsqlConnectionStringBuilder(Db);
        var url = $"postgres://{Uri.EscapeDataString(b.Username!)}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}?search_path={b.SearchPath}";
        Assert.Equal(0, DyadCli.Run("ingest", Temp.File("a.txt", Relations), "--db", url).ExitCode);
        using var store = Open();
        Assert.Equal(1, store.Counts().Documents);
    }
}

/// <summary>Connection failures need no server: nothing listens on the port.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void AServerThatIsDownIsReportedInOneLineAndNothingIsWritten()
    {
        using var temp = new TempDir();
        var result = DyadCli.Run("ingest", temp.File("a.txt", "Kazakhstan and Russia signed an agreement."), "--db", "Host=127.0.0.1;Port=1;Username=dyad;Password=secret;Database=nowhere");
        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dyad: PostgreSQL 127.0.0.1:1/nowhere: {StoreMessages.Unreachable}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://ann:p%40ss@db.example:6543/events", "Host=db.example;Port=6543;Username=ann;Password=p@ss;Database=events")]
    [InlineData("postgresql://ann@db.example/events", "Host=db.example;Username=ann;Database=events")]
    [InlineData("Host=h;Username=u", "Host=h;Username=u")]
    public void APostgresUrlBecomesAConnectionString(string url, string expected)
    {
        var actual = new NpgsqlConnectionStringBuilder(Dyad.Storage.Postgres.PostgresEventStore.ToConnectionString(url));
        Assert.True(actual.EquivalentTo(new NpgsqlConnectionStringBuilder(expected)), actual.ConnectionString);
    }
}
