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
    public void ADocumentTheDatabaseRejectsFailsAloneAndTheRestOfItsBatchIsStored()
    {
        using (var store = Open())
            store.ExecuteForTests("CREATE TRIGGER poison BEFORE INSERT ON documents WHEN NEW.doc_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END");
        var lines = Enumerable.Range(1, 9).Select(i => $"{{\"id\":\"{(i == 5 ? "poison" : $"ok{i}")}\",\"text\":\"Kazakhstan and Russia signed agreement {i}.\"}}");
        var path = Temp.File("batch.jsonl", string.Join('\n', lines) + "\n");
        var result = DyadCli.Run("ingest", path, "--db", Db, "-j", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"dyad: {path}:5: {StoreMessages.Rejected}: SQLite", result.StderrLines[0], StringComparison.Ordinal);
        using var check = Open();
        Assert.Equal(8L, Convert.ToInt64(check.ScalarForTests("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(check.ScalarForTests("SELECT count(*) FROM claims"), CultureInfo.InvariantCulture));
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
        // The store sets the full-text insert trigger aside inside its transaction: the rollback brings it back.
        Assert.Equal(1, Count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'"));
        using (var store = Open())
            store.ExecuteForTests("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public void TheFullTextIndexHoldsExactlyTheStoredSentencesAfterInsertsReplacementsAndRepeats()
    {
        var first = new[]
        {
            Coded("one", "Kazakhstan and Russia signed a pipeline agreement. Uzbekistan praised the accord."),
            Coded("two", "China criticized Tajikistan over the border. Kyrgyzstan hosted the talks."),
        };
        using (var store = Open())
        {
            store.Store(first, "test");
            store.Store(first, "test");
            store.Store([Coded("one", "Kazakhstan and Turkey discussed a railway corridor.")], "test");
            store.Store([Coded("three", "Mongolia welcomed the pipeline plan at a café in Ulaanbaatar’s centre.")], "test");
        }
        // FTS5 checks its index against the sentences table it indexes (external content): it throws on a mismatch.
        using (var store = Open())
            store.ExecuteForTests("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
        Assert.Equal(Count("SELECT count(*) FROM sentences"), Count("SELECT count(*) FROM sentences_fts_docsize"));
        using (var store = Open())
        {
            Assert.Equal(["Mongolia welcomed the pipeline plan at a café in Ulaanbaatar’s centre."], store.Search("pipeline", 10).Select(h => h.Text));
            Assert.Equal(["Kazakhstan and Turkey discussed a railway corridor."], store.Search("railway", 10).Select(h => h.Text));
            Assert.Empty(store.Search("accord", 10));
        }
        // The insert trigger is in place between batches, so a sentence inserted by any other writer is indexed too.
        Assert.Equal(1, Count("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'sentences_ai'"));
    }

    private static StoredDocument Coded(string id, string text) => StoredDocument.From(DyadPipeline.Default.Run(new Document(id, text)));
}
