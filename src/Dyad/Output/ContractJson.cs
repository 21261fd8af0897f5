using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Output;

/// <summary>
/// Writes <see cref="CodedEvent"/> and <see cref="CodedFact"/> as JSON objects with the field names of the coding
/// contract: the one JSON shape of `code`, `query --json`, `export --format jsonl` and the web API.
/// </summary>
public static class ContractJson
{
    /// <summary>Writer settings of every JSON Lines output: non-ASCII letters as they are.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteEvent(Utf8JsonWriter j, CodedEvent e)
    {
        j.WriteStartObject();
        j.WriteString("type", "event");
        j.WriteString("doc", e.Doc);
        j.WriteNumber("sentence", e.Sentence);
        if (e.SentenceSpan is { } span)
            WriteSpan(j, "span", span);
        if (e.Text is not null)
            j.WriteString("text", e.Text);
        WriteActor(j, "source", e.Source);
        WriteActor(j, "target", e.Target);
        j.WriteString("code", e.Code);
        if (e.Label is not null)
            j.WriteString("label", e.Label);
        j.WriteString("root", e.Root);
        j.WriteNumber("quad", e.Quad);
        j.WriteNumber("goldstein", e.Goldstein);
        if (e.Plover is not null)
            j.WriteString("plover", e.Plover);
        else
            j.WriteNull("plover");
        WriteDate(j, "date", e.Date, writeNull: true);
        WriteQuantities(j, e.Quantities);
        WritePlace(j, e.Location);
        j.WriteString("event_id", e.EventId);
        j.WriteString("trigger", e.Trigger);
        WriteSpan(j, "trigger_span", e.TriggerSpan);
        j.WriteString("rule", e.Rule);
        j.WriteBoolean("symmetric", e.Symmetric);
        if (e.Mentions is { } mentions)
            j.WriteNumber("mentions", mentions);
        if (e.MentionSentences is { } sentences)
        {
            j.WriteStartArray("mention_sentences");
            foreach (var s in sentences)
                j.WriteNumberValue(s);
            j.WriteEndArray();
        }
        j.WriteEndObject();
    }

    public static void WriteFact(Utf8JsonWriter j, CodedFact f)
    {
        j.WriteStartObject();
        j.WriteString("type", "fact");
        j.WriteString("doc", f.Doc);
        j.WriteNumber("sentence", f.Sentence);
        if (f.SentenceSpan is { } span)
            WriteSpan(j, "span", span);
        if (f.Text is not null)
            j.WriteString("text", f.Text);
        WriteActor(j, "subject", f.Subject);
        j.WriteString("predicate", f.Predicate);
        WriteActor(j, "object", f.Object);
        if (f.What is not null)
            j.WriteString("what", f.What);
        WriteQuantities(j, f.Quantities);
        WriteDate(j, "date", f.At, writeNull: false);
        WriteDate(j, "start", f.Start, writeNull: false);
        WriteDate(j, "end", f.End, writeNull: false);
        j.WriteString("trigger", f.Trigger);
        WriteSpan(j, "trigger_span", f.TriggerSpan);
        j.WriteString("rule", f.Rule);
        j.WriteEndObject();
    }

    /// <summary>Amounts as a JSON array (the store keeps them in this form too).</summary>
    public static string? QuantitiesJson(IReadOnlyList<Quantity> quantities)
    {
        if (quantities.Count == 0)
            return null;
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, Options))
            WriteQuantityArray(j, quantities);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads what <see cref="QuantitiesJson"/> wrote (and the shorter form of older stores, which lacks spans).</summary>
    public static IReadOnlyList<Quantity> ReadQuantities(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        var list = new List<Quantity>();
        using var doc = JsonDocument.Parse(json);
        foreach (var q in doc.RootElement.EnumerateArray())
        {
            var span = q.TryGetProperty("span", out var s) && s.GetArrayLength() == 2 ? new TextSpan(s[0].GetInt32(), s[1].GetInt32()) : default;
            list.Add(new Quantity(span, Str(q, "text") ?? "", q.GetProperty("value").GetDouble(), Str(q, "unit") ?? "", Str(q, "per"), Str(q, "rule") ?? "")
            {
                Kind = Str(q, "kind") ?? "count",
                Max = q.TryGetProperty("max", out var max) ? max.GetDouble() : null,
                Approximate = q.TryGetProperty("approximate", out var approx) && approx.GetBoolean(),
            });
        }
        return list;
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The sentence with each run of whitespace (hard line breaks, blanked markup) as one space; spans still index the original.</summary>
    public static string Fold(string text)
    {
        if (!text.Any(c => char.IsWhiteSpace(c) && c != ' ') && !text.Contains("  ", StringComparison.Ordinal))
            return text;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void WriteSpan(Utf8JsonWriter j, string name, TextSpan span)
    {
        j.WriteStartArray(name);
        j.WriteNumberValue(span.Start);
        j.WriteNumberValue(span.End);
        j.WriteEndArray();
    }

    private static void WriteActor(Utf8JsonWriter j, string name, CodedActor? actor)
    {
        if (actor is null)
        {
            j.WriteNull(name);
            return;
        }
        j.WriteStartObject(name);
        j.WriteString("code", actor.Code);
        j.WriteString("name", actor.Name);
        if (actor.Span is { } span)
            WriteSpan(j, "span", span);
        j.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter j, string name, CodedDate? date, bool writeNull)
    {
        if (date is null)
        {
            if (writeNull)
                j.WriteNull(name);
            return;
        }
        j.WriteStartObject(name);
        j.WriteString("value", date.Value);
        j.WriteString("precision", date.Precision);
        if (date.ReportDate)
            j.WriteBoolean("report_date", true);
        j.WriteEndObject();
    }

    private static void WriteQuantities(Utf8JsonWriter j, IReadOnlyList<Quantity> quantities)
    {
        j.WritePropertyName("quantities");
        WriteQuantityArray(j, quantities);
    }

    private static void WriteQuantityArray(Utf8JsonWriter j, IReadOnlyList<Quantity> quantities)
    {
        j.WriteStartArray();
        foreach (var q in quantities)
        {
            j.WriteStartObject();
            j.WriteString("text", q.Text);
            WriteSpan(j, "span", q.Span);
            j.WriteNumber("value", q.Value);
            j.WriteString("unit", q.Unit);
            j.WriteString("kind", q.Kind);
            if (q.Per is not null)
                j.WriteString("per", q.Per);
            if (q.Max is { } max)
                j.WriteNumber("max", max);
            if (q.Approximate)
                j.WriteBoolean("approximate", true);
            if (q.Rule.Length > 0)
                j.WriteString("rule", q.Rule);
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }

    private static void WritePlace(Utf8JsonWriter j, CodedPlace? place)
    {
        if (place is null)
        {
            j.WriteNull("location");
            return;
        }
        j.WriteStartObject("location");
        j.WriteString("name", place.Name);
        j.WriteString("country", place.Country);
        if (place.Kind is not null)
            j.WriteString("kind", place.Kind);
        if (place.Latitude is { } lat && place.Longitude is { } lon)
        {
            j.WriteNumber("lat", lat);
            j.WriteNumber("lon", lon);
        }
        if (place.Span is { } span)
            WriteSpan(j, "span", span);
        j.WriteEndObject();
    }
}
