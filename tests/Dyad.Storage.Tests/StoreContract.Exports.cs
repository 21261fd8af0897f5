using System.Text;
using System.Xml.Linq;
using Dyad.Coding;
using Dyad.Storage.Export;
using Dyad.Storage.Tests.Support;
using Parquet;

namespace Dyad.Storage.Tests;

/// <summary>Exports that load where users load them (issue 14): GDELT, ICEWS, Parquet, GraphML/GEXF, spreadsheets.</summary>
public abstract partial class StoreContract
{
    /// <summary>GDELT 2.0's event columns, written out here from its codebook independently of the exporter's list.</summary>
    private static readonly string[] GdeltColumns = (
        "GLOBALEVENTID SQLDATE MonthYear Year FractionDate " +
        "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code " +
        "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code " +
        "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone " +
        "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID " +
        "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID " +
        "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID " +
        "DATEADDED SOURCEURL").Split(' ');

    private void StoreForExport()
    {
        using var store = Open();
        new Handmade("summit", new DateOnly(2018, 8, 13))
            .Event("The Kazakh government hosted Russia in Astana on 12 August 2018.", "KAZGOV", "RUS", "042", "hosted", DateValue.OfDay(2018, 8, 12),
                place: new Place(default, "Astana", "Astana", "KAZ", 51.17, 71.45) { Kind = "capital" })
            .Event("NATO criticized Russia in 2003.", "NATO", "RUS", "111", "criticized", DateValue.OfYear(2003))
            .Event("The Central Asian Union met China.", "CAUN", "CHN", "036", "met", DateValue.OfMonth(2004, 2))
            .Event("=HYPERLINK(\"x\") said Kazakhstan praised China.", "KAZ", "CHN", "051", "praised", DateValue.OfDay(2018, 8, 12))
            .StoreIn(store);
    }

    [StoreFact]
    public void TheGdeltLayoutHasGdeltsSixtyOneColumnsInOrderWithFipsGeographyAndNoHeader()
    {
        StoreForExport();
        Assert.Equal(61, GdeltColumns.Length);
        Assert.Equal(GdeltColumns, GdeltLayout.Columns);
        var sidecar = Path.Combine(Temp.Path, "dates.tsv");
        var lines = Dyad("export", "events", "--format", "tsv", "--layout", "gdelt", "--sidecar", sidecar).StdoutLines;
        Assert.Equal(4, lines.Length); // no header
        Assert.All(lines, l => Assert.Equal(61, l.Split('\t').Length));
        var rows = lines.Select(l => GdeltColumns.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var hosted = rows.Single(r => r["EventCode"] == "042");
        Assert.Equal(("20180812", "201808", "2018", "KAZGOV", "KAZ", "GOV"), (hosted["SQLDATE"], hosted["MonthYear"], hosted["Year"], hosted["Actor1Code"], hosted["Actor1CountryCode"], hosted["Actor1Type1Code"]));
        Assert.Equal(("4", "KZ", "KZ", "51.17", "71.45"), (hosted["ActionGeo_Type"], hosted["ActionGeo_CountryCode"], hosted["ActionGeo_ADM1Code"], hosted["ActionGeo_Lat"], hosted["ActionGeo_Long"]));
        Assert.Equal("RS", ExportTables.Countries["RUS"].Fips);
        Assert.Equal("CH", ExportTables.Countries["CHN"].Fips);
        var nato = rows.Single(r => r["EventCode"] == "111");
        Assert.Equal(("20030101", "", "NATO"), (nato["SQLDATE"], nato["Actor1CountryCode"], nato["Actor1KnownGroupCode"]));
        // The sidecar keeps what GDELT cannot: NATO's event is known to the year only.
        var side = File.ReadAllLines(sidecar);
        Assert.Equal(string.Join('\t', "id", "date", "precision", "report_date", "doc", "sentence", "event_id", "trigger", "rule", "text"), side[0]);
        Assert.Contains(side, l => l.StartsWith(nato["GLOBALEVENTID"] + "\t2003\tyear\t", StringComparison.Ordinal));

        var withHeader = Dyad("export", "events", "--format", "tsv", "--layout", "gdelt", "--header").StdoutLines;
        Assert.Equal(string.Join('\t', GdeltColumns), withHeader[0]);
    }

    [StoreFact]
    public void TheIcewsLayoutUsesCountryNamesSectorWordsAndTheEventDescription()
    {
        StoreForExport();
        var lines = Dyad("export", "events", "--format", "tsv", "--layout", "icews").StdoutLines;
        var header = lines[0].Split('\t');
        Assert.Equal(20, header.Length);
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var hosted = rows.Single(r => r["CAMEO Code"] == "042");
        Assert.Equal("Government (Kazakhstan)", hosted["Source Name"]);
        Assert.Equal("Government", hosted["Source Sectors"]);
        Assert.Equal("Kazakhstan", hosted["Source Country"]);
        Assert.Equal(ExportTables.Countries["RUS"].Name, hosted["Target Country"]);
        Assert.Equal(CameoTable.Default.Find(EventCode.Parse("042"))!.Name, hosted["Event Text"]);
        Assert.Equal(("Astana", "Kazakhstan", "1"), (hosted["City"], hosted["Country"], hosted["Sentence Number"]));
        Assert.DoesNotContain(rows, r => r["Source Country"] == "KAZ");
    }

    [StoreFact]
    public void TheGraphKeepsWholeCodesNamesStatesAndDatesItsEdgesForGephisTimeline()
    {
        StoreForExport();
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graphml = XDocument.Parse(Dyad("export", "graph", "--format", "graphml").Stdout);
        var ids = graphml.Descendants(g + "node").Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Contains("NATO", ids);
        Assert.Contains("CAUN", ids);
        Assert.Contains("KAZ", ids); // KAZGOV is drawn as its state
        Assert.DoesNotContain("NAT", ids);
        Assert.DoesNotContain("CAU", ids);
        var kaz = graphml.Descendants(g + "node").Single(n => (string)n.Attribute("id")! == "KAZ");
        Assert.Equal("Kazakhstan", kaz.Elements(g + "data").Single(d => (string)d.Attribute("key")! == "label").Value);

        XNamespace x = "http://gexf.net/1.3";
        var gexf = XDocument.Parse(Dyad("export", "graph", "--format", "gexf").Stdout);
        Assert.Equal("dynamic", (string?)gexf.Descendants(x + "graph").Single().Attribute("mode"));
        var edge = gexf.Descendants(x + "edge").Single(e => (string?)e.Attribute("source") == "KAZ" && (string?)e.Attribute("target") == "RUS");
        Assert.Equal(("2018-08-12", "2018-08-12"), ((string?)edge.Attribute("start"), (string?)edge.Attribute("end")));
        Assert.Contains(edge.Descendants(x + "attvalue"), a => (string?)a.Attribute("for") == "events" && (string?)a.Attribute("start") == "2018-01-01");
    }

    [StoreFact]
    public void ParquetHasTypedDatesCoordinatesTextAndAmounts()
    {
        StoreHandmade();
        var file = Path.Combine(Temp.Path, "e.parquet");
        Assert.Equal(0, Dyad("export", "events", "--format", "parquet", "-o", file).ExitCode);
        using var stream = File.OpenRead(file);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
            Assert.Contains(fields["date"].ClrType, new[] { typeof(DateOnly), typeof(DateTime) }); // a DATE column; the reader may hand it out as either
            Assert.Equal(typeof(double), fields["lat"].ClrType);
            Assert.Equal(typeof(double), fields["amount"].ClrType);
            Assert.True(fields.ContainsKey("text"));
            using var group = reader.OpenRowGroupReader(0);
            var amounts = new double?[group.RowCount];
            group.ReadAsync<double>(fields["amount"], amounts.AsMemory()).AsTask().GetAwaiter().GetResult();
            Assert.Contains(23e9, amounts.Where(a => a is not null).Select(a => a!.Value));
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [StoreFact]
    public void ExcelGetsAByteOrderMarkAndFormulaCellsGuarded()
    {
        StoreForExport();
        var file = Path.Combine(Temp.Path, "e.csv");
        Assert.Equal(0, Dyad("export", "events", "--format", "csv", "--excel", "-o", file).ExitCode);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\") said Kazakhstan praised China.\"", text, StringComparison.Ordinal);
        Assert.Contains(",-2,", text, StringComparison.Ordinal); // a negative Goldstein value stays a number
        var plain = Dyad("export", "events", "--format", "csv").Stdout;
        Assert.False(plain.StartsWith('\uFEFF'));
        Assert.Equal(2, Dyad("export", "events", "--format", "jsonl", "--excel").ExitCode);
    }
}
