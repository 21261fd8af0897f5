using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Documents.Readers;

namespace Dyad.Storage.Bench;

/// <summary>
/// Writes a JSON Lines corpus of any size from the project's own sample texts (their sentences shuffled into
/// new stories), or from templates written here when no samples are found. Streams: memory does not grow with size.
/// </summary>
public static class CorpusGenerator
{
    // Our own template sentences, used when the samples folder is missing or empty.
    private static readonly string[] Templates =
    [
        "{0} and {1} signed an agreement on energy cooperation in {2}.",
        "The president of {0} visited {1} in {2}.",
        "{0} criticized {1} over the border dispute.",
        "Officials from {0} met their counterparts from {1} in {2} to discuss trade.",
        "{0} agreed to provide economic aid to {1}.",
        "{0} asked {1} for help after the floods of {2}.",
    ];

    private static readonly string[] States = ["Kazakhstan", "Russia", "China", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Iran", "Turkey", "Belarus"];

    /// <summary>The sentences of the sample documents, or generated ones when there are none.</summary>
    public static IReadOnlyList<string> Sentences(string? samples)
    {
        var sentences = new List<string>();
        if (samples is not null && Directory.Exists(samples))
        {
            foreach (var file in Ingest.Inputs.Expand([samples], out _))
            {
                foreach (var result in DocumentReader.Read(file))
                {
                    if (result.Document is null)
                        continue;
                    var analysis = DyadPipeline.Default.Run(result.Document);
                    sentences.AddRange(analysis.Sentences.Select(s => string.Join(' ', s.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(s => s.Length > 20));
                }
            }
        }
        if (sentences.Count == 0)
        {
            var random = new Random(7);
            for (var i = 0; i < 200; i++)
            {
                var a = States[random.Next(States.Length)];
                var b = States[random.Next(States.Length)];
                sentences.Add(string.Format(CultureInfo.InvariantCulture, Templates[i % Templates.Length], a, b, 1995 + random.Next(30)));
            }
        }
        return sentences;
    }

    /// <summary>Writes <paramref name="documents"/> stories of 4–12 sentences each; returns the number of sentences written.</summary>
    public static long Write(string path, int documents, IReadOnlyList<string> sentences, int seed = 42)
    {
        var random = new Random(seed);
        long written = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var text = new System.Text.StringBuilder();
        for (var d = 0; d < documents; d++)
        {
            text.Clear();
            var count = 4 + random.Next(9);
            for (var s = 0; s < count; s++)
            {
                if (s > 0)
                    text.Append(' ');
                text.Append(sentences[random.Next(sentences.Count)]);
            }
            written += count;
            var date = new DateOnly(2000, 1, 1).AddDays(random.Next(9000));
            json.WriteStartObject();
            json.WriteString("id", $"bench-{d}");
            json.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("text", text.ToString());
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
        return written;
    }

    private static readonly string[] Actors = ["KAZ", "RUS", "CHN", "USA", "UZB", "KGZ", "TJK", "TKM", "IRN", "TUR", "BLR", "UKR", "AFG", "GBR", "DEU", "FRA", "IND", "PAK", "JPN", "KOR"];

    private static readonly (string Code, double Goldstein)[] Codes = [("010", 0), ("036", 4), ("042", 1.9), ("046", 7), ("057", 8), ("061", 6.4), ("071", 7.4), ("112", -2), ("120", -4), ("173", -5), ("190", -10)];

    /// <summary>Synthetic events in the column order of <see cref="Schema.Events"/>, for the 1M-event query benchmark.</summary>
    public static IEnumerable<object?[]> SyntheticEvents(long count, int seed = 1)
    {
        var random = new Random(seed);
        var start = new DateOnly(1990, 1, 1);
        for (long i = 0; i < count; i++)
        {
            var a = Actors[random.Next(Actors.Length)];
            var b = Actors[random.Next(Actors.Length)];
            if (a == b)
                b = Actors[(Array.IndexOf(Actors, a) + 1) % Actors.Length];
            var (code, goldstein) = Codes[random.Next(Codes.Length)];
            var day = start.AddDays(random.Next(12_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var root = code[..2];
            var quad = int.Parse(root, CultureInfo.InvariantCulture) switch { <= 5 => 1, <= 8 => 2, <= 13 => 3, _ => 4 };
            yield return [null, "e" + i.ToString(CultureInfo.InvariantCulture), 0, a + "GOV", a, a, b + "GOV", b, b, code, root, quad, goldstein,
                day, day, "day", 0, 1, "synthetic", 0, 0, "bench.synthetic", null, null, null, null, null, 0, null];
        }
    }
}
