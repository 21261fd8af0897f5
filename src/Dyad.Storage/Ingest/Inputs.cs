using Dyad.Documents.Readers;

namespace Dyad.Storage.Ingest;

/// <summary>Turns the paths given to `dyad ingest` into files, and counts the documents in them for the progress line.</summary>
public static class Inputs
{
    /// <summary>The extensions read from folders (a file named on the command line is read whatever its extension).</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson",
    };

    /// <summary>Files in the order given; a folder's files recursively, in ordinal order of their paths.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, out IReadOnlyList<string> missing)
    {
        var files = new List<string>();
        var absent = new List<string>();
        foreach (var input in inputs)
        {
            if (input == "-" || File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(f => Extensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                absent.Add(input);
            }
        }
        missing = absent;
        // A file named twice (itself and through its folder) is one input.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return files.Where(f => f == "-" || seen.Add(Path.GetFullPath(f))).ToList();
    }

    /// <summary>Documents in the files: one per file, one per non-blank line of a story file. Streams; never loads a file.</summary>
    public static long CountDocuments(IReadOnlyList<string> files, CancellationToken cancel)
    {
        long total = 0;
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            cancel.ThrowIfCancellationRequested();
            if (file == "-")
                return -1;
            if (DocumentReader.FormatOf(file) != InputFormat.JsonLines)
            {
                total++;
                continue;
            }
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
                int n;
                var lineHasText = false;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var b = buffer[i];
                        if (b == (byte)'\n')
                        {
                            if (lineHasText)
                                total++;
                            lineHasText = false;
                        }
                        else if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                        {
                            lineHasText = true;
                        }
                    }
                }
                if (lineHasText)
                    total++;
            }
            catch (IOException)
            {
                total++;
            }
            catch (UnauthorizedAccessException)
            {
                total++;
            }
        }
        return total;
    }
}
