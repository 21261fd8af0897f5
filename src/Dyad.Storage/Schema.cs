namespace Dyad.Storage;

/// <summary>The type of a stored column; each dialect maps it to its own SQL type.</summary>
public enum ColumnType
{
    Text,
    Int,
    Long,
    Real,
}

/// <summary>A column of a stored table.</summary>
public sealed record Column(string Name, ColumnType Type, bool Nullable = true);

/// <summary>A table whose rows the stores insert in bulk: the same columns in SQLite and PostgreSQL.</summary>
public sealed record Table(string Name, IReadOnlyList<Column> Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>
/// The one schema both stores create. Child tables point at <c>documents.id</c> through <c>doc</c>;
/// replacing a document deletes its child rows and inserts the new ones in one transaction.
/// </summary>
public static class Schema
{
    /// <summary>The schema version this code writes and reads; stored in <c>schema_info</c>.</summary>
    public const int Version = 2;

    private static Column T(string name, bool nullable = true) => new(name, ColumnType.Text, nullable);

    private static Column I(string name) => new(name, ColumnType.Int, false);

    private static Column L(string name) => new(name, ColumnType.Long, false);

    private static Column R(string name, bool nullable = false) => new(name, ColumnType.Real, nullable);

    public static readonly Table Sentences = new("sentences",
    [
        L("doc"), I("idx"), I("start_char"), I("end_char"), T("kind", false), T("text", false),
    ]);

    public static readonly Table ActorMentions = new("actor_mentions",
    [
        L("doc"), I("sentence"), I("start_char"), I("end_char"), T("text", false), T("code", false), T("head", false),
        T("name", false), T("role", false), T("kind", false), T("entry"), T("rule"), R("confidence"),
    ]);

    public static readonly Table EventMentions = new("event_mentions",
    [
        L("doc"), I("sentence"), T("event_id", false), T("source", false), T("source_head", false), T("source_name"),
        T("target", false), T("target_head", false), T("target_name"), T("code", false), T("root", false), I("quad"),
        R("goldstein"), T("date"), T("date_start"), T("precision", false), I("report_date"), T("trigger"),
        I("trigger_start"), I("trigger_end"), T("rule"), I("is_symmetric"), T("location"), T("location_country"),
        R("lat", true), R("lon", true), T("quantities"),
    ]);

    /// <summary>One row per real-world event of a document: its mentions grouped by event id and actor pair.</summary>
    public static readonly Table Events = new("events",
    [
        L("doc"), T("event_id", false), I("sentence"), T("source", false), T("source_head", false), T("source_name"),
        T("target", false), T("target_head", false), T("target_name"), T("code", false), T("root", false), I("quad"),
        R("goldstein"), T("date"), T("date_start"), T("precision", false), I("report_date"), I("mentions"), T("trigger"),
        I("trigger_start"), I("trigger_end"), T("rule"), T("location"), T("location_country"), R("lat", true), R("lon", true),
        // Version 2: the event's amounts (JSON, as in event_mentions), whether the act is symmetric, the place's kind.
        T("quantities"), I("is_symmetric"), T("location_kind"),
    ]);

    public static readonly Table Facts = new("facts",
    [
        L("doc"), I("sentence"), T("subject", false), T("subject_head", false), T("subject_name"), T("predicate", false),
        T("object", false), T("object_head", false), T("object_name"), T("what"), T("quantities"), T("at_date"),
        T("start_date"), T("end_date"), T("trigger"), I("trigger_start"), I("trigger_end"), T("rule"),
    ]);

    /// <summary>The columns of the dyad index (version 2 added precision and quad, which the series reads).</summary>
    public const string DyadIndexColumns = "source_head, target_head, date_start, goldstein, precision, quad";

    /// <summary>
    /// Schema changes from one version to the next, keyed by the version they start from; the same SQL runs on
    /// SQLite and PostgreSQL. 1 → 2 adds the events' amounts, symmetry and place kind (filled from the mentions) and
    /// widens the dyad index.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string[]> Migrations = new Dictionary<int, string[]>
    {
        [1] =
        [
            "ALTER TABLE events ADD COLUMN quantities TEXT",
            "ALTER TABLE events ADD COLUMN is_symmetric INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE events ADD COLUMN location_kind TEXT",
            """
            UPDATE events SET
              quantities = (SELECT max(m.quantities) FROM event_mentions m WHERE m.doc = events.doc AND m.sentence = events.sentence
                AND m.trigger_start = events.trigger_start AND m.source = events.source AND m.target = events.target),
              is_symmetric = coalesce((SELECT max(m.is_symmetric) FROM event_mentions m WHERE m.doc = events.doc AND m.sentence = events.sentence
                AND m.trigger_start = events.trigger_start AND m.source = events.source AND m.target = events.target), 0)
            """,
            "DROP INDEX ix_events_dyad",
            $"CREATE INDEX ix_events_dyad ON events ({DyadIndexColumns})",
        ],
    };

    /// <summary>The child tables of a document, in insert order.</summary>
    public static readonly IReadOnlyList<Table> ChildTables = [Sentences, ActorMentions, EventMentions, Events, Facts];

    /// <summary>Indexes both dialects create (name, table, columns).</summary>
    public static readonly IReadOnlyList<(string Name, string Table, string Columns)> Indexes =
    [
        ("ix_actor_mentions_doc", "actor_mentions", "doc"),
        ("ix_event_mentions_doc", "event_mentions", "doc"),
        ("ix_events_doc", "events", "doc"),
        // The dyad time series: a range scan over (source, target, date) that also covers what a bucket counts.
        ("ix_events_dyad", "events", DyadIndexColumns),
        ("ix_events_target", "events", "target_head, date_start"),
        ("ix_facts_doc", "facts", "doc"),
        ("ix_facts_subject", "facts", "subject_head"),
        ("ix_facts_object", "facts", "object_head"),
        ("ix_ingest_log_key", "ingest_log", "doc_key"),
    ];
}
