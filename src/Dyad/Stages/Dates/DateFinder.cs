using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Dates;

/// <summary>First version: finds explicit years, months with years and full dates in each sentence.</summary>
public sealed partial class DateFinder : IStage
{
    public string Name => "dates";

    public void Run(Analysis analysis)
    {
        foreach (var sentence in analysis.Sentences)
        {
            var taken = new List<TextSpan>();
            foreach (Match m in FullDate().Matches(sentence.Text))
            {
                var month = MonthOf(m.Groups["month"].Value);
                var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
                var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                if (month == 0 || day > DateTime.DaysInMonth(year, month))
                    continue;
                Add(analysis, sentence, m, DateValue.OfDay(year, month, day), "date.full", taken);
            }
            foreach (Match m in MonthYear().Matches(sentence.Text))
                Add(analysis, sentence, m, DateValue.OfMonth(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), MonthOf(m.Groups["month"].Value)), "date.month", taken);
            foreach (Match m in Year().Matches(sentence.Text))
                Add(analysis, sentence, m, DateValue.OfYear(int.Parse(m.Value, CultureInfo.InvariantCulture)), "date.year", taken);
        }
    }

    private static void Add(Analysis analysis, Sentence sentence, Match m, DateValue value, string rule, List<TextSpan> taken)
    {
        var span = new TextSpan(sentence.Span.Start + m.Index, sentence.Span.Start + m.Index + m.Length);
        if (taken.Any(t => t.Overlaps(span)))
            return;
        taken.Add(span);
        analysis.Times.Add(new TimeMention(sentence.Index, span, m.Value, value, TimeRole.Point, rule));
    }

    private static int MonthOf(string name) =>
        name.Length < 3 ? 0 : Array.FindIndex(Months, m => m.StartsWith(name[..3], StringComparison.OrdinalIgnoreCase)) + 1;

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [GeneratedRegex(@"\b(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (?<day>\d{1,2}), (?<year>\d{4})\b|\b(?<day>\d{1,2}) (?<month>January|February|March|April|May|June|July|August|September|October|November|December) (?<year>\d{4})\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December) (?<year>\d{4})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d$.,])\b(1[89]\d\d|20\d\d)\b(?![\d,.]\d)")]
    private static partial Regex Year();
}

public static class DateFinderExtensions
{
    public static PipelineBuilder UseDates(this PipelineBuilder builder) => builder.Replace(new DateFinder());
}
