using System.Globalization;
using System.Text.Json;
using Dyad.Coding;
using Dyad.Storage.Tests.Support;

namespace Dyad.Storage.Tests;

/// <summary>Queries that say what they did (issue 14): evidence, amounts, limits, order, series, filters, names.</summary>
public abstract partial class StoreContract
{
    /// <summary>Three KAZ–RUS events (day, month, year precision), one undated, one CHN–KAZ with an amount, a fact of each dyad.</summary>
    protected void StoreHandmade()
    {
        using var store = Open();
        new Handmade("talks", new DateOnly(2020, 1, 10))
            .Event("Kazakhstan and Russia signed a transit deal on 29 May 2014.", "KAZ", "RUS", "057", "signed", DateValue.OfDay(2014, 5, 29))
            .Event("Russia criticized Kazakhstan in March 2014.", "RUS", "KAZ", "111", "criticized", DateValue.OfMonth(2014, 3))
            .Event("In 2014 Russia threatened Kazakhstan.", "RUS", "KAZ", "130", "threatened", DateValue.OfYear(2014))
            .Event("China promised Kazakhstan $23 billion in 2013.", "CHN", "KAZ", "033", "promised", DateValue.OfYear(2013), ("$23 billion", 23e9, "USD", "money"))
            .Fact("Russia rents Baikonur from Kazakhstan for $115 million a year.", "RUS", "leases", "KAZ", "rents", amount: ("$115 million", 115e6, "USD", "money"))
            .Fact("Trade between China and Kazakhstan reached 12 % of the total in 2019.", "CHN", "trade", "KAZ", "reached", DateValue.OfYear(2019), ("12 %", 12, "percent", "percent"))
            .StoreIn(store);
        new Handmade("undated")
            .Event("Kazakhstan met Russia.", "KAZ", "RUS", "036", "met")
            .StoreIn(store);
    }

    private static List<JsonElement> JsonLines(DyadCli.Result result) => [.. result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)];

    [StoreFact]
    public void AQueriedEventCarriesItsSentenceTriggerSpansLabelPloverAndAmounts()
    {
        StoreHandmade();
        var e = Assert.Single(JsonLines(Dyad("query", "--dyad", "CHN,KAZ", "--json")));
        Assert.Equal("China promised Kazakhstan $23 billion in 2013.", e.GetProperty("text").GetString());
        var span = e.GetProperty("span");
        Assert.Equal("talks", e.GetProperty("doc").GetString());
        Assert.True(span[1].GetInt32() > span[0].GetInt32());
        Assert.Equal("promised", e.GetProperty("trigger").GetString());
        Assert.Equal(2, e.GetProperty("trigger_span").GetArrayLength());
        Assert.Equal(CameoTable.Default.Find(EventCode.Parse("033"))!.Name, e.GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.String, e.GetProperty("plover").ValueKind);
        var amount = Assert.Single(e.GetProperty("quantities").EnumerateArray());
        Assert.Equal((23e9, "USD", "$23 billion"), (amount.GetProperty("value").GetDouble(), amount.GetProperty("unit").GetString(), amount.GetProperty("text").GetString()));
        Assert.Equal(2, amount.GetProperty("span").GetArrayLength());
        Assert.Equal("year", e.GetProperty("date").GetProperty("precision").GetString());

        // The export writes the very same record.
        var exported = JsonLines(Dyad("export", "events", "--format", "jsonl")).Single(x => x.GetProperty("code").GetString() == "033");
        Assert.Equal(e.GetRawText(), exported.GetRawText());
    }

    [StoreFact]
    public void AmountsAreColumnsInTheCsvOfEventsAndFacts()
    {
        StoreHandmade();
        var events = Csv(Dyad("export", "events", "--format", "csv").StdoutLines);
        var promise = events.Single(r => r["code"] == "033");
        Assert.Equal(("23000000000", "USD", "money", "$23 billion"), (promise["amount"], promise["unit"], promise["amount_kind"], promise["amount_text"]));
        Assert.Equal("China promised Kazakhstan $23 billion in 2013.", promise["text"]);
        var facts = Csv(Dyad("export", "facts", "--format", "csv").StdoutLines);
        Assert.Equal(("115000000", "USD"), (facts.Single(f => f["predicate"] == "leases")["amount"], facts.Single(f => f["predicate"] == "leases")["unit"]));
        Assert.Equal(("12", "percent"), (facts.Single(f => f["predicate"] == "trade")["amount"], facts.Single(f => f["predicate"] == "trade")["unit"]));
        Assert.DoesNotContain(facts[0].Keys, k => k == "quantities");
    }

    /// <summary>A simple CSV reader for cells without quotes or commas (the test data has none in the compared columns).</summary>
    private static List<Dictionary<string, string>> Csv(string[] lines)
    {
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => Cells(l)).Select(c => header.Select((h, i) => (h, i < c.Count ? c[i] : "")).ToDictionary(p => p.h, p => p.Item2))];
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString());
        return cells;
    }

    [StoreFact]
    public void AQueryShowsTheNewestFirstAndSaysWhenItShowsOnlySome()
    {
        StoreHandmade();
        var some = Dyad("query", "--dyad", "KAZ,RUS", "--limit", "2", "--json");
        Assert.Equal(0, some.ExitCode);
        Assert.Equal(["2014-05-29", "2014-03"], JsonLines(some).Select(e => e.GetProperty("date").GetProperty("value").GetString()!).ToArray());
        Assert.Contains("dyad: showing 2 of 4 events, newest first (use --limit 0 for all)", some.Stderr, StringComparison.Ordinal);

        var all = Dyad("query", "--dyad", "KAZ,RUS", "--limit", "0", "--json");
        Assert.Equal(4, all.StdoutLines.Length);
        Assert.DoesNotContain("showing", all.Stderr, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonLines(all)[^1].GetProperty("date").ValueKind); // undated last

        var oldest = JsonLines(Dyad("query", "--dyad", "KAZ,RUS", "--oldest", "--json"));
        Assert.Equal("2014", oldest[0].GetProperty("date").GetProperty("value").GetString());
        Assert.Equal(QueryDefaultLimit, Cli.Commands.QueryCommand.DefaultLimit);
    }

    private const int QueryDefaultLimit = 100;

    [StoreFact]
    public void ASeriesPutsYearOnlyEventsInTheirOwnBucketFillsEmptyMonthsAndCountsUndatedEvents()
    {
        StoreHandmade();
        using var store = Open();
        var series = store.Series(new SeriesRequest("KAZ", "RUS"));
        // March to May (the months with events, and the empty April between), then the year-only events of 2014.
        Assert.Equal(["2014-03", "2014-04", "2014-05", "2014"],
            series.Buckets.Select(b => b.Bucket).ToArray());
        Assert.Equal(0, series.Buckets.Single(b => b.Bucket == "2014-04").Events);
        Assert.Equal(1, series.Buckets.Single(b => b.Bucket == "2014").Events);
        Assert.Equal("year", series.Buckets.Single(b => b.Bucket == "2014").Precision);
        Assert.DoesNotContain(series.Buckets, b => b.Bucket == "2014-01");
        Assert.Equal(1, series.Undated);
        var march = series.Buckets.Single(b => b.Bucket == "2014-03");
        Assert.Equal((0L, 1L, 1L), (march.AToB, march.BToA, march.VerbalConflict));
        var may = series.Buckets.Single(b => b.Bucket == "2014-05");
        Assert.Equal((1L, 0L, 1L), (may.AToB, may.BToA, may.VerbalCooperation));

        var years = store.Series(new SeriesRequest("KAZ", "RUS") { Interval = SeriesInterval.Year, From = "2012", To = "2015" });
        Assert.Equal(["2012", "2013", "2014", "2015"], years.Buckets.Select(b => b.Bucket).ToArray());
        Assert.Equal(3, years.Buckets.Single(b => b.Bucket == "2014").Events);

        var cli = JsonLines(Dyad("query", "--dyad", "Kazakhstan,Russia", "--series", "--json"));
        Assert.Equal("undated", cli[^1].GetProperty("bucket").GetString());
        Assert.Equal(1, cli[^1].GetProperty("events").GetInt32());
        Assert.Equal(1, cli.Single(b => b.GetProperty("bucket").GetString() == "2014-03").GetProperty("RUS>KAZ").GetInt32());
    }

    [StoreFact]
    public void FiltersCombineWithFactsAndSearchOrAreRefused()
    {
        StoreHandmade();
        var facts = JsonLines(Dyad("query", "--facts", "--dyad", "KAZ,CHN", "--json"));
        Assert.Equal("trade", Assert.Single(facts).GetProperty("predicate").GetString());
        Assert.Single(JsonLines(Dyad("query", "--facts", "--actor", "KAZ", "--from", "2019", "--to", "2019", "--json")));
        Assert.Empty(Dyad("query", "--facts", "--actor", "KAZ", "--from", "2020", "--json").StdoutLines);

        Assert.Single(Dyad("query", "--search", "Kazakhstan", "--dyad", "CHN,KAZ", "--json").StdoutLines);
        Assert.Single(Dyad("query", "--search", "Kazakhstan", "--dyad", "KAZ,RUS", "--from", "2014-05", "--json").StdoutLines);
        Assert.True(Dyad("query", "--search", "Kazakhstan", "--json").StdoutLines.Length >= 5);

        foreach (var args in new[] { ["--facts", "--search", "x"], ["--series", "--actor", "KAZ"], ["--series"], ["--by", "year", "--dyad", "KAZ,RUS"], ["--from", "2015", "--to", "2014"], new[] { "--limit", "-1" } })
        {
            var refused = Dyad(["query", .. args]);
            Assert.Equal(2, refused.ExitCode);
            Assert.StartsWith("dyad: ", refused.Stderr, StringComparison.Ordinal);
        }
        var usDate = Dyad("query", "--from", "12/03/2024");
        Assert.Equal(2, usDate.ExitCode);
        Assert.Contains("--from '12/03/2024': not an ISO date", usDate.Stderr, StringComparison.Ordinal);
    }

    [StoreFact]
    public void NamesResolveThroughTheActorDictionaryAndAWrongNameGetsAHint()
    {
        StoreHandmade();
        var byName = Dyad("query", "--dyad", "Kazakhstan,Russia", "--json", "--limit", "0");
        Assert.Equal(0, byName.ExitCode);
        Assert.Equal(Dyad("query", "--dyad", "KAZ,RUS", "--json", "--limit", "0").Stdout, byName.Stdout);
        Assert.Contains("dyad: --dyad: Kazakhstan = KAZ", byName.Stderr, StringComparison.Ordinal);

        var typo = Dyad("query", "--dyad", "Kazakhztan,Russia");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("--dyad 'Kazakhztan': no actor of that name; did you mean", typo.Stderr, StringComparison.Ordinal);

        var table = Dyad("query", "--dyad", "KAZ,RUS");
        Assert.Contains("label", table.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains(table.StdoutLines, l => l.Contains(CameoTable.Default.Find(EventCode.Parse("057"))!.Name, StringComparison.Ordinal));

        var none = Dyad("query", "--dyad", "KAZ,BRA");
        Assert.Contains("dyad: BRA is in no stored event", none.Stderr, StringComparison.Ordinal);
    }

    [StoreFact]
    public void ADatabaseOfVersionOneIsMigratedWithItsAmountsFilledIn()
    {
        StoreHandmade();
        using (var store = Open())
        {
            store.ExecuteForTests("DROP INDEX ix_events_dyad");
            foreach (var column in new[] { "quantities", "is_symmetric", "location_kind" })
                store.ExecuteForTests($"ALTER TABLE events DROP COLUMN {column}");
            store.ExecuteForTests("CREATE INDEX ix_events_dyad ON events (source_head, target_head, date_start, goldstein)");
        }
        SetVersion("1");
        Assert.Equal(4, Dyad("query", "--dyad", "KAZ,RUS").ExitCode);
        var migrate = Dyad("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        var e = Assert.Single(JsonLines(Dyad("query", "--dyad", "CHN,KAZ", "--json")));
        Assert.Equal(23e9, e.GetProperty("quantities")[0].GetProperty("value").GetDouble());
        using var check = Open();
        Assert.Equal(Schema.Version.ToString(CultureInfo.InvariantCulture), Convert.ToString(check.ScalarForTests("SELECT value FROM schema_info WHERE name = 'schema_version'"), CultureInfo.InvariantCulture));
    }

    [StoreFact]
    public void TheStoreWritesTheRecordThatCodeWrites()
    {
        var file = Temp.File("relations.txt", Relations);
        static System.Text.Json.Nodes.JsonObject Comparable(string line)
        {
            var o = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            // Only `code` has the actors' and place's spans and the mentions' sentences; the store keeps the event row.
            foreach (var side in new[] { "source", "target", "location" })
                (o[side] as System.Text.Json.Nodes.JsonObject)?.Remove("span");
            o.Remove("mention_sentences");
            return o;
        }
        var coded = DyadCli.Run("code", file, "--events", "-q").StdoutLines.Where(l => l.Contains("\"type\":\"event\"", StringComparison.Ordinal))
            .Select(Comparable).Select(o => o.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(coded);
        Assert.Equal(0, Dyad("ingest", file).ExitCode);
        var stored = Dyad("export", "events", "--format", "jsonl").StdoutLines.Select(Comparable).Select(o => o.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(coded, stored);
    }
}
