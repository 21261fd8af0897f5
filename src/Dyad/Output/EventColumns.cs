using System.Globalization;
using Dyad.Coding;

namespace Dyad.Output;

/// <summary>
/// The columns of an event or fact as one table row: `code --format tsv` and the CSV/TSV/Parquet exports share
/// them. Amounts are columns (the first amount; the others in <c>more_amounts</c>), the sentence is the last column.
/// </summary>
public static class EventColumns
{
    /// <summary>The amount columns, in order, shared by events and facts.</summary>
    public static readonly IReadOnlyList<string> AmountNames = ["amount", "amount_max", "unit", "per", "amount_kind", "amount_text", "more_amounts"];

    public static readonly IReadOnlyList<string> EventNames =
    [
        "doc", "sentence", "date", "precision", "report_date", "source", "source_name", "target", "target_name", "code", "label",
        "root", "quad", "goldstein", "plover", .. AmountNames, "location", "country", "lat", "lon", "event_id", "mentions", "trigger",
        "trigger_start", "trigger_end", "rule", "symmetric", "sentence_start", "sentence_end", "text",
    ];

    public static readonly IReadOnlyList<string> FactNames =
    [
        "doc", "sentence", "subject", "subject_name", "predicate", "object", "object_name", "what", .. AmountNames, "date", "start",
        "end", "trigger", "trigger_start", "trigger_end", "rule", "sentence_start", "sentence_end", "text",
    ];

    public static string?[] Event(CodedEvent e) =>
    [
        e.Doc, I(e.Sentence), e.Date?.Value, e.Date?.Precision, e.Date is { ReportDate: true } ? "1" : "0", e.Source?.Code ?? "---",
        e.Source?.Name, e.Target?.Code ?? "---", e.Target?.Name, e.Code, e.Label, e.Root, I(e.Quad), Number(e.Goldstein), e.Plover,
        .. Amounts(e.Quantities), e.Location?.Name, e.Location?.Country, Number(e.Location?.Latitude), Number(e.Location?.Longitude),
        e.EventId, e.Mentions is { } m ? I(m) : null, e.Trigger, I(e.TriggerSpan.Start), I(e.TriggerSpan.End), e.Rule,
        e.Symmetric ? "1" : "0", e.SentenceSpan is { } s ? I(s.Start) : null, e.SentenceSpan is { } t ? I(t.End) : null, e.Text,
    ];

    public static string?[] Fact(CodedFact f) =>
    [
        f.Doc, I(f.Sentence), f.Subject.Code, f.Subject.Name, f.Predicate, f.Object.Code, f.Object.Name, f.What, .. Amounts(f.Quantities),
        f.At?.Value, f.Start?.Value, f.End?.Value, f.Trigger, I(f.TriggerSpan.Start), I(f.TriggerSpan.End), f.Rule,
        f.SentenceSpan is { } s ? I(s.Start) : null, f.SentenceSpan is { } t ? I(t.End) : null, f.Text,
    ];

    /// <summary>The first amount as columns (value, upper end, unit, per, kind, words), the others as "value unit" joined by "; ".</summary>
    public static string?[] Amounts(IReadOnlyList<Quantity> quantities)
    {
        if (quantities.Count == 0)
            return new string?[AmountNames.Count];
        var q = quantities[0];
        var more = string.Join("; ", quantities.Skip(1).Select(Amount));
        return [Number(q.Value), Number(q.Max), q.Unit, q.Per, q.Kind, q.Text, more.Length == 0 ? null : more];
    }

    /// <summary>"23000000000 USD", "12 percent", "3 people/day".</summary>
    public static string Amount(Quantity q) =>
        $"{Number(q.Value)}{(q.Max is { } max ? "-" + Number(max) : "")} {q.Unit}{(q.Per is null ? "" : "/" + q.Per)}";

    public static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in plain decimal notation (no exponent), as spreadsheets and databases read it.</summary>
    public static string? Number(double? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);
}
