using System.Globalization;
using Dyad.Storage;
using Dyad.Storage.Ingest;

namespace Dyad.Analytics.Tests.Support;

/// <summary>Small stores for the analysis tests: our own sentences coded by the real pipeline, or exact rows inserted in bulk.</summary>
public static class TestStores
{
    /// <summary>Stories written for these tests: Kazakhstan with Russia, China and the United States, 2014–2018.</summary>
    public const string KazakhstanStories = """
        {"id":"t1","date":"2014-03-10","text":"Kazakhstan and Russia signed an agreement on oil transit in March 2014."}
        {"id":"t2","date":"2015-06-01","text":"China criticized Kazakhstan over the border dispute in May 2015."}
        {"id":"t3","date":"2016-02-01","text":"Kazakhstan signed a trade agreement with China in January 2016. The president of Kazakhstan visited Beijing in 2016."}
        {"id":"t4","date":"2017-09-12","text":"Russia accused Kazakhstan of violating the transit treaty on September 10, 2017. Kazakhstan praised the United States for its investment."}
        {"id":"t5","date":"2018-04-02","text":"Russian troops attacked a Kazakh border post in April 2018."}

        """;

    /// <summary>Codes the files in <paramref name="folder"/> into a new SQLite store there; returns its path.</summary>
    public static string Ingest(string folder, params string[] inputs)
    {
        var db = Path.Combine(folder, "dyad.db");
        var ingester = new Ingester(() => EventStores.Open(db), DyadPipeline.Default, new IngestOptions { Jobs = 1 });
        var result = ingester.Run(inputs);
        if (result.Failed > 0)
            throw new InvalidOperationException("a test input failed to ingest");
        return db;
    }

    /// <summary>An events row in the column order of <see cref="Schema.Events"/>.</summary>
    public static object?[] Row(string id, string source, string target, string code, int quad, double goldstein, string? date, string precision = "day")
    {
        var start = date is null ? null : SqlEventStore.FromBound(date);
        return [null, id, 0, source, source[..3], source, target, target[..3], target, code, code[..2], quad, goldstein,
            date, start, precision, 0, 1, "trigger", 0, 7, "test.rule", null, null, null, null, null, 0, null];
    }

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
