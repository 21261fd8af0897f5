using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Output;

/// <summary>Settings that change how codes are described in the output.</summary>
public sealed record OutputOptions
{
    public QuadScheme Quads { get; init; } = QuadScheme.Common;

    /// <summary>Which Goldstein values to write (GDELT's by default).</summary>
    public GoldsteinScheme Goldstein { get; init; } = GoldsteinScheme.Gdelt;

    /// <summary>Also write the facts as {"type":"fact"} lines.</summary>
    public bool Facts { get; init; } = true;

    /// <summary>One line per event (its mentions sharing an event id merged) with a "mentions" count.</summary>
    public bool EventsOnly { get; init; }

    /// <summary>
    /// Write a symmetric act (sign, meet, agree…) once per direction, as the CAMEO manual codes reciprocal events,
    /// instead of once per unordered pair (the spec's default).
    /// </summary>
    public bool Reciprocal { get; init; }

    /// <summary>True when this mention is also written with its actors reversed.</summary>
    internal bool WritesReversed(EventMention e) => Reciprocal && e.Symmetric && e.Target.Code.Value != "---";
}

/// <summary>Writes events and facts as JSON Lines with the fields of the spec's "Machine-readable output".</summary>
public sealed class EventJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly OutputOptions _options;

    // Spans index the whole text of the input, also for the later parts of a long text.
    private int _offset;

    public EventJsonWriter(Stream stream, OutputOptions? options = null)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, Options);
        _options = options ?? new OutputOptions();
    }

    public int Written { get; private set; }

    public void Write(Analysis analysis)
    {
        _offset = analysis.Document.Offset;
        if (_options.EventsOnly)
        {
            // The mention with the most precise date speaks for the event.
            foreach (var group in analysis.Events.GroupBy(e => e.EventId.Length > 0 ? e.EventId : $"{e.Sentence}:{e.Source.Code}:{e.Target.Code}:{e.Code}"))
            {
                var mentions = group.ToList();
                var best = mentions.OrderByDescending(e => e.DateIsReportDate ? -1 : (int)e.Date.Precision).First();
                WriteEvent(analysis, best, best.Source, best.Target, mentions);
                Written++;
                if (_options.WritesReversed(best))
                {
                    WriteEvent(analysis, best, best.Target, best.Source, mentions);
                    Written++;
                }
            }
        }
        else
        {
            foreach (var e in analysis.Events)
            {
                WriteEvent(analysis, e, e.Source, e.Target, null);
                Written++;
                if (_options.WritesReversed(e))
                {
                    WriteEvent(analysis, e, e.Target, e.Source, null);
                    Written++;
                }
            }
        }
        if (_options.Facts)
        {
            foreach (var f in analysis.Facts)
            {
                WriteFact(analysis, f);
                Written++;
            }
        }
        _json.Flush();
    }

    private void WriteEvent(Analysis analysis, EventMention e, EventActor source, EventActor target, List<EventMention>? mentions)
    {
        var sentence = analysis.Sentences[e.Sentence];
        var info = CameoInfo.Of(e.Code, _options.Goldstein);
        var j = _json;
        j.WriteStartObject();
        j.WriteString("type", "event");
        j.WriteString("doc", analysis.Document.Id);
        j.WriteNumber("sentence", e.Sentence);
        WriteSpan("span", sentence.Span);
        j.WriteString("text", Fold(sentence.Text));
        WriteActor("source", source);
        WriteActor("target", target);
        j.WriteString("code", e.Code.Value);
        j.WriteString("root", e.Code.Root);
        j.WriteNumber("quad", (int)QuadClasses.Of(e.Code, _options.Quads));
        j.WriteNumber("goldstein", info.Goldstein);
        if (info.Plover is not null)
            j.WriteString("plover", info.Plover);
        else
            j.WriteNull("plover");
        WriteDate("date", e.Date, e.DateIsReportDate);
        WriteQuantities(e.Quantities);
        WritePlace(e.Location);
        j.WriteString("event_id", e.EventId);
        j.WriteString("trigger", e.Trigger.Slice(analysis.Document.Text));
        WriteSpan("trigger_span", e.Trigger);
        j.WriteString("rule", e.Rule);
        j.WriteBoolean("symmetric", e.Symmetric);
        if (mentions is not null)
        {
            j.WriteNumber("mentions", mentions.Count);
            j.WriteStartArray("mention_sentences");
            foreach (var m in mentions)
                j.WriteNumberValue(m.Sentence);
            j.WriteEndArray();
        }
        j.WriteEndObject();
        j.Flush();
        _stream.WriteByte((byte)'\n');
        j.Reset();
    }

    private void WriteFact(Analysis analysis, Fact f)
    {
        var sentence = analysis.Sentences[f.Sentence];
        var j = _json;
        j.WriteStartObject();
        j.WriteString("type", "fact");
        j.WriteString("doc", analysis.Document.Id);
        j.WriteNumber("sentence", f.Sentence);
        WriteSpan("span", sentence.Span);
        j.WriteString("text", Fold(sentence.Text));
        WriteActor("subject", f.Subject);
        j.WriteString("predicate", f.Predicate);
        WriteActor("object", f.Object);
        if (f.What is not null)
            j.WriteString("what", f.What);
        WriteQuantities(f.Quantities);
        if (f.At is { } at)
            WriteDate("date", at, false);
        if (f.Start is { } start)
            WriteDate("start", start, false);
        if (f.End is { } end)
            WriteDate("end", end, false);
        j.WriteString("trigger", f.Trigger.Slice(analysis.Document.Text));
        WriteSpan("trigger_span", f.Trigger);
        j.WriteString("rule", f.Rule);
        j.WriteEndObject();
        j.Flush();
        _stream.WriteByte((byte)'\n');
        j.Reset();
    }

    private void WriteSpan(string name, TextSpan span)
    {
        _json.WriteStartArray(name);
        _json.WriteNumberValue(span.Start + _offset);
        _json.WriteNumberValue(span.End + _offset);
        _json.WriteEndArray();
    }

    private void WriteActor(string name, EventActor actor)
    {
        // An intransitive act ("the government resigned") has no target: the coder marks it with the bare code "---".
        if (actor.Code.Value == "---")
        {
            _json.WriteNull(name);
            return;
        }
        _json.WriteStartObject(name);
        _json.WriteString("code", actor.Code.Value);
        _json.WriteString("name", actor.Name);
        if (actor.Span is { } span)
            WriteSpan("span", span);
        _json.WriteEndObject();
    }

    private void WriteDate(string name, DateValue date, bool reportDate)
    {
        if (!date.IsKnown)
        {
            _json.WriteNull(name);
            return;
        }
        _json.WriteStartObject(name);
        _json.WriteString("value", date.Value);
        _json.WriteString("precision", date.PrecisionName);
        if (reportDate)
            _json.WriteBoolean("report_date", true);
        _json.WriteEndObject();
    }

    private void WriteQuantities(IReadOnlyList<Quantity> quantities)
    {
        _json.WriteStartArray("quantities");
        foreach (var q in quantities)
        {
            _json.WriteStartObject();
            _json.WriteString("text", q.Text);
            WriteSpan("span", q.Span);
            _json.WriteNumber("value", q.Value);
            _json.WriteString("unit", q.Unit);
            _json.WriteString("kind", q.Kind);
            if (q.Per is not null)
                _json.WriteString("per", q.Per);
            if (q.Max is { } max)
                _json.WriteNumber("max", max);
            if (q.Approximate)
                _json.WriteBoolean("approximate", true);
            if (q.Rule.Length > 0)
                _json.WriteString("rule", q.Rule);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
    }

    private void WritePlace(Place? place)
    {
        if (place is null)
        {
            _json.WriteNull("location");
            return;
        }
        _json.WriteStartObject("location");
        _json.WriteString("name", place.Name);
        _json.WriteString("country", place.Country);
        _json.WriteString("kind", place.Kind);
        if (place.Latitude is { } lat && place.Longitude is { } lon)
        {
            _json.WriteNumber("lat", lat);
            _json.WriteNumber("lon", lon);
        }
        WriteSpan("span", place.Span);
        _json.WriteEndObject();
    }

    /// <summary>The sentence with each run of whitespace (hard line breaks, blanked markup) as one space; spans still index the original.</summary>
    internal static string Fold(string text)
    {
        if (!text.Any(c => char.IsWhiteSpace(c) && c != ' ') && !text.Contains("  ", StringComparison.Ordinal))
            return text;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _json.Dispose();
}
