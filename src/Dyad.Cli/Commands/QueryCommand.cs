using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Dyad.Storage;

namespace Dyad.Cli.Commands;

/// <summary>`dyad query`: events of a dyad or an actor in a date range, facts, full-text search, a dyad's series.</summary>
public static class QueryCommand
{
    /// <summary>The rows a query shows unless --limit says otherwise.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The options of one query, as given (names not yet resolved).</summary>
    internal sealed record Request(string Db, string? Dyad, string? Actor, string? From, string? To, bool Facts, string? Search,
        bool Series, string? By, bool Json, int Limit, bool Oldest);

    public static Command Create()
    {
        var db = StoreOptions.Db();
        var dyad = new Option<string?>("--dyad") { Description = "Events between two actors, either direction: codes (KAZ,RUS) or names (Kazakhstan,Russia)", HelpName = "A,B" };
        var actor = new Option<string?>("--actor") { Description = "Events (or facts) of one actor: a state (KAZ), a full code (KAZGOV, NATO) or a name", HelpName = "ACTOR" };
        var from = new Option<string?>("--from") { Description = "First date included: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last date included: YYYY, YYYY-MM or YYYY-MM-DD", HelpName = "DATE" };
        var facts = new Option<bool>("--facts") { Description = "Facts (memberships, leases, trade volumes) instead of events; --dyad, --actor, --from, --to apply" };
        var search = new Option<string?>("--search") { Description = "Sentences with all these words; with --dyad, --actor, --from, --to only sentences stating such an event", HelpName = "WORDS" };
        var series = new Option<bool>("--series") { Description = "With --dyad: events per month (or --by year), by direction and quad class, zero-filled" };
        var by = new Option<string?>("--by") { Description = "Series buckets: month or year; month when not given", HelpName = "month|year" };
        by.AcceptOnlyFromAmong("month", "year");
        var json = new Option<bool>("--json") { Description = "One JSON object per line (the record `dyad code` writes) instead of a table" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows; 0 shows all", DefaultValueFactory = _ => DefaultLimit, HelpName = "N" };
        var oldest = new Option<bool>("--oldest") { Description = "Oldest events first (the default is newest first)" };
        var command = new Command("query", """
            Query the store: events, facts, sentences, a dyad's series. Actors are codes or names; filters combine.
            Examples:
              dyad query --dyad Kazakhstan,Russia --from 2010 --to 2014
              dyad query --actor CHN --from 2016-01 --json --limit 0
              dyad query --dyad KAZ,CHN --series --by year
              dyad query --facts --dyad KAZ,RUS
              dyad query --search pipeline --actor TKM
            """)
        {
            db, dyad, actor, from, to, facts, search, series, by, json, limit, oldest,
        };
        command.SetAction(parse => Run(new Request(parse.GetValue(db)!, parse.GetValue(dyad), parse.GetValue(actor), parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(facts), parse.GetValue(search), parse.GetValue(series), parse.GetValue(by), parse.GetValue(json), parse.GetValue(limit), parse.GetValue(oldest))));
        return command;
    }

    /// <summary>Why these options do not go together, or null.</summary>
    internal static string? Conflict(Request r)
    {
        if (r.Limit < 0)
            return $"--limit {r.Limit}: want 0 or more (0 shows all)";
        if (r.Series && r.Dyad is null)
            return "--series needs --dyad";
        if (r.Series && (r.Facts || r.Search is not null || r.Actor is not null))
            return "--series goes with --dyad, --from, --to and --by only";
        if (r.By is not null && !r.Series)
            return "--by applies to --series";
        if (r.Facts && r.Search is not null)
            return "--facts and --search do not combine: search finds sentences, --facts lists facts";
        if (r.Oldest && (r.Series || r.Search is not null || r.Facts))
            return "--oldest applies to events (series are in time order, searches by relevance, facts by document)";
        if (r.From is not null && r.To is not null && string.CompareOrdinal(SqlEventStore.FromBound(r.From), SqlEventStore.ToBound(r.To)) > 0)
            return $"--from {r.From} is after --to {r.To}";
        return null;
    }

    private static bool ValidDate(string? value) =>
        value is null || (value.Length is 4 or 7 or 10 && Coding.DateValue.TryParse(value, out _));

    private static int Run(Request r)
    {
        foreach (var (name, value) in new[] { ("--from", r.From), ("--to", r.To) })
        {
            if (!ValidDate(value))
            {
                Console.Error.WriteLine($"dyad: {name} '{value}': not an ISO date (want YYYY, YYYY-MM or YYYY-MM-DD)");
                return ExitCodes.Usage;
            }
        }
        if (Conflict(r) is { } conflict)
        {
            Console.Error.WriteLine($"dyad: {conflict}");
            return ExitCodes.Usage;
        }
        (string A, string B)? pair = null;
        if (r.Dyad is not null)
        {
            var parts = r.Dyad.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                Console.Error.WriteLine("dyad: --dyad wants two actors, e.g. KAZ,RUS or Kazakhstan,Russia");
                return ExitCodes.Usage;
            }
            if (ActorNames.Resolve("--dyad", parts[0]) is not { } a || ActorNames.Resolve("--dyad", parts[1]) is not { } b)
                return ExitCodes.Usage;
            pair = (a, b);
        }
        string? actor = null;
        if (r.Actor is not null && (actor = ActorNames.Resolve("--actor", r.Actor)) is null)
            return ExitCodes.Usage;
        using var store = StoreOptions.Open(r.Db, mustExist: true);
        if (store is null)
            return ExitCodes.StoreFailed;
        try
        {
            var filter = new EventFilter { Dyad = pair, Actor = actor, From = r.From, To = r.To, Limit = r.Limit == 0 ? null : r.Limit, NewestFirst = !r.Oldest };
            using var stdout = Console.OpenStandardOutput();
            using var output = new QueryOutput(stdout, r.Json);
            long shown, total;
            string what;
            if (r.Series)
            {
                var interval = r.By == "year" ? SeriesInterval.Year : SeriesInterval.Month;
                var series = store.Series(new SeriesRequest(pair!.Value.A, pair.Value.B) { From = r.From, To = r.To, Interval = interval });
                output.Series(pair.Value, series);
                shown = total = series.Buckets.Sum(b => b.Events) + series.Undated;
                what = "events";
            }
            else if (r.Search is not null)
            {
                var scope = pair is null && actor is null && r.From is null && r.To is null ? null : filter;
                var hits = store.Search(r.Search, scope, filter.Limit ?? 0).ToList();
                output.Sentences(hits);
                (shown, total, what) = (hits.Count, filter.Limit is null ? hits.Count : store.CountSearch(r.Search, scope), "sentences");
            }
            else if (r.Facts)
            {
                var factFilter = Storage.Export.Exporter.FactFilterOf(filter);
                var rows = store.Facts(factFilter).Select(f => f.ToCoded()).ToList();
                output.Facts(rows);
                (shown, total, what) = (rows.Count, filter.Limit is null ? rows.Count : store.CountFacts(factFilter), "facts");
            }
            else
            {
                var rows = store.Events(filter).Select(e => e.ToCoded()).ToList();
                output.Events(rows);
                (shown, total, what) = (rows.Count, filter.Limit is null ? rows.Count : store.CountEvents(filter), r.Oldest ? "events, oldest first" : "events, newest first");
            }
            output.Flush();
            if (shown < total)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dyad: showing {shown:N0} of {total:N0} {what} (use --limit 0 for all)"));
            if (total == 0)
                NoMatches(store, pair, actor);
        }
        catch (DbException ex)
        {
            return StoreOptions.Fail(store.Explain(ex));
        }
        return ExitCodes.Ok;
    }

    /// <summary>"No matches", and why when an actor never occurs in the store.</summary>
    private static void NoMatches(SqlEventStore store, (string A, string B)? pair, string? actor)
    {
        Console.Error.WriteLine("dyad: no matches");
        var codes = new List<string>();
        if (pair is { } p)
            codes.AddRange([p.A, p.B]);
        if (actor is not null)
            codes.Add(actor);
        foreach (var code in codes.Distinct())
        {
            if (store.CountEvents(new EventFilter { Actor = code }) == 0)
                Console.Error.WriteLine($"dyad: {code} is in no stored event (codes are ISO 3166 alpha-3 such as KAZ, sector codes such as KAZGOV, or names such as Kazakhstan)");
        }
    }
}
