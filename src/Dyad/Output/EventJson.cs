using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Coding;
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

    /// <summary>Also write one {"type":"story"} line per document: its participants with their mention and event counts.</summary>
    public bool Story { get; init; } = true;

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
        if (_options.Story && analysis.Story is { } story)
        {
            WriteStory(analysis, story);
            Written++;
        }
        _json.Flush();
    }

    /// <summary>Who the document is about: participants named at least twice or in an event, most named first.</summary>
    private void WriteStory(Analysis analysis, Stages.Story.StoryContext story)
    {
        var j = _json;
        j.WriteStartObject();
        j.WriteString("type", "story");
        j.WriteString("doc", analysis.Document.Id);
        j.WriteStartArray("participants");
        foreach (var p in story.Participants.Where(p => p.Mentions >= 2 || p.Events > 0))
        {
            j.WriteStartObject();
            j.WriteString("code", p.Code);
            j.WriteString("name", p.Name);
            j.WriteNumber("mentions", p.Mentions);
            j.WriteNumber("events", p.Events);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
        j.Flush();
        _stream.WriteByte((byte)'\n');
        j.Reset();
    }

    private void WriteEvent(Analysis analysis, EventMention e, EventActor source, EventActor target, List<EventMention>? mentions)
    {
        ContractJson.WriteEvent(_json, CodedEvent.From(analysis, e, source, target, _options, mentions));
        EndLine();
    }

    private void WriteFact(Analysis analysis, Fact f)
    {
        ContractJson.WriteFact(_json, CodedFact.From(analysis, f));
        EndLine();
    }

    private void EndLine()
    {
        _json.Flush();
        _stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    public void Dispose() => _json.Dispose();
}
