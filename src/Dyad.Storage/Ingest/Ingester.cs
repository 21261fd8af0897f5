using System.Diagnostics;
using System.Threading.Channels;
using Dyad.Documents;
using Dyad.Documents.Readers;

namespace Dyad.Storage.Ingest;

/// <summary>How an ingest run behaves.</summary>
public sealed record IngestOptions
{
    /// <summary>Documents coded in parallel.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>How long a claim holds before another worker may take the document over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Documents stored per transaction (each is still all-or-nothing).</summary>
    public int BatchSize { get; init; } = 64;

    public ReaderOptions Reader { get; init; } = new();

    /// <summary>This process's name in claims and the ingest log: host/pid/start.</summary>
    public string Worker { get; init; } = Workers.Current;

    /// <summary>A pause after coding each document: lets tests hold claims long enough to kill a worker mid-run.</summary>
    public TimeSpan DelayPerDocument { get; init; }

    public TimeSpan ProgressEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>What names a story: its id within its file (default) or its id alone (see <see cref="DocumentKeys"/>).</summary>
    public IdScope IdScope { get; init; } = IdScope.File;

    /// <summary>Characters of coded documents waiting to be stored, at most: bounds memory whatever the documents' sizes.</summary>
    public long MaxPendingChars { get; init; } = 4L * 1024 * 1024;
}

/// <summary>Counts so far (a progress report) or at the end (the summary).</summary>
public sealed record IngestProgress(
    long Read, long? Total, long Inserted, long Replaced, long Unchanged, long Failed, long Sentences, long Events, long Facts,
    TimeSpan Elapsed, TimeSpan StoreTime, long Superseded = 0)
{
    public long Stored => Inserted + Replaced;

    /// <summary>Documents handled (stored, unchanged or failed) per second.</summary>
    public double DocumentsPerSecond => (Stored + Unchanged + Failed + Superseded) / Math.Max(Elapsed.TotalSeconds, 1e-6);

    /// <summary>Time left, when the total is known.</summary>
    public TimeSpan? Left => Total is { } total && DocumentsPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - (Stored + Unchanged + Failed + Superseded)) / DocumentsPerSecond)
        : null;
}

/// <summary>
/// Reads inputs (streaming), claims each document, codes it on several threads and stores batches in
/// transactions. Several processes given the same inputs share the work through the claims table.
/// </summary>
public sealed class Ingester
{
    private readonly Func<SqlEventStore> _openStore;
    private readonly Pipeline.Pipeline _pipeline;
    private readonly IngestOptions _options;
    private long _read, _inserted, _replaced, _unchanged, _failed, _sentences, _events, _facts, _superseded;
    private long _total = -1;
    private readonly Stopwatch _clock = new();
    private readonly Stopwatch _storeClock = new();
    private readonly Budget _pending;

    /// <summary>An ingester whose <paramref name="openStore"/> opens a new connection to the store; it uses two (claims and writes).</summary>
    public Ingester(Func<SqlEventStore> openStore, Pipeline.Pipeline pipeline, IngestOptions? options = null)
    {
        _openStore = openStore;
        _pipeline = pipeline;
        _options = options ?? new IngestOptions();
        _pending = new Budget(_options.MaxPendingChars);
    }

    /// <summary>An input or record that could not be read or coded; the run goes on.</summary>
    public event Action<ReadProblem>? Problem;

    /// <summary>A story whose key occurs again later in the inputs (only the last is stored): said once per key.</summary>
    public event Action<ReadProblem>? Duplicate;

    /// <summary>Progress, every <see cref="IngestOptions.ProgressEvery"/>.</summary>
    public event Action<IngestProgress>? Progress;

    private sealed record Work(Document Document, string Key, string Hash);

    private sealed record Coded(StoredDocument? Stored, string Key, ReadProblem? Problem);

    public IngestProgress Snapshot() => new(
        Interlocked.Read(ref _read), Interlocked.Read(ref _total) is var t && t >= 0 ? t : null, Interlocked.Read(ref _inserted),
        Interlocked.Read(ref _replaced), Interlocked.Read(ref _unchanged), Interlocked.Read(ref _failed), Interlocked.Read(ref _sentences),
        Interlocked.Read(ref _events), Interlocked.Read(ref _facts), _clock.Elapsed, _storeClock.Elapsed, Interlocked.Read(ref _superseded));

    /// <summary>Ingests the inputs (files, folders, JSON Lines story files, "-"); throws <see cref="StoreException"/> when the store fails.</summary>
    public IngestProgress Run(IReadOnlyList<string> inputs, CancellationToken cancel = default)
    {
        _clock.Restart();
        var files = Inputs.Expand(inputs, out var missing);
        foreach (var m in missing)
            Report(new ReadProblem(m, ReadMessages.NotFound));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        _ = Task.Run(() =>
        {
            var total = Inputs.CountDocuments(files, stop.Token);
            Interlocked.Exchange(ref _total, total);
        }, stop.Token);

        var duplicates = DuplicateScan.Run(files, _options.Reader, _options.IdScope, cancel);
        using var writer = _openStore();
        using var claimer = _openStore();
        Guard(claimer, () => Workers.FreeClaimsOfDeadLocalWorkers(claimer));
        var jobs = Math.Max(1, _options.Jobs);
        var toCode = Channel.CreateBounded<Work>(new BoundedChannelOptions(jobs * 8) { SingleWriter = true });
        var toStore = Channel.CreateBounded<Coded>(new BoundedChannelOptions(Math.Max(_options.BatchSize, jobs * 8)) { SingleReader = true });

        var reading = Task.Run(() => ReadAndClaim(files, duplicates, claimer, toCode.Writer, stop.Token), stop.Token);
        var coders = Enumerable.Range(0, jobs).Select(_ => Task.Run(() => Code(toCode.Reader, toStore.Writer, stop.Token), stop.Token)).ToArray();
        var codersDone = Task.WhenAll(coders).ContinueWith(t => toStore.Writer.TryComplete(t.Exception), TaskScheduler.Default);
        try
        {
            StoreAll(writer, toStore.Reader, stop.Token);
            reading.GetAwaiter().GetResult();
            codersDone.GetAwaiter().GetResult();
        }
        catch
        {
            stop.Cancel();
            toCode.Writer.TryComplete();
            try
            {
                Task.WaitAll([reading, .. coders], TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // The first failure (below) is the one to report.
            }
            throw;
        }
        _clock.Stop();
        return Snapshot();
    }

    private void Report(ReadProblem problem)
    {
        Interlocked.Increment(ref _failed);
        Problem?.Invoke(problem);
    }


    private void ReadAndClaim(IReadOnlyList<string> files, DuplicateScan duplicates, SqlEventStore store, ChannelWriter<Work> output, CancellationToken cancel)
    {
        var said = new HashSet<ulong>();
        var seenOnStdin = new HashSet<ulong>();
        // Of several stories with one key only the last is stored; the earlier ones are said once and skipped.
        bool Superseded(Document document, int file)
        {
            var key = DocumentKeys.KeyOf(document, _options.IdScope);
            if (duplicates.LastOf(document, file) is { } last)
            {
                if (said.Add(DocumentKeys.Fingerprint(key)))
                    Duplicate?.Invoke(new ReadProblem(document.Origin, $"{DuplicateMessage(document)} again at {files[last.File]}:{last.Line}; the last one is stored"));
                return true;
            }
            if (document.Source == "-" && document.Line is not null && !seenOnStdin.Add(DocumentKeys.Fingerprint(key)) && said.Add(DocumentKeys.Fingerprint(key)))
                Duplicate?.Invoke(new ReadProblem(document.Origin, $"{DuplicateMessage(document)} came before; this later one replaces it"));
            return false;
        }
        try
        {
            // Busy documents (another worker holds them) by input file; revisited after the rest, in case that worker dies.
            var deferred = new Dictionary<string, HashSet<string>>();
            // Claims are taken a few at a time, so that none waits in the queues longer than its lease.
            var claimBatch = Math.Clamp(_options.Jobs * 4, 8, 64);
            var pending = new List<(string File, Work Work)>(claimBatch);
            void ClaimPending(bool defer)
            {
                if (pending.Count == 0)
                    return;
                var results = Guard(store, () => store.Claim(pending.Select(p => (p.Work.Key, p.Work.Hash)).ToList(), _options.Worker, _options.Lease));
                for (var i = 0; i < pending.Count; i++)
                {
                    var (file, work) = pending[i];
                    switch (results[i])
                    {
                        case ClaimResult.Claimed:
                            deferred.GetValueOrDefault(file)?.Remove(work.Key);
                            WriteBlocking(output, work, cancel);
                            break;
                        case ClaimResult.Done:
                            deferred.GetValueOrDefault(file)?.Remove(work.Key);
                            Interlocked.Increment(ref _unchanged);
                            break;
                        case ClaimResult.Busy when defer:
                            if (!deferred.TryGetValue(file, out var keys))
                                deferred[file] = keys = [];
                            keys.Add(work.Key);
                            break;
                    }
                }
                pending.Clear();
            }
            for (var f = 0; f < files.Count; f++)
            {
                var file = files[f];
                foreach (var result in DocumentReader.Read(file, _options.Reader))
                {
                    cancel.ThrowIfCancellationRequested();
                    Interlocked.Increment(ref _read);
                    if (result.Problem is { } problem)
                    {
                        Report(problem);
                        continue;
                    }
                    if (Superseded(result.Document!, f))
                    {
                        Interlocked.Increment(ref _superseded);
                        continue;
                    }
                    var work = Prepare(result.Document!);
                    // Standard input may repeat a key within one claim batch: claim the earlier copy first.
                    if (pending.Exists(p => p.Work.Key == work.Key))
                        ClaimPending(defer: true);
                    pending.Add((file, work));
                    if (pending.Count >= claimBatch)
                        ClaimPending(defer: true);
                }
            }
            ClaimPending(defer: true);
            while (deferred.Count > 0)
            {
                foreach (var (file, keys) in deferred.ToList())
                {
                    // Re-read a file only when one of its deferred documents is free again (stored, or its lease ran out).
                    if (Guard(store, () => store.HeldByOthers(keys, _options.Worker)).Count == keys.Count)
                        continue;
                    foreach (var result in DocumentReader.Read(file, _options.Reader))
                    {
                        cancel.ThrowIfCancellationRequested();
                        if (result.Document is null || !keys.Contains(DocumentKeys.KeyOf(result.Document, _options.IdScope))
                            || duplicates.LastOf(result.Document, IndexOf(files, file)) is not null)
                        {
                            continue;
                        }
                        pending.Add((file, Prepare(result.Document)));
                        if (pending.Count >= claimBatch)
                            ClaimPending(defer: false);
                    }
                    ClaimPending(defer: false);
                    if (keys.Count == 0)
                        deferred.Remove(file);
                }
                if (deferred.Count > 0)
                    Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(_options.Lease.TotalMilliseconds / 4, 50, 1000)), cancel).GetAwaiter().GetResult();
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    private Work Prepare(Document document)
    {
        var key = DocumentKeys.KeyOf(document, _options.IdScope);
        return new(document, key, StoredDocument.HashOf(document));
    }

    private static int IndexOf(IReadOnlyList<string> files, string file)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i] == file)
                return i;
        }
        return -1;
    }

    private static string DuplicateMessage(Document document) =>
        document.RecordId is { } id ? $"story id '{id}'" : "a story without id at this line";

    private static void WriteBlocking<T>(ChannelWriter<T> writer, T item, CancellationToken cancel)
    {
        if (!writer.TryWrite(item))
            writer.WriteAsync(item, cancel).AsTask().GetAwaiter().GetResult();
    }

    private void Code(ChannelReader<Work> input, ChannelWriter<Coded> output, CancellationToken cancel)
    {
        while (input.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult())
        {
            while (input.TryRead(out var work))
            {
                Coded coded;
                try
                {
                    var analysis = _pipeline.Run(work.Document);
                    coded = new Coded(StoredDocument.From(analysis, work.Key, work.Hash), work.Key, null);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    coded = new Coded(null, work.Key, new ReadProblem(work.Document.Origin, $"could not be coded: {ex.GetType().Name}: {ex.Message}"));
                }
                if (_options.DelayPerDocument > TimeSpan.Zero)
                    Thread.Sleep(_options.DelayPerDocument);
                _pending.Take(coded.Stored?.Characters ?? 0, cancel);
                WriteBlocking(output, coded, cancel);
            }
        }
    }

    private void StoreAll(SqlEventStore store, ChannelReader<Coded> input, CancellationToken cancel)
    {
        var batch = new List<StoredDocument>(_options.BatchSize);
        var lastProgress = TimeSpan.Zero;
        while (input.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _options.BatchSize && input.TryRead(out var coded))
            {
                if (coded.Stored is { } stored)
                {
                    batch.Add(stored);
                    continue;
                }
                Report(coded.Problem!);
                Guard(store, () => store.Release(coded.Key, _options.Worker));
            }
            if (batch.Count > 0)
                Flush(store, batch);
            if (_clock.Elapsed - lastProgress >= _options.ProgressEvery)
            {
                lastProgress = _clock.Elapsed;
                Progress?.Invoke(Snapshot());
            }
        }
        if (batch.Count > 0)
            Flush(store, batch);
    }

    private void Flush(SqlEventStore store, List<StoredDocument> batch)
    {
        _storeClock.Start();
        var outcomes = StoreIsolated(store, batch);
        _storeClock.Stop();
        _pending.Give(batch.Sum(d => (long)d.Characters));
        for (var i = 0; i < batch.Count; i++)
        {
            var doc = batch[i];
            switch (outcomes[i])
            {
                case null:
                    continue;
                case StoreOutcome.Inserted:
                    Interlocked.Increment(ref _inserted);
                    break;
                case StoreOutcome.Replaced:
                    Interlocked.Increment(ref _replaced);
                    break;
                default:
                    Interlocked.Increment(ref _unchanged);
                    continue;
            }
            Interlocked.Add(ref _sentences, doc.SentenceCount);
            Interlocked.Add(ref _events, doc.EventCount);
            Interlocked.Add(ref _facts, doc.FactCount);
        }
        batch.Clear();
    }

    /// <summary>
    /// Stores a batch in one transaction; when the store rejects one of its documents (a value it cannot hold),
    /// stores each alone, so that only the rejected ones fail, each reported with its input and line.
    /// </summary>
    private StoreOutcome?[] StoreIsolated(SqlEventStore store, List<StoredDocument> batch)
    {
        try
        {
            return [.. store.Store(batch, _options.Worker).Select(o => (StoreOutcome?)o)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException && store.IsDocumentFault(ex))
        {
            // One of them is bad: find out which, below.
        }
        catch (Exception ex) when (ex is not StoreException and not OperationCanceledException)
        {
            throw store.Explain(ex);
        }
        var outcomes = new StoreOutcome?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                outcomes[i] = store.Store([batch[i]], _options.Worker)[0];
            }
            catch (Exception ex) when (ex is not OperationCanceledException && store.IsDocumentFault(ex))
            {
                Report(new ReadProblem(batch[i].Origin, $"{StoreMessages.Rejected}: {store.Explain(ex).Message}"));
                Guard(store, () => store.Release(batch[i].Key, _options.Worker));
            }
            catch (Exception ex) when (ex is not StoreException and not OperationCanceledException)
            {
                throw store.Explain(ex);
            }
        }
        return outcomes;
    }

    private static T Guard<T>(SqlEventStore store, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is not StoreException and not OperationCanceledException)
        {
            throw store.Explain(ex);
        }
    }

    private static void Guard(SqlEventStore store, Action action) => Guard(store, () =>
    {
        action();
        return 0;
    });
}

/// <summary>A count of characters in flight that blocks the taker while it is spent (one item may always pass).</summary>
internal sealed class Budget(long limit)
{
    // Monitor.Wait needs a plain object: the budget waits for the storer to give characters back.
    private readonly object _lock = new();
    private long _used;

    public void Take(long amount, CancellationToken cancel)
    {
        lock (_lock)
        {
            while (_used > 0 && _used + amount > limit)
            {
                cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_lock, 100);
            }
            _used += amount;
        }
    }

    public void Give(long amount)
    {
        lock (_lock)
        {
            _used = Math.Max(0, _used - amount);
            Monitor.PulseAll(_lock);
        }
    }
}
