using System.Text;

namespace Dyad.Storage.Bench;

/// <summary>One input of the hostile corpus and what a run must make of it.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Path">The file written.</param>
/// <param name="BadRecords">How many one-line errors it must give (whole file or records).</param>
/// <param name="GoodDocuments">How many documents of it must be coded and stored.</param>
public sealed record HostileCase(string Name, string Path, int BadRecords, int GoodDocuments);

/// <summary>
/// Writes inputs a hostile or careless user could give: bytes that are no text, odd Unicode, control characters,
/// NULs, broken and huge JSON Lines records, duplicate and over-long ids, deep nesting, very long sentences and
/// many actors. Every text is written here, by the project. <c>scale</c> sizes the long cases (1 = tests, fast).
/// </summary>
public static class HostileCorpus
{
    private static readonly string[] States = ["Russia", "China", "France", "Germany", "Egypt", "Israel", "Kazakhstan", "Iran", "Turkey", "Japan"];

    private const string Prose = "Kazakhstan and Russia signed an agreement on oil transit. China criticized Tajikistan over the border. " +
        "Turkmenistan agreed to build a pipeline to Azerbaijan. The president of Uzbekistan visited Kyrgyzstan. ";

    public static IReadOnlyList<HostileCase> Write(string folder, int scale = 1)
    {
        Directory.CreateDirectory(folder);
        var cases = new List<HostileCase>();
        void Add(string name, byte[] bytes, int bad, int good)
        {
            var path = System.IO.Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            cases.Add(new HostileCase(name, path, bad, good));
        }
        void AddText(string name, string text, int bad, int good) => Add(name, Encoding.UTF8.GetBytes(text), bad, good);

        Add("binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 255, 254, 0], 1, 0);
        Add("latin1.txt", Encoding.Latin1.GetBytes("C\u00f4te d'Ivoire and Ghana signed an accord."), 1, 0);
        Add("empty.txt", [], 1, 0);
        Add("utf16.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Russia visited China.")], 0, 1);
        AddText("odd-unicode.txt",
            "\u201cRUSSIA\u201d\u00a0CONDEMNED\u00ad UKRAINE \u2014 and France\u2013Germany met. \u200fIran\u200b criticized\u200d Israel\u202e. " +
            "\ufeffEgypt met Jordan\u2026 \u2018Turkey\u2019 hosted Greece\u00a0in\u00a0Ankara.\n\nTHE PRESIDENT OF KAZAKHSTAN VISITED CHINA.\n", 0, 1);
        AddText("controls.txt", "Russia\u0007 visited\u001b[2J China.\u0001\u0002 Iran\u000b criticized\u000c Israel.\r\n\u0085Egypt met Jordan.", 0, 1);
        AddText("odd\nname\u001b[31m.txt", "Russia visited China.", 0, 1);
        AddText("one-sentence.txt", string.Join(", ", Repeat(States, 2000 * scale)) + "\n", 0, 1);
        AddText("no-full-stops.txt", string.Concat(Enumerable.Repeat(Prose.Replace(".", string.Empty, StringComparison.Ordinal), 60 * scale)), 0, 1);
        AddText("no-spaces.txt", new string('x', 40_000 * scale), 0, 1);
        AddText("many-actors.txt", "Officials of " + string.Join(" and ", Repeat(States, 300)) + " met in Geneva.\n", 0, 1);
        AddText("deep.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "Russia visited China." + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>", 0, 1);
        AddText("deep.md", new string('>', 20_000) + " Russia visited China.\n" + string.Concat(Enumerable.Repeat("- ", 20_000)) + "Iran criticized Israel.\n", 0, 1);
        var (stories, bad, good) = Stories();
        Add("stories.jsonl", stories, bad, good);
        AddText("duplicates.jsonl", "{\"id\":\"d1\",\"text\":\"China criticized Tajikistan.\"}\n{\"id\":\"d2\",\"text\":\"Iran criticized Israel.\"}\n{\"id\":\"d1\",\"text\":\"Kazakhstan and Russia signed an agreement.\"}\n", 0, 2);
        return cases;
    }

    /// <summary>Good stories with bad records between them: the good ones must all be stored.</summary>
    private static (byte[] Bytes, int Bad, int Good) Stories()
    {
        string[] bad =
        [
            "{\"id\":\"s1\",\"text\":\"Egypt met Israel \\ud800 in Cairo.\"}",
            "{\"id\":\"\",\"text\":\"Egypt met Israel.\"}",
            "{\"id\":\"nul\\u0000x\",\"text\":\"Egypt met Israel.\"}",
            "{\"id\":\"" + new string('k', 3000) + "\",\"text\":\"Egypt met Israel.\"}",
            "{\"id\":\"deep\",\"text\":\"x\",\"n\":" + new string('[', 5000) + new string(']', 5000) + "}",
            "[\"not\",\"an\",\"object\"]",
            "{\"id\":\"notext\"}",
            "{\"id\":\"date\",\"date\":\"yesterday\",\"text\":\"Egypt met Israel.\"}",
            "{\"id\":\"cut\",\"text\":\"Egypt met",
        ];
        var bytes = new List<byte>();
        var good = 0;
        foreach (var line in bad)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"{{\"id\":\"good{good}\",\"text\":\"Kazakhstan and Russia signed agreement {good}.\"}}\n"));
            good++;
            bytes.AddRange(Encoding.UTF8.GetBytes(line + "\n"));
        }
        bytes.AddRange([.. Encoding.UTF8.GetBytes("{\"id\":\"latin\",\"text\":\"caf"), 0xE9, .. Encoding.UTF8.GetBytes(" Egypt met Israel.\"}\n")]);
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"last\",\"text\":\"France condemned Germany.\"}"));
        return ([.. bytes], bad.Length + 1, good + 1);
    }

    /// <summary>A text of about <paramref name="megabytes"/> MB on one line, without a full stop: the worst case for a sentence splitter.</summary>
    public static string OneLine(string folder, string name, int megabytes) =>
        WriteRepeated(folder, name, Prose.Replace(".", ",", StringComparison.Ordinal), megabytes, "\n");

    /// <summary>Prose of about <paramref name="megabytes"/> MB in paragraphs: a long ordinary document.</summary>
    public static string Document(string folder, string name, int megabytes) => WriteRepeated(folder, name, Prose + "\n\n", megabytes, string.Empty);

    private static string WriteRepeated(string folder, string name, string unit, int megabytes, string end)
    {
        var path = System.IO.Path.Combine(folder, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (long written = 0; written < megabytes * 1048576L; written += unit.Length)
            writer.Write(unit);
        writer.Write(end);
        return path;
    }

    private static IEnumerable<string> Repeat(string[] items, int count) => Enumerable.Range(0, count).Select(i => items[i % items.Length]);
}
