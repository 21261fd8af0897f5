namespace Dyad.Analytics.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyad-analysis-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDir() => Directory.CreateDirectory(Path);

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>The Kazakhstan stories coded once into a store shared by a test class.</summary>
public sealed class KazakhstanStore : IDisposable
{
    private readonly TempDir _dir = new();

    public KazakhstanStore() => Db = TestStores.Ingest(_dir.Path, _dir.File("stories.jsonl", TestStores.KazakhstanStories));

    public string Db { get; }

    public Storage.SqlEventStore Open() => Storage.EventStores.Open(Db);

    public void Dispose() => _dir.Dispose();
}
