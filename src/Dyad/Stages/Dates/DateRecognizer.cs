using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Quantities;

namespace Dyad.Stages.Dates;

/// <summary>
/// Finds the dates of each sentence by scanning its tokens: explicit dates in the common English forms
/// ("May 29, 2014", "29 May 2014", "in March 2013", "in 2007", "the 1990s", "mid-2005", "9/11"),
/// dates without a year ("Oct 19", "to come into force January 1"), and relative dates ("earlier that
/// year", "four years earlier", "last week", "on Tuesday"), resolved against the last date the document
/// named or its publication date. Spans get a role: "since 2010" (Since), "until 2050" (Until),
/// "from 1999 to 2004" (Range). A dated heading before the first paragraph (a wire timestamp, a
/// statement's date line) is taken as the publication date when the document has none, with the rule
/// <see cref="DatelineRule"/>.
/// </summary>
public sealed class DateRecognizer : IStage
{
    /// <summary>The rule of a date read from the document's own date line; the anchoring stage takes it as the report date.</summary>
    public const string DatelineRule = "date.dateline";

    public string Name => "dates";

    public void Run(Analysis analysis)
    {
        var context = new DateContext { Published = analysis.Document.Published };
        var sawBody = false;
        foreach (var sentence in analysis.Sentences)
        {
            try
            {
                var found = Scan(analysis.Document.Text, sentence, context);
                if (!sawBody && context.Published is null && sentence.Kind != SentenceKind.Body && sentence.Index < 4)
                {
                    // A date line is mostly its date: "July 17, 2021", "Statement of the Senator — 3 June 2009", a wire timestamp.
                    var dateline = found.FindIndex(t => t.Value.Precision == DatePrecision.Day && !t.Relative && sentence.Span.Length - t.Span.Length <= 40);
                    if (dateline >= 0)
                    {
                        var t = found[dateline];
                        context.Published = new DateOnly(t.Value.Year, t.Value.Month, t.Value.Day);
                        found[dateline] = t with { Rule = DatelineRule };
                    }
                }
                sawBody |= sentence.Kind == SentenceKind.Body;
                analysis.Times.AddRange(found);
            }
            catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException)
            {
                // A malformed date ("31 February") never stops the document.
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"date skipped: {ex.Message}", sentence.Index));
            }
        }
    }

    /// <summary>The dates of one sentence, in order; <paramref name="context"/> carries the last named date forward.</summary>
    public static List<TimeMention> Scan(string text, Sentence sentence, DateContext context)
    {
        var tokens = sentence.Tokens;
        var found = new List<TimeMention>();
        var future = tokens.Any(t => t.IsWord && DateWords.FutureCues.Contains(t.Text));
        var scan = new Scanner(sentence, context, future);
        var i = 0;
        while (i < tokens.Count)
        {
            if (!scan.TryAt(i, out var hit))
            {
                i++;
                continue;
            }
            var role = TimeRole.Point;
            var end = hit.End;
            var last = hit.Next;
            var before = i > 0 ? tokens[i - 1].Text.ToLowerInvariant() : string.Empty;
            if (hit.End is not null)
            {
                role = TimeRole.Range;
            }
            else if (last < tokens.Count && IsRangeJoin(tokens[last].Text, i >= 1 ? tokens[i - 1].Text : string.Empty)
                && scan.TryAt(last + 1, out var second) && !second.Relative)
            {
                role = TimeRole.Range;
                end = second.End ?? second.Value;
                last = second.Next;
            }
            if (role == TimeRole.Point)
            {
                role = before switch
                {
                    "since" => TimeRole.Since,
                    "until" or "till" or "through" or "untill" => TimeRole.Until,
                    _ => hit.Since ? TimeRole.Since : TimeRole.Point,
                };
            }
            var span = new TextSpan(tokens[i].Span.Start, tokens[last - 1].Span.End);
            found.Add(new TimeMention(sentence.Index, span, span.Slice(text), hit.Value, role, hit.Rule) { End = end, Relative = hit.Relative });
            // Only a date the text names moves the context ("14 August" does, its year supplied);
            // "last week", "on Tuesday" or "four years earlier" do not.
            if (role != TimeRole.Until && (!hit.Relative || hit.Rule is "date.day-month" or "date.month-day" or "date.month"))
            {
                context.Last = hit.Value;
                context.LastSentence = sentence.Index;
            }
            i = last;
        }
        return found;
    }

    private static bool IsRangeJoin(string join, string before) => join switch
    {
        "-" or "\u2013" or "\u2014" => true,
        "to" or "until" or "through" => before.Equals("from", StringComparison.OrdinalIgnoreCase),
        "and" => before.Equals("between", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The words a relative date can start with ("earlier that year", "the following year", "last week").</summary>
    private static readonly HashSet<string> RelativeLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "yesterday", "today", "tomorrow", "last", "this", "next", "earlier", "later", "that", "the", "a", "one",
    };

    /// <summary>One date expression: tokens [start, Next), its value, and for a range its end.</summary>
    private readonly record struct Hit(DateValue Value, int Next, string Rule, DateValue? End = null, bool Relative = false, bool Since = false);

    private sealed class Scanner(Sentence sentence, DateContext context, bool future)
    {
        private readonly List<Token> _t = sentence.Tokens as List<Token> ?? [.. sentence.Tokens];

        public bool TryAt(int i, out Hit hit)
        {
            hit = default;
            if (i >= _t.Count)
                return false;
            var tok = _t[i];
            if (tok.Kind == TokenKind.Number)
                return TryNumberLed(i, out hit) || TryRelative(i, out hit);
            if (!tok.IsWord)
                return false;
            return TryRelative(i, out hit) || TryMonthLed(i, out hit) || TryWeekday(i, out hit) || TryQualifiedYear(i, out hit);
        }

        private string Lower(int i) => i >= 0 && i < _t.Count ? _t[i].Text.ToLowerInvariant() : string.Empty;

        private string Text(int i) => i >= 0 && i < _t.Count ? _t[i].Text : string.Empty;

        private static bool IsDash(string s) => s is "-" or "\u2013" or "\u2014";

        // ---- numbers first: "29 May 2014", "19-OCT-1987", "2014-05-29", "5/29/2014", "9/11", "2007", "1990s"

        private bool TryNumberLed(int i, out Hit hit)
        {
            hit = default;
            var s = _t[i].Text;
            if (s == "9/11")
            {
                hit = new Hit(DateValue.OfDay(2001, 9, 11), i + 1, "date.named");
                return true;
            }
            var slash = s.Contains('/', StringComparison.Ordinal) ? s.Split('/') : [];
            if (slash.Length == 3 && Int(slash[0], out var sm) && Int(slash[1], out var sd) && Int(slash[2], out var sy) && slash[2].Length == 4
                && TryDay(sy, sm, sd, out var numeric))
            {
                hit = new Hit(numeric, i + 1, "date.numeric");
                return true;
            }
            if (TryDayNumber(s, out var day))
            {
                var j = i + 1;
                int? day2 = null;
                if (IsDash(Text(j)) && TryDayNumber(Text(j + 1), out var d2) && DateWords.MonthOf(Text(j + 2)) > 0)
                {
                    day2 = d2;
                    j += 2;
                }
                // "the 3rd of March 2001"
                if (Lower(j) == "of" && DateWords.MonthOf(Text(j + 1)) > 0 && _t[i].Text.Length > 2)
                    j++;
                var dashed = IsDash(Text(j));
                if (dashed)
                    j++;
                // The wire form "19-OCT-1987": the tokenizer keeps "OCT-1987" as one word.
                var glued = dashed ? Text(j).Split('-') : [];
                if (dashed && glued.Length == 2 && DateWords.MonthOf(glued[0]) is var gm and > 0 && glued[1].Length == 4
                    && Int(glued[1], out var gy) && TryDay(gy, gm, day, out var wire))
                {
                    hit = new Hit(wire, j + 1, "date.day-month-year");
                    return true;
                }
                var month = DateWords.MonthOf(Text(j));
                if (month > 0 && (!dashed || IsDash(Text(j + 1))))
                {
                    j++;
                    if (IsDash(Text(j)) || Text(j) == ",")
                        j++;
                    if (TryYear(j, out var year))
                    {
                        if (!TryDay(year, month, day, out var full))
                            return false;
                        hit = new Hit(full, j + 1, "date.day-month-year", day2 is { } e && TryDay(year, month, e, out var endFull) ? endFull : null);
                        return true;
                    }
                    // "4 April": the year comes from context; an unmatched dash is not part of the date.
                    var next = IsDash(Text(j - 1)) || Text(j - 1) == "," ? j - 1 : j;
                    if (dashed)
                        return false;
                    if (!Resolve(month, day, i, out var resolved))
                        return false;
                    DateValue? endDay = day2 is { } e2 && TryDay(resolved.Year, month, e2, out var ed) ? ed : null;
                    hit = new Hit(resolved, next, "date.day-month", endDay, Relative: true, Since: SinceCue(i));
                    return true;
                }
            }
            if (!TryYear(i, out var y))
                return TryDecade(i, out hit);
            // ISO 2014-05-29
            if (IsDash(Text(i + 1)) && Text(i + 2).Length == 2 && Int(Text(i + 2), out var im) && IsDash(Text(i + 3))
                && Text(i + 4).Length == 2 && Int(Text(i + 4), out var id) && TryDay(y, im, id, out var iso))
            {
                hit = new Hit(iso, i + 5, "date.iso");
                return true;
            }
            if (!LooksLikeYear(i))
                return false;
            if (IsDash(Text(i + 1)) && TryYear(i + 2, out var y2) && y2 > y)
            {
                hit = new Hit(DateValue.OfYear(y), i + 3, "date.year-range", DateValue.OfYear(y2));
                return true;
            }
            hit = new Hit(DateValue.OfYear(y), i + 1, "date.year");
            return true;
        }

        /// <summary>"the 1990s", "the early 1970s": a decade as a range of years.</summary>
        private bool TryDecade(int i, out Hit hit)
        {
            hit = default;
            var s = _t[i].Text;
            if (s.Length == 5 && s[4] == 's' && Int(s[..4], out var y) && y % 10 == 0 && y is >= 1000 and <= 2100)
            {
                hit = new Hit(DateValue.OfYear(y), i + 1, "date.decade", DateValue.OfYear(y + 9));
                return true;
            }
            return false;
        }

        /// <summary>A four-digit number used as a year, not "2000 troops", "$2000", "Resolution 1325" or "1400 Gulf time".</summary>
        private bool LooksLikeYear(int i)
        {
            var prev = Text(i - 1);
            if (prev is "$" or "\u20AC" or "\u00A3" or "US$" or "#" || DateWords.LabelWords.Contains(prev) || QuantityLexicon.TryCurrency(prev, out _))
                return false;
            // "2000 troops" counts; "in 2012 police arrested" is a year.
            var next = Text(i + 1);
            if (next.Length > 0 && (QuantityLexicon.MakesCount(next) || QuantityLexicon.TryDuration(next, out _))
                && !(DateWords.MonthLeads.Contains(prev) && !QuantityLexicon.TryDuration(next, out _) && !QuantityLexicon.TryCurrency(next, out _)))
                return false;
            if (DateWords.ClockWords.Contains(next) || DateWords.ClockWords.Contains(Text(i + 2)) || next == "(" && Text(i + 2).StartsWith('0'))
                return false;
            return true;
        }

        // ---- month names: "May 29, 2014", "Oct 19", "March 2013", "November–December 2011", "in July"

        private bool TryMonthLed(int i, out Hit hit)
        {
            hit = default;
            var month = DateWords.MonthOf(_t[i].Text);
            if (month == 0)
                return false;
            var j = i + 1;
            // "Jan. 5": the period of an abbreviation, never the full stop after "in July."
            if (Text(j) == "." && _t[i].Text.Length <= 4 && j + 1 < _t.Count && _t[j + 1].Kind == TokenKind.Number)
                j++;
            if (TryDayNumber(Text(j), out var day))
            {
                var k = j + 1;
                DateValue? end = null;
                int? day2 = null;
                if (IsDash(Text(k)) && TryDayNumber(Text(k + 1), out var d2) && d2 > day)
                {
                    day2 = d2;
                    k += 2;
                }
                var comma = Text(k) == ",";
                if (TryYear(comma ? k + 1 : k, out var year))
                {
                    if (!TryDay(year, month, day, out var full))
                        return false;
                    if (day2 is { } e && TryDay(year, month, e, out var endFull))
                        end = endFull;
                    hit = new Hit(full, (comma ? k + 1 : k) + 1, "date.month-day-year", end);
                    return true;
                }
                // "Oct 19", "January 1", "last March 27"
                if (!Resolve(month, day, i, out var resolved))
                    return false;
                if (day2 is { } e2 && TryDay(resolved.Year, month, e2, out var endDay))
                    end = endDay;
                hit = new Hit(resolved, k, "date.month-day", end, Relative: true, Since: SinceCue(i));
                return true;
            }
            var afterComma = Text(j) == "," ? j + 1 : j;
            if (TryYear(afterComma, out var my) && !QuantityLexicon.MakesCount(Text(afterComma + 1)))
            {
                hit = new Hit(DateValue.OfMonth(my, month), afterComma + 1, "date.month-year");
                return true;
            }
            // "November–December 2011"
            if (IsDash(Text(j)) && DateWords.MonthOf(Text(j + 1)) is var m2 and > 0 && TryYear(j + 2, out var ry))
            {
                hit = new Hit(DateValue.OfMonth(ry, month), j + 3, "date.month-range", DateValue.OfMonth(ry, m2));
                return true;
            }
            // A bare month needs a lead word: "in July", "last October"; "May" and "March" are verbs too.
            if (!DateWords.MonthLeads.Contains(Lower(i - 1)))
                return false;
            if (!Resolve(month, 0, i, out var bare))
                return false;
            hit = new Hit(bare, j, "date.month", Relative: true, Since: SinceCue(i));
            return true;
        }

        // ---- weekdays: "on Tuesday" (relative), "Thursday, 17 May 2012" (the explicit date follows)

        private bool TryWeekday(int i, out Hit hit)
        {
            hit = default;
            if (!DateWords.TryWeekday(_t[i].Text, out var weekday))
                return false;
            for (var k = i + 1; k < Math.Min(_t.Count, i + 4); k++)
            {
                if (_t[k].Kind == TokenKind.Number || DateWords.MonthOf(_t[k].Text) > 0)
                    return false; // the explicit date that follows is read on its own
            }
            var reference = context.Published ?? (context.Last.Precision == DatePrecision.Day ? context.Last.Start : null);
            if (reference is not { } today)
                return false;
            var lead = Lower(i - 1);
            var forward = lead == "next" || (lead != "last" && future);
            var shift = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            var date = forward
                ? today.AddDays(lead == "next" && shift == 0 ? 7 : shift)
                : today.AddDays(-((7 - shift) % 7 == 0 && lead == "last" ? 7 : (7 - shift) % 7));
            hit = new Hit(DateValue.OfDay(date), i + 1, "date.weekday", Relative: true);
            return true;
        }

        // ---- "mid-2005", "early-1990s"

        private bool TryQualifiedYear(int i, out Hit hit)
        {
            hit = default;
            var s = _t[i].Text;
            var dash = s.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || s[..dash].ToLowerInvariant() is not ("mid" or "early" or "late" or "end"))
                return false;
            var rest = s[(dash + 1)..];
            if (rest.Length == 4 && Int(rest, out var y) && y is >= 1000 and <= 2100)
            {
                hit = new Hit(DateValue.OfYear(y), i + 1, "date.qualified-year");
                return true;
            }
            if (rest.Length == 5 && rest[4] == 's' && Int(rest[..4], out var d) && d % 10 == 0)
            {
                hit = new Hit(DateValue.OfYear(d), i + 1, "date.decade", DateValue.OfYear(d + 9));
                return true;
            }
            return false;
        }

        // ---- relative phrases

        private bool TryRelative(int i, out Hit hit)
        {
            hit = default;
            // Most words start no relative date: a set lookup spares the rest of the checks.
            var first = _t[i];
            if (first.Kind != TokenKind.Number && !RelativeLeads.Contains(first.Text) && !NumberWords.IsNumberWord(first.Text))
                return false;
            var w0 = Lower(i);
            var w1 = Lower(i + 1);
            var last = context.Last;
            var pub = context.Published;

            // Against the publication date: "yesterday", "today", "last year", "this week", "earlier this year".
            if (pub is { } p)
            {
                switch (w0)
                {
                    case "yesterday":
                        return Make(DateValue.OfDay(p.AddDays(-1)), i + 1, "date.yesterday", out hit);
                    case "today" when Text(i + 1) != "'s":
                        return Make(DateValue.OfDay(p), i + 1, "date.today", out hit);
                    case "tomorrow":
                        return Make(DateValue.OfDay(p.AddDays(1)), i + 1, "date.tomorrow", out hit);
                }
                if (w0 is "last" or "this" or "next" or "earlier" or "later")
                {
                    var unitAt = w0 is "earlier" or "later" ? (w1 == "this" ? i + 2 : -1) : i + 1;
                    var step = w0 switch { "last" => -1, "next" => 1, _ => 0 };
                    switch (Lower(unitAt))
                    {
                        case "year":
                            return Make(DateValue.OfYear(p.Year + step), unitAt + 1, "date.pub-year", out hit);
                        case "month":
                            var m = p.AddMonths(step);
                            return Make(DateValue.OfMonth(m.Year, m.Month), unitAt + 1, "date.pub-month", out hit);
                        case "week":
                            var wk = p.AddDays(7 * step);
                            return Make(DateValue.OfMonth(wk.Year, wk.Month), unitAt + 1, "date.pub-week", out hit);
                    }
                }
                // "ten years ago"
                if (NumberWords.TryRead(_t, i, out var agoN, out var agoNext) && agoN is > 0 and < 200 && Lower(agoNext + 1) == "ago"
                    && Lower(agoNext) is "year" or "years")
                {
                    return Make(DateValue.OfYear(p.Year - (int)agoN), agoNext + 2, "date.ago", out hit);
                }
            }
            if (!last.IsKnown)
                return false;

            // Against the last named date: "earlier that year", "the following year", "four years earlier".
            var at = i;
            if (w0 is "earlier" or "later" && w1 == "that")
                at = i + 1;
            var a = Lower(at);
            var b = Lower(at + 1);
            var c = Lower(at + 2);
            if (a == "that" && b is "year" or "month" or "day" || a == "that" && b == "same" && c is "year" or "month" or "day"
                || a == "the" && b == "same" && c is "year" or "month" or "day")
            {
                var unit = b == "same" ? c : b;
                var next = b == "same" ? at + 3 : at + 2;
                return Make(Shift(last, unit, 0), next, "date.same-" + unit, out hit);
            }
            if (a == "the" && b is "following" or "next" or "previous" or "preceding" && c is "year" or "month" or "day")
                return Make(Shift(last, c, b is "following" or "next" ? 1 : -1), at + 3, "date.adjacent-" + c, out hit);
            if (a == "the" && b is "year" or "month" or "day" && c is "before" or "after" && !IsContentWord(at + 3))
                return Make(Shift(last, b, c == "after" ? 1 : -1), at + 3, "date.adjacent-" + b, out hit);
            if ((NumberWords.TryRead(_t, i, out var n, out var afterN) && n is > 0 and < 200) || w0 is "a" or "one")
            {
                if (w0 is "a" or "one")
                {
                    n = 1;
                    afterN = i + 1;
                }
                var unitWord = Lower(afterN);
                var direction = Lower(afterN + 1);
                if (unitWord is "year" or "years" or "decade" or "decades" or "month" or "months" or "day" or "days"
                    && direction is "later" or "earlier" or "before" or "after" or "afterwards" or "previously")
                {
                    if (direction is "before" or "after" && IsContentWord(afterN + 2))
                        return false; // "two years after the war": the anchor is named, not the last date
                    var sign = direction is "later" or "after" or "afterwards" ? 1 : -1;
                    var (unit, count) = unitWord.StartsWith("decade", StringComparison.Ordinal) ? ("year", (int)n * 10) : (unitWord.TrimEnd('s'), (int)n);
                    return Make(Shift(last, unit, sign * count), afterN + 2, "date.offset", out hit);
                }
            }
            return false;
        }

        private bool IsContentWord(int i) => i < _t.Count && _t[i].IsWord && Lower(i) is not ("and" or "or" or "but" or "when" or "as");

        private static DateValue Shift(DateValue from, string unit, int count)
        {
            var start = from.Start ?? new DateOnly(from.Year, 1, 1);
            return unit switch
            {
                "year" => DateValue.OfYear(from.Year + count),
                "month" when from.Precision >= DatePrecision.Month => DateValue.OfMonth(start.AddMonths(count).Year, start.AddMonths(count).Month),
                "day" when from.Precision == DatePrecision.Day => DateValue.OfDay(start.AddDays(count)),
                _ => DateValue.OfYear(from.Year),
            };
        }

        private static bool Make(DateValue value, int next, string rule, out Hit hit)
        {
            hit = new Hit(value, next, rule, Relative: true);
            return true;
        }

        /// <summary>"to come into force January 1", "effective from 1 July": the date starts a state.</summary>
        private bool SinceCue(int i)
        {
            for (var k = Math.Max(0, i - 3); k < i; k++)
            {
                if (Lower(k) is "force" or "effect" or "effective")
                    return true;
            }
            return false;
        }

        /// <summary>
        /// A date without a year: the year of a date named in this or the previous sentence; else the
        /// occurrence nearest the publication date ("last"/"next" and forward-looking sentences pick a side);
        /// else the year last named.
        /// </summary>
        private bool Resolve(int month, int day, int i, out DateValue value)
        {
            value = default;
            var lead = Lower(i - 1);
            var sinceCue = SinceCue(i);
            var forward = lead == "next" || sinceCue || (future && lead != "last");
            var backward = lead == "last";
            var last = context.Last;
            var recent = last.IsKnown && context.LastSentence >= sentence.Index - 1;
            int year;
            if (recent || (context.Published is null && last.IsKnown))
            {
                year = last.Year;
                if (forward || backward)
                {
                    var refMonth = Math.Max(last.Month, forward ? (last.Month == 0 ? 12 : last.Month) : 1);
                    var refDay = last.Day == 0 ? (forward ? 31 : 1) : last.Day;
                    var cmp = (month * 100) + (day == 0 ? 15 : day) - ((refMonth * 100) + refDay);
                    if (forward && cmp <= 0)
                        year++;
                    if (backward && cmp >= 0)
                        year--;
                }
            }
            else if (context.Published is { } pub)
            {
                var best = int.MaxValue;
                year = pub.Year;
                for (var y = pub.Year - 1; y <= pub.Year + 1; y++)
                {
                    if (!TryDay(y, month, day == 0 ? 15 : day, out var probe))
                        continue;
                    var distance = probe.Start!.Value.DayNumber - pub.DayNumber;
                    // A bare month in a sentence that does not look ahead is the last one ("went there in November").
                    if ((backward || (day == 0 && !forward)) && distance > (backward ? -1 : 15) || forward && distance < 0)
                        continue;
                    if (Math.Abs(distance) < best)
                    {
                        best = Math.Abs(distance);
                        year = y;
                    }
                }
            }
            else
            {
                return false;
            }
            if (day == 0)
            {
                value = DateValue.OfMonth(year, month);
                return true;
            }
            return TryDay(year, month, day, out value);
        }

        private bool TryYear(int i, out int year)
        {
            year = 0;
            if (i < 0 || i >= _t.Count || _t[i].Kind != TokenKind.Number)
                return false;
            var s = _t[i].Text;
            return s.Length == 4 && s[0] != '0' && Int(s, out year) && year is >= 1000 and <= 2100;
        }

        private static bool TryDayNumber(string s, out int day)
        {
            day = 0;
            if (s.Length is 3 or 4 && s[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th")
                s = s[..^2];
            return s.Length is 1 or 2 && Int(s, out day) && day is >= 1 and <= 31;
        }

        private static bool TryDay(int year, int month, int day, out DateValue value)
        {
            value = default;
            if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                return false;
            value = DateValue.OfDay(year, month, day);
            return true;
        }

        private static bool Int(string s, out int value) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

/// <summary>What the date stage carries from sentence to sentence.</summary>
public sealed class DateContext
{
    /// <summary>The publication date: the document's, or one read from its date line.</summary>
    public DateOnly? Published { get; set; }

    /// <summary>The last date named (or worked out) so far.</summary>
    public DateValue Last { get; set; }

    /// <summary>The sentence <see cref="Last"/> was named in.</summary>
    public int LastSentence { get; set; } = -10;
}

public static class DateRecognizerExtensions
{
    /// <summary>Adds (or replaces) the date stage.</summary>
    public static PipelineBuilder UseDates(this PipelineBuilder builder) => builder.Replace(new DateRecognizer());
}
