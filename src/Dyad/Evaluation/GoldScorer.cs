using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dyad.Evaluation;

/// <summary>The counts a document-level scoring produces.</summary>
public sealed record ScoreCounts(int Tp, int Fp, int Fn, int Neutral, int Reversed, int CodeExact, int DateExact, int DateYear, int Dated, int AmountsOk, int Amounts, int Predictions)
{
    public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

    public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Options of a scoring run, as the flags of the project's score.py.</summary>
public sealed record ScoreOptions(bool AnyRoot = false, string? DocId = null);

/// <summary>
/// Scores coded events against a document-level gold file (the format of ../shared/eval/dev/*.gold.jsonl):
/// a prediction matches a gold dyad when its sentence overlaps the gold quote, its actors fit the slots
/// and its root is allowed. Follows the matching rules of the shared score.py exactly, so both print the same figures.
/// </summary>
public sealed class GoldScorer
{
    private const string IsoPath = "/usr/share/iso-codes/json/iso_3166-1.json";
    private static readonly Lazy<HashSet<string>?> States = new(LoadStates);

    private sealed class GoldDyad
    {
        public required JsonObject Gold { get; init; }
        public required string A { get; init; }
        public required string B { get; init; }
        public required bool Directed { get; init; }
        public required (int Start, int End) Range { get; init; }
        public JsonObject? Hit { get; set; }
        public bool Required => Gold["required"]?.GetValue<bool>() ?? false;
        public string Code => Gold["code"]?.GetValue<string>() ?? string.Empty;
        public string Id => Gold["id"]?.GetValue<string>() ?? string.Empty;
        public string Quote => Gold["quote"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Scores predictions (parsed JSON Lines) against gold lines for one document text.</summary>
    public static (ScoreCounts Counts, List<string> Misses) Score(string documentText, IEnumerable<JsonObject> goldLines, IEnumerable<JsonObject> predictionLines, ScoreOptions options)
    {
        var (folded, where) = Normalize(documentText);
        var gold = goldLines.Where(g => (g["type"]?.GetValue<string>() ?? "event") == "event").ToList();
        var preds = predictionLines.Where(p => (p["type"]?.GetValue<string>() ?? "event") == "event").ToList();
        if (options.DocId is not null)
            preds = [.. preds.Where(p => p["doc"]?.GetValue<string>() == options.DocId)];
        var dyads = GoldDyads(gold, folded);
        int tp = 0, fp = 0, neutral = 0, reversed = 0, codeExact = 0, dateExact = 0, dateYear = 0, dated = 0, amountsOk = 0, amounts = 0;
        var misses = new List<string>();
        foreach (var p in preds)
        {
            var span = p["span"] as JsonArray;
            var s = span is { Count: 2 } ? span[0]!.GetValue<int>() : 0;
            var e = span is { Count: 2 } ? span[1]!.GetValue<int>() : 0;
            var prng = (where[Math.Min(s, documentText.Length)], where[Math.Min(e, documentText.Length)]);
            var src = p["source"]?["code"]?.GetValue<string>();
            var tgt = p["target"]?["code"]?.GetValue<string>();
            var code = p["code"]?.GetValue<string>() ?? string.Empty;
            var root = p["root"]?.GetValue<string>() ?? (code.Length >= 2 ? code[..2] : code);
            (bool, bool, bool) bestRank = default;
            GoldDyad? best = null;
            var bestForward = false;
            foreach (var d in dyads)
            {
                if (d.Hit is not null || !(prng.Item1 < d.Range.End && d.Range.Start < prng.Item2))
                    continue;
                if (!options.AnyRoot && !(d.Gold["roots"] as JsonArray ?? []).Any(r => r?.GetValue<string>() == root))
                    continue;
                var forward = FitsSlot(d.A, src) && FitsSlot(d.B, tgt);
                var backward = FitsSlot(d.A, tgt) && FitsSlot(d.B, src);
                if (!(forward || backward))
                    continue;
                var rank = (d.Required, forward || !d.Directed, code.StartsWith(d.Code, StringComparison.Ordinal));
                if (best is null || Greater(rank, bestRank))
                {
                    best = d;
                    bestRank = rank;
                    bestForward = forward;
                }
            }
            if (best is null)
            {
                fp++;
                misses.Add($"  FP  {PyStr(src)}->{PyStr(tgt)} {PyStr(p["code"]?.GetValue<string>())}  {PyRepr(Truncate(p["text"]?.GetValue<string>() ?? string.Empty, 90))}");
                continue;
            }
            best.Hit = p;
            if (!best.Required)
            {
                neutral++;
                continue;
            }
            tp++;
            if (best.Directed && !bestForward)
                reversed++;
            if (code.StartsWith(best.Code, StringComparison.Ordinal))
                codeExact++;
            var goldDate = best.Gold["date"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(goldDate))
            {
                var value = p["date"]?["value"]?.GetValue<string>() ?? string.Empty;
                dateExact += value == goldDate ? 1 : 0;
                dateYear += Prefix(value, 4) == Prefix(goldDate, 4) ? 1 : 0;
                dated++;
            }
            if (best.Gold["amounts"] is JsonArray { Count: > 0 } goldAmounts)
            {
                amountsOk += AmountsOk(goldAmounts, p) ? 1 : 0;
                amounts++;
            }
        }
        var fn = dyads.Where(d => d.Required && d.Hit is null).ToList();
        foreach (var d in fn)
            misses.Add($"  FN  {d.A}->{d.B} {d.Code}  {d.Id} {PyRepr(Truncate(d.Quote, 80))}");
        var counts = new ScoreCounts(tp, fp, fn.Count, neutral, reversed, codeExact, dateExact, dateYear, dated, amountsOk, amounts, preds.Count);
        return (counts, misses);
    }

    /// <summary>The two summary lines, formatted as score.py prints them.</summary>
    public static string Summary(ScoreCounts c)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"gold dyads {c.Tp + c.Fn} required; predictions {c.Predictions}: tp {c.Tp}, fp {c.Fp}, fn {c.Fn}, on optional gold {c.Neutral}, direction reversed {c.Reversed}\n");
        sb.Append(CultureInfo.InvariantCulture, $"F1 {Fixed(c.F1, 3)} P {Fixed(c.Precision, 3)} R {Fixed(c.Recall, 3)} | code exact {Pct(c.CodeExact, c.Tp)} | date exact {Pct(c.DateExact, c.Dated)} year {Pct(c.DateYear, c.Dated)} | amounts {Pct(c.AmountsOk, c.Amounts)}");
        return sb.ToString();
    }

    /// <summary>The counts as one JSON object, as score.py --json prints them.</summary>
    public static string Json(ScoreCounts c) =>
        $"{{\"tp\": {c.Tp}, \"fp\": {c.Fp}, \"fn\": {c.Fn}, \"neutral\": {c.Neutral}, \"reversed\": {c.Reversed}, \"code_exact\": {c.CodeExact}, \"date_exact\": {c.DateExact}, \"date_year\": {c.DateYear}, \"dated\": {c.Dated}, \"amounts_ok\": {c.AmountsOk}, \"amounts\": {c.Amounts}}}";

    /// <summary>Reads JSON Lines into objects; a line that is not a JSON object is an error naming its line.</summary>
    public static List<JsonObject> ReadJsonLines(string path)
    {
        var list = new List<JsonObject>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                list.Add(JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"{path}:{number}: not a JSON object"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}:{number}: malformed JSON ({ex.Message.Split('\n')[0]})", ex);
            }
        }
        return list;
    }

    private static bool Greater((bool, bool, bool) a, (bool, bool, bool) b) =>
        a.Item1 != b.Item1 ? a.Item1 : a.Item2 != b.Item2 ? a.Item2 : a.Item3 && !b.Item3;

    private static bool AmountsOk(JsonArray gold, JsonObject pred)
    {
        var have = (pred["quantities"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(q => (Value: q["value"]?.GetValue<double>(), Unit: (q["unit"]?.GetValue<string>() ?? string.Empty).ToUpperInvariant()))
            .ToList();
        return gold.OfType<JsonObject>().All(g =>
        {
            var value = g["value"]!.GetValue<double>();
            var unit = g["unit"]!.GetValue<string>().ToUpperInvariant();
            return have.Any(h => h.Value is { } v && v != 0 && h.Unit == unit && Math.Abs(v - value) <= 0.01 * value);
        });
    }

    private static List<GoldDyad> GoldDyads(List<JsonObject> gold, string folded)
    {
        var dyads = new List<GoldDyad>();
        foreach (var g in gold)
        {
            var quote = System.Text.RegularExpressions.Regex.Replace(g["quote"]!.GetValue<string>(), @"\s+", " ");
            var start = folded.IndexOf(quote, StringComparison.Ordinal);
            if (start < 0)
                throw new FormatException($"gold quote not in document: {g["id"]}");
            var range = (start, start + g["quote"]!.GetValue<string>().Length);
            var slots = (g["actors"] as JsonArray)!.Select(s => (s as JsonArray)!.Select(x => x!.GetValue<string>()).ToList()).ToList();
            if (g["kind"]?.GetValue<string>() == "sym")
            {
                for (var i = 0; i < slots[0].Count; i++)
                {
                    for (var j = i + 1; j < slots[0].Count; j++)
                        dyads.Add(new GoldDyad { Gold = g, A = slots[0][i], B = slots[0][j], Directed = false, Range = range });
                }
            }
            else
            {
                foreach (var a in slots[0])
                {
                    foreach (var b in slots[1])
                        dyads.Add(new GoldDyad { Gold = g, A = a, B = b, Directed = true, Range = range });
                }
            }
        }
        return dyads;
    }

    private static bool IsState(string code)
    {
        var head = code.Length >= 3 ? code[..3] : code;
        return head.Length == 3 && head.All(char.IsAsciiLetterUpper) && (States.Value is null || States.Value.Contains(head));
    }

    private static bool Fits(string alt, string? code)
    {
        code = (code ?? string.Empty).ToUpperInvariant();
        if (alt == "---")
            return code.Length > 0 && !IsState(code);
        if (alt.Length == 3 && alt.All(char.IsLetter))
            return code.Length >= 3 ? code[..3] == alt : code == alt;
        return string.Equals(code, alt, StringComparison.OrdinalIgnoreCase);
    }

    private static bool FitsSlot(string slot, string? code) => slot.Split('|').Any(a => Fits(a, code));

    /// <summary>Whitespace-folded text and, for every original offset, its folded offset.</summary>
    public static (string Folded, int[] Where) Normalize(string text)
    {
        var output = new StringBuilder(text.Length);
        var where = new int[text.Length + 1];
        var previousSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            where[i] = output.Length;
            var ch = text[i];
            if (IsPythonSpace(ch))
            {
                if (!previousSpace)
                    output.Append(' ');
                previousSpace = true;
            }
            else
            {
                output.Append(ch);
                previousSpace = false;
            }
        }
        where[text.Length] = output.Length;
        return (output.ToString(), where);
    }

    private static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is '\u001C' or '\u001D' or '\u001E' or '\u001F';

    private static HashSet<string>? LoadStates()
    {
        try
        {
            using var stream = File.OpenRead(IsoPath);
            using var json = JsonDocument.Parse(stream);
            return [.. json.RootElement.GetProperty("3166-1").EnumerateArray().Select(c => c.GetProperty("alpha_3").GetString()!)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Python's fixed-point formatting: the exact binary value rounded half to even.</summary>
    internal static string Fixed(double value, int digits)
    {
        var exact = decimal.Parse(value.ToString("F25", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Round(exact, digits, MidpointRounding.ToEven).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string Pct(int a, int b) => b == 0 ? "n/a" : Fixed(100.0 * a / b, 0) + "%";

    private static string Prefix(string s, int n) => s.Length <= n ? s : s[..n];

    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n];

    private static string PyStr(string? s) => s ?? "None";

    /// <summary>Python's repr of a str: single quotes unless the text holds one and no double quote.</summary>
    private static string PyRepr(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                        sb.Append('\\').Append(c);
                    else if (c < ' ' || c == '\u007f')
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
