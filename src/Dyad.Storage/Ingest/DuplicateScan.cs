using Dyad.Documents;
using Dyad.Documents.Readers;

namespace Dyad.Storage.Ingest;

/// <summary>
/// Finds, before anything is stored, where each story's key last occurs in the inputs, so that of several
/// records with one key only the last is stored, and a re-run of unchanged input finds every key unchanged.
/// Holds a 64-bit fingerprint and a position per story, not the stories.
/// </summary>
public sealed class DuplicateScan
{
    private readonly Dictionary<ulong, (int File, int Line)> _last = [];
    private readonly IdScope _scope;

    private DuplicateScan(IdScope scope) => _scope = scope;

    /// <summary>Stories seen more than once.</summary>
    public int Duplicates { get; private set; }

    /// <summary>Scans the story files among <paramref name="files"/> (standard input cannot be read twice and is not scanned).</summary>
    public static DuplicateScan Run(IReadOnlyList<string> files, ReaderOptions options, IdScope scope, CancellationToken cancel)
    {
        var scan = new DuplicateScan(scope);
        var whole = options with { MaxPartChars = int.MaxValue };
        for (var f = 0; f < files.Count; f++)
        {
            if (files[f] == "-" || (options.Format == InputFormat.Auto ? DocumentReader.FormatOf(files[f]) : options.Format) != InputFormat.JsonLines)
                continue;
            foreach (var result in DocumentReader.Read(files[f], whole))
            {
                cancel.ThrowIfCancellationRequested();
                if (result.Document is { Line: { } line } document)
                {
                    if (!scan._last.TryAdd(scan.Fingerprint(document), (f, line)))
                    {
                        scan._last[scan.Fingerprint(document)] = (f, line);
                        scan.Duplicates++;
                    }
                }
            }
        }
        return scan;
    }

    private ulong Fingerprint(Document document) =>
        DocumentKeys.Fingerprint(DocumentKeys.KeyOf(new Document(document.Id, " ") { Source = document.Source, Line = document.Line, RecordId = document.RecordId }, _scope));

    /// <summary>Where the story's key occurs last, when it occurs in a scanned file more than once; else null.</summary>
    public (int File, int Line)? LastOf(Document document, int file)
    {
        if (document.Line is not { } line || !_last.TryGetValue(Fingerprint(document), out var last))
            return null;
        return last == (file, line) ? null : last;
    }
}
