using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Coding;

namespace Dyad.Storage.Workbench;

/// <summary>
/// Writes the reviewers' fixes as gold lines in the format <c>dyad eval --gold</c> and the team's scorer read: the
/// sentence as the quote, the corrected actors, code and date. A rejection has no gold line (gold lists what
/// happened), so rejections are only counted.
/// </summary>
public static class CorrectionsGold
{
    /// <summary>Writes one line per fix; returns (lines written, rejections left out).</summary>
    public static (int Written, int Rejections) Write(IEnumerable<Correction> corrections, Stream output)
    {
        var written = 0;
        var rejections = 0;
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var c in corrections)
        {
            if (c.Reject)
            {
                rejections++;
                continue;
            }
            var before = JsonDocument.Parse(c.BeforeJson).RootElement;
            var code = c.NewCode ?? c.Code;
            var date = c.NewDate ?? (before.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
            using (var json = new Utf8JsonWriter(output, options))
            {
                json.WriteStartObject();
                json.WriteString("type", "event");
                json.WriteString("id", $"c{c.Id}");
                json.WriteString("doc", c.Doc);
                json.WriteString("quote", string.Join(' ', c.SentenceText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                json.WriteString("kind", "dir");
                json.WriteStartArray("actors");
                foreach (var actor in new[] { c.NewSource ?? c.Source, c.NewTarget ?? c.Target })
                {
                    json.WriteStartArray();
                    json.WriteStringValue(ActorCode.Parse(actor).Head);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteStartArray("roots");
                json.WriteStringValue(EventCode.Parse(code).Root);
                json.WriteEndArray();
                json.WriteString("code", code);
                if (date is null)
                    json.WriteNull("date");
                else
                    json.WriteString("date", date);
                json.WriteStartArray("amounts");
                json.WriteEndArray();
                json.WriteBoolean("required", true);
                json.WriteNull("event");
                json.WriteString("author", c.Author);
                if (c.Note is not null)
                    json.WriteString("note", c.Note);
                json.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
            written++;
        }
        return (written, rejections);
    }
}
