using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Storage;

/// <summary>
/// A coded document as rows for the store: one array of column values per row of each child table, in the
/// column order of <see cref="Schema"/>. Built once per document, written by either store.
/// </summary>
public sealed class StoredDocument
{
    private StoredDocument(string key, string hash, Document document)
    {
        Key = key;
        ContentHash = hash;
        DocumentId = document.Id;
        Origin = document.Origin;
        Published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Characters = document.Text.Length;
    }

    /// <summary>The document's identity in the store (see <see cref="KeyOf"/>).</summary>
    public string Key { get; }

    public string ContentHash { get; }

    public string DocumentId { get; }

    public string Origin { get; }

    public string? Published { get; }

    public int Characters { get; }

    /// <summary>Rows per child table, keyed by table name; the <c>doc</c> column (first) is filled in by the store.</summary>
    public Dictionary<string, List<object?[]>> Rows { get; } = Schema.ChildTables.ToDictionary(t => t.Name, _ => new List<object?[]>());

    public int SentenceCount => Rows[Schema.Sentences.Name].Count;

    public int EventCount => Rows[Schema.Events.Name].Count;

    public int MentionCount => Rows[Schema.EventMentions.Name].Count;

    public int FactCount => Rows[Schema.Facts.Name].Count;

    /// <summary>The document's key in the store with the default scope (see <see cref="Ingest.DocumentKeys"/>).</summary>
    public static string KeyOf(Document document) => Ingest.DocumentKeys.KeyOf(document);

    /// <summary>SHA-256 over what coding depends on: id, publication date, text, and the coder's version and data.</summary>
    public static string HashOf(Document document)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{document.Id}\n{document.Offset}\n{document.Published:yyyy-MM-dd}\n{CoderVersion.Version}\n{CoderVersion.DataHash}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(document.Text));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Turns an analysis into rows.</summary>
    public static StoredDocument From(Analysis analysis, string? key = null, string? hash = null)
    {
        var document = analysis.Document;
        var stored = new StoredDocument(key ?? KeyOf(document), hash ?? HashOf(document), document);
        var text = document.Text;
        var rows = stored.Rows;
        // Offsets index the input's whole text, also in the later parts of a long text.
        var o = document.Offset;
        foreach (var s in analysis.Sentences)
            rows[Schema.Sentences.Name].Add([null, s.Index, s.Span.Start + o, s.Span.End + o, s.Kind.ToString().ToLowerInvariant(), s.Text]);
        foreach (var a in analysis.Actors)
        {
            rows[Schema.ActorMentions.Name].Add([null, a.Sentence, a.Span.Start + o, a.Span.End + o, a.Text, a.Code.Value, a.Code.Head, a.Name,
                a.Role.ToString().ToLowerInvariant(), a.Kind, Null(a.Entry), Null(a.Rule), a.Confidence]);
        }
        var groups = new Dictionary<(string, string, string), List<EventMention>>();
        var order = new List<(string, string, string)>();
        foreach (var e in analysis.Events)
        {
            var quad = (int)QuadClasses.Of(e.Code);
            var date = e.Date.IsKnown ? e.Date.Value : null;
            var start = e.Date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows[Schema.EventMentions.Name].Add([null, e.Sentence, e.EventId, e.Source.Code.Value, e.Source.Code.Head, e.Source.Name,
                e.Target.Code.Value, e.Target.Code.Head, e.Target.Name, e.Code.Value, e.Code.Root, quad, CameoInfo.Of(e.Code).Goldstein,
                date, start, e.Date.PrecisionName, e.DateIsReportDate ? 1 : 0, SafeSlice(text, e.Trigger), e.Trigger.Start + o, e.Trigger.End + o,
                e.Rule, e.Symmetric ? 1 : 0, e.Location?.Name, e.Location?.Country, e.Location?.Latitude, e.Location?.Longitude,
                QuantitiesJson(e.Quantities)]);
            // Mentions of one happening share an event id; a multilateral mention gives one event per pair.
            var groupKey = (e.EventId.Length > 0 ? e.EventId : $"s{e.Sentence}:{e.Trigger.Start}", e.Source.Code.Value, e.Target.Code.Value);
            if (!groups.TryGetValue(groupKey, out var mentions))
            {
                groups.Add(groupKey, mentions = []);
                order.Add(groupKey);
            }
            mentions.Add(e);
        }
        foreach (var group in order)
            rows[Schema.Events.Name].Add(EventRow(text, o, group.Item1, groups[group]));
        foreach (var f in analysis.Facts)
        {
            rows[Schema.Facts.Name].Add([null, f.Sentence, f.Subject.Code.Value, f.Subject.Code.Head, f.Subject.Name, f.Predicate,
                f.Object.Code.Value, f.Object.Code.Head, f.Object.Name, f.What, QuantitiesJson(f.Quantities),
                f.At is { IsKnown: true } at ? at.Value : null, f.Start is { IsKnown: true } st ? st.Value : null,
                f.End is { IsKnown: true } en ? en.Value : null, SafeSlice(text, f.Trigger), f.Trigger.Start + o, f.Trigger.End + o, f.Rule]);
        }
        return stored;
    }

    /// <summary>
    /// The row of one event: the mention with the most precise date of its own speaks for it (as in `dyad code
    /// --events`), with the number of mentions and the amounts of the first mention that states any.
    /// </summary>
    private static object?[] EventRow(string text, int o, string eventId, List<EventMention> mentions)
    {
        var e = mentions.OrderByDescending(m => m.DateIsReportDate ? -1 : (int)m.Date.Precision).First();
        var quantities = e.Quantities.Count > 0 ? e.Quantities : mentions.FirstOrDefault(m => m.Quantities.Count > 0)?.Quantities ?? e.Quantities;
        return [null, eventId, e.Sentence, e.Source.Code.Value, e.Source.Code.Head, e.Source.Name,
            e.Target.Code.Value, e.Target.Code.Head, e.Target.Name, e.Code.Value, e.Code.Root, (int)QuadClasses.Of(e.Code), CameoInfo.Of(e.Code).Goldstein,
            e.Date.IsKnown ? e.Date.Value : null, e.Date.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Date.PrecisionName,
            e.DateIsReportDate ? 1 : 0, mentions.Count, SafeSlice(text, e.Trigger), e.Trigger.Start + o, e.Trigger.End + o,
            e.Rule, e.Location?.Name, e.Location?.Country, e.Location?.Latitude, e.Location?.Longitude,
            QuantitiesJson(quantities), e.Symmetric ? 1 : 0, e.Location?.Kind];
    }

    private static string? Null(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string SafeSlice(string text, TextSpan span) => span.End <= text.Length ? span.Slice(text) : string.Empty;

    private static string? QuantitiesJson(List<Quantity> quantities) => ContractJson.QuantitiesJson(quantities);
}
