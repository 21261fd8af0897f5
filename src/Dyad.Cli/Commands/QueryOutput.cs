using System.Globalization;
using System.Text.Json;
using Dyad.Output;
using Dyad.Storage;

namespace Dyad.Cli.Commands;

/// <summary>What `dyad query` prints: the contract's JSON records one per line, or an aligned table for reading.</summary>
internal sealed class QueryOutput(Stream stdout, bool json) : IDisposable
{
    private readonly StreamWriter _text = new(stdout, leaveOpen: true) { AutoFlush = false };

    public void Events(IReadOnlyList<CodedEvent> rows)
    {
        if (json)
        {
            Json(rows, ContractJson.WriteEvent);
            return;
        }
        Table(["date", "source", "target", "code", "label", "goldstein", "amount", "doc", "sent", "trigger", "text"], rows.Select(e => new[]
        {
            e.Date is { } d ? d.Value + (d.ReportDate ? "*" : "") : "", e.Source?.Code ?? "---", e.Target?.Code ?? "---", e.Code, e.Label ?? "",
            e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture), e.Quantities.Count > 0 ? EventColumns.Amount(e.Quantities[0]) : "",
            e.Doc, I(e.Sentence), e.Trigger ?? "", e.Text ?? "",
        }));
        if (rows.Any(e => e.Date is { ReportDate: true }))
            Console.Error.WriteLine("dyad: * the report date: the sentence gave the event no date of its own");
    }

    public void Facts(IReadOnlyList<CodedFact> rows)
    {
        if (json)
        {
            Json(rows, ContractJson.WriteFact);
            return;
        }
        Table(["doc", "sent", "subject", "predicate", "object", "what", "amount", "at", "start", "end", "trigger", "text"], rows.Select(f => new[]
        {
            f.Doc, I(f.Sentence), f.Subject.Code, f.Predicate, f.Object.Code, f.What ?? "", f.Quantities.Count > 0 ? EventColumns.Amount(f.Quantities[0]) : "",
            f.At?.Value ?? "", f.Start?.Value ?? "", f.End?.Value ?? "", f.Trigger ?? "", f.Text ?? "",
        }));
    }

    public void Sentences(IReadOnlyList<SentenceHit> hits)
    {
        if (json)
        {
            Json(hits, (j, h) =>
            {
                j.WriteStartObject();
                j.WriteString("doc", h.Doc);
                j.WriteNumber("sentence", h.Sentence);
                j.WriteStartArray("span");
                j.WriteNumberValue(h.Start);
                j.WriteNumberValue(h.End);
                j.WriteEndArray();
                j.WriteString("text", ContractJson.Fold(h.Text));
                j.WriteEndObject();
            });
            return;
        }
        Table(["doc", "sentence", "text"], hits.Select(h => new[] { h.Doc, I(h.Sentence), ContractJson.Fold(h.Text) }));
    }

    /// <summary>One row per bucket, then the undated events as a row of their own.</summary>
    public void Series((string A, string B) dyad, Series series)
    {
        var rows = series.Buckets.ToList();
        if (series.Undated > 0)
            rows.Add(new SeriesBucket("undated", "none", series.Undated, 0, 0, 0, 0, 0, 0, null));
        if (json)
        {
            Json(rows, (j, p) =>
            {
                j.WriteStartObject();
                j.WriteString("bucket", p.Bucket);
                j.WriteString("precision", p.Precision);
                j.WriteNumber("events", p.Events);
                if (p.Precision != "none")
                {
                    j.WriteNumber($"{dyad.A}>{dyad.B}", p.AToB);
                    j.WriteNumber($"{dyad.B}>{dyad.A}", p.BToA);
                    j.WriteNumber("verbal_cooperation", p.VerbalCooperation);
                    j.WriteNumber("material_cooperation", p.MaterialCooperation);
                    j.WriteNumber("verbal_conflict", p.VerbalConflict);
                    j.WriteNumber("material_conflict", p.MaterialConflict);
                }
                if (p.MeanGoldstein is { } g)
                    j.WriteNumber("mean_goldstein", Math.Round(g, 3));
                else
                    j.WriteNull("mean_goldstein");
                j.WriteEndObject();
            });
            return;
        }
        Table(["bucket", "events", $"{dyad.A}>{dyad.B}", $"{dyad.B}>{dyad.A}", "verb_coop", "mat_coop", "verb_confl", "mat_confl", "mean_goldstein"], rows.Select(p => new[]
        {
            p.Precision == "year" && p.Bucket.Length == 4 && rows.Any(o => o.Precision == "month") ? p.Bucket + " (year only)" : p.Bucket,
            I(p.Events), p.Precision == "none" ? "" : I(p.AToB), p.Precision == "none" ? "" : I(p.BToA),
            p.Precision == "none" ? "" : I(p.VerbalCooperation), p.Precision == "none" ? "" : I(p.MaterialCooperation),
            p.Precision == "none" ? "" : I(p.VerbalConflict), p.Precision == "none" ? "" : I(p.MaterialConflict),
            p.MeanGoldstein?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
        }));
    }

    public void Flush() => _text.Flush();

    public void Dispose() => _text.Dispose();

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private void Json<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        _text.Flush();
        using var j = new Utf8JsonWriter(stdout, ContractJson.Options);
        foreach (var item in items)
        {
            write(j, item);
            j.Flush();
            stdout.WriteByte((byte)'\n');
            j.Reset();
        }
    }

    /// <summary>Columns padded to their widest cell (at most 40 characters, cut with "…"); the last column, the sentence, is never cut.</summary>
    private void Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Min(40, Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length)))).ToArray();
        void Line(string[] cells)
        {
            var parts = cells.Select((c, i) => i == cells.Length - 1 ? c : (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]));
            _text.WriteLine(string.Join("  ", parts).TrimEnd());
        }
        Line(header);
        foreach (var row in all)
            Line(row);
    }
}
