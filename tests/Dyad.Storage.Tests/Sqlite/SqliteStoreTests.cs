using System.Globalization;
using Dyad.Documents;
using Dyad.Storage.Sqlite;
using Dyad.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dyad.Storage.Tests.Sqlite;

/// <summary>The store suite on SQLite, plus what only a file can suffer: corruption and a full disk.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    protected override string NewDatabase() => Path.Combine(Temp.Path, "dyad.db");

    protected override void SetVersion(string version)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"UPDATE schema_info SET value = '{version}' WHERE name = 'schema_version'";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void ACorruptDatabaseFileIsReportedInOneLineNamingTheFile()
    {
        File.WriteAllText(Db, new string('x', 8192));
        var result = DyadCli.Run("ingest", Temp.File("a.txt", Relations), "--db", Db);
        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"dyad: SQLite {Db}: {StoreMessages.Corrupt}", result.Stderr.Trim());
        Assert.Equal(8192, new FileInfo(Db).Length);
    }

    [Fact]
    public void AFullDiskRollsTheTransactionBackAndSaysSo()
    {
        using (var store = Open())
            store.Store([Coded("small", "Kazakhstan and Russia signed an agreement.")], "test");
        long pages;
        using (var store = Open())
            pages = Convert.ToInt64(store.ScalarForTests("PRAGMA page_count"), CultureInfo.InvariantCulture);
        var big = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"China criticized Tajikistan over dispute number {i}."));
        using (var full = new SqliteEventStore(Db) { MaxPageCount = pages + 2 })
        {
            full.Open();
            var error = Assert.ThrowsAny<Exception>(() => full.Store([Coded("big", big)], "test"));
            Assert.Equal($"SQLite {Db}: {StoreMessages.Full}", full.Explain(error).Message);
        }
        using var check = Open();
        Assert.Equal(1, check.Counts().Documents);
        Assert.Equal(0, Count("SELECT count(*) FROM sentences WHERE text LIKE '%dispute number%'"));
        AssertNoHalfStoredDocument();
    }

    private static StoredDocument Coded(string id, string text) => StoredDocument.From(DyadPipeline.Default.Run(new Document(id, text)));
}
