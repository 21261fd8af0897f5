using System.Data.Common;
using System.Globalization;

namespace Dyad.Storage;

/// <summary>The work queue: claims on documents, so several workers share an ingest.</summary>
public abstract partial class SqlEventStore
{
    public ClaimResult Claim(string key, string contentHash, string owner, TimeSpan lease) =>
        Claim([(key, contentHash)], owner, lease)[0];

    /// <summary>Claims several documents in one transaction (see <see cref="IEventStore.Claim"/>).</summary>
    public IReadOnlyList<ClaimResult> Claim(IReadOnlyList<(string Key, string Hash)> documents, string owner, TimeSpan lease)
    {
        var results = new ClaimResult[documents.Count];
        using var tx = Connection.BeginTransaction();
        // A lost claim costs a redo at worst, so claims need not wait for the disk.
        BeforeClaims(tx);
        // Claim first, then look for stored copies: a worker that stored one of these documents and dropped its
        // claim just before our claim is then seen here (PostgreSQL reads each statement's own snapshot).
        var wanted = new List<int>();
        var seen = new HashSet<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (seen.Add(documents[i].Key))
                wanted.Add(i);
            else
                results[i] = ClaimResult.Busy; // the same key twice in one batch: the second waits for the first
        }
        var got = new HashSet<string>();
        foreach (var chunk in wanted.Chunk(ListChunk))
        {
            var values = string.Join(", ", chunk.Select((_, j) => $"(@k{j}, @h{j}, @o, {NowMs} + @lease)"));
            var args = new List<(string, object?)> { ("o", owner), ("lease", (long)lease.TotalMilliseconds) };
            args.AddRange(chunk.Select((i, j) => ($"k{j}", (object?)documents[i].Key)));
            args.AddRange(chunk.Select((i, j) => ($"h{j}", (object?)documents[i].Hash)));
            using var cmd = Command(tx, $"""
                INSERT INTO claims (doc_key, content_hash, owner, expires_ms) VALUES {values}
                ON CONFLICT (doc_key) DO UPDATE SET content_hash = excluded.content_hash, owner = excluded.owner, expires_ms = excluded.expires_ms
                WHERE claims.expires_ms < {NowMs} OR claims.owner = excluded.owner
                RETURNING doc_key
                """, [.. args]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                got.Add(reader.GetString(0));
        }
        var stored = StoredHashes(tx, documents.Select(d => d.Key));
        var release = new List<string>();
        foreach (var i in wanted)
        {
            var (key, hash) = documents[i];
            if (stored.TryGetValue(key, out var s) && s.Hash == hash)
            {
                results[i] = ClaimResult.Done;
                if (got.Contains(key))
                    release.Add(key);
            }
            else
            {
                results[i] = got.Contains(key) ? ClaimResult.Claimed : ClaimResult.Busy;
            }
        }
        foreach (var chunk in release.Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            Execute(tx, $"DELETE FROM claims WHERE owner = @o AND doc_key IN ({names})", [("o", owner), .. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
        }
        tx.Commit();
        return results;
    }

    /// <summary>Settings for a claims transaction (PostgreSQL: commit without waiting for the disk).</summary>
    protected virtual void BeforeClaims(DbTransaction transaction)
    {
    }

    /// <summary>Called in a store transaction after the replaced documents' rows are gone, before the new rows go in.</summary>
    protected virtual void BeforeChildRows(DbTransaction transaction)
    {
    }

    /// <summary>Called in a store transaction after the new rows of every document of the batch are in.</summary>
    protected virtual void AfterChildRows(DbTransaction transaction)
    {
    }

    private Dictionary<string, (long Id, string Hash)> StoredHashes(DbTransaction tx, IEnumerable<string> keys)
    {
        var found = new Dictionary<string, (long, string)>();
        foreach (var chunk in keys.Distinct().Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            using var cmd = Command(tx, $"SELECT doc_key, id, content_hash FROM documents WHERE doc_key IN ({names})", [.. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                found[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2));
        }
        return found;
    }

    public void Release(string key, string owner)
    {
        using var tx = Connection.BeginTransaction();
        Execute(tx, "DELETE FROM claims WHERE doc_key = @k AND owner = @o", ("k", key), ("o", owner));
        tx.Commit();
    }

    /// <summary>Of <paramref name="keys"/>, those another worker holds under an unexpired claim.</summary>
    public IReadOnlySet<string> HeldByOthers(IEnumerable<string> keys, string owner)
    {
        var held = new HashSet<string>();
        foreach (var chunk in keys.Chunk(ListChunk))
        {
            var names = string.Join(", ", chunk.Select((_, j) => $"@k{j}"));
            using var cmd = Command(null, $"SELECT doc_key FROM claims WHERE owner <> @o AND expires_ms >= {NowMs} AND doc_key IN ({names})",
                [("o", owner), .. chunk.Select((k, j) => ($"k{j}", (object?)k))]);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
                held.Add(reader.GetString(0));
        }
        return held;
    }

    /// <summary>The workers that hold claims.</summary>
    public IReadOnlyList<string> ClaimOwners()
    {
        var owners = new List<string>();
        using var cmd = Command(null, "SELECT DISTINCT owner FROM claims");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            owners.Add(reader.GetString(0));
        return owners;
    }

    /// <summary>Drops every claim of <paramref name="owner"/>; returns how many.</summary>
    public int ReleaseAll(string owner)
    {
        using var tx = Connection.BeginTransaction();
        using var cmd = Command(tx, "DELETE FROM claims WHERE owner = @o", ("o", owner));
        var n = cmd.ExecuteNonQuery();
        tx.Commit();
        return n;
    }

    public IReadOnlyList<string> ClaimsOf(string owner)
    {
        using var tx = Connection.BeginTransaction();
        var keys = new List<string>();
        using var cmd = Command(tx, "SELECT doc_key FROM claims WHERE owner = @o ORDER BY doc_key", ("o", owner));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        return keys;
    }
}
