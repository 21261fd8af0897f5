using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Sentences;

/// <summary>
/// Splits a document into sentences with offsets into its text. Paragraphs (blank lines, or an
/// indented line) are split first; a one-line paragraph without closing punctuation is a heading;
/// a photo caption stays one sentence with its date line and credit.
/// </summary>
public sealed partial class SentenceSplitter : IStage
{
    // Words that end with a period but rarely end a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen",
        "rep", "pres", "amb", "hon", "rev", "fr", "messrs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "art", "para", "fig",
        "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "vs", "etc", "approx", "est", "ca", "cf", "al", "e.g", "i.e", "viz",
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.s.s.r", "d.c", "p.m", "a.m", "ft", "km", "mln", "bln", "pct", "op", "ed", "eds",
    };

    // Abbreviations that often end a sentence: split after them when the next word starts a sentence.
    private static readonly HashSet<string> FinalAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.s.s.r", "d.c", "etc", "inc", "corp", "co", "ltd", "p.m", "a.m",
    };

    // Capitalized words that start sentences far more often than they continue a name.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "With", "After", "Before", "During", "Since", "While",
        "When", "Although", "Though", "But", "And", "However", "Meanwhile", "It", "He", "She", "They", "We", "I", "This", "That",
        "These", "Those", "There", "Its", "His", "Her", "Their", "Our", "Both", "Some", "Many", "Most", "All", "No", "Not", "As",
        "If", "Under", "Over", "Last", "Next", "Earlier", "Later", "Also", "Still", "Yet", "So", "Such", "One", "Two", "Another",
    };

    /// <summary>
    /// The longest sentence, in words: a longer run (a list without full stops, text whose punctuation was stripped)
    /// is cut at this many words, so that the work per sentence, and so per document, stays linear in its length.
    /// </summary>
    public const int MaxWords = 1000;

    /// <summary>The longest sentence in characters, for runs of very long words (or none at all).</summary>
    public const int MaxChars = 16_000;

    public string Name => "sentences";

    public void Run(Analysis analysis)
    {
        foreach (var (span, kind) in Split(analysis.Document.Text))
            analysis.Sentences.Add(new Sentence(analysis.Sentences.Count, span, span.Slice(analysis.Document.Text), kind));
    }

    /// <summary>The sentences of a text as spans with their kind; none longer than <see cref="MaxWords"/> words or <see cref="MaxChars"/> characters.</summary>
    public static IEnumerable<(TextSpan Span, SentenceKind Kind)> Split(string text)
    {
        foreach (var (span, kind) in SplitUncapped(text))
        {
            foreach (var piece in Cap(text, span))
                yield return (piece, kind);
        }
    }

    /// <summary>Cuts a span after every <see cref="MaxWords"/> words, or at a space before <see cref="MaxChars"/> characters.</summary>
    internal static IEnumerable<TextSpan> Cap(string text, TextSpan span)
    {
        var start = span.Start;
        var words = 0;
        var lastSpace = -1;
        for (var i = span.Start; i < span.End; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (space)
                lastSpace = i;
            else if (i == start || char.IsWhiteSpace(text[i - 1]))
                words++;
            var cut = -1;
            if (!space && words > MaxWords)
                cut = i;
            else if (i - start >= MaxChars)
                cut = lastSpace > start ? lastSpace : (char.IsLowSurrogate(text[i]) ? i - 1 : i);
            if (cut < 0)
                continue;
            var piece = Trim(text, new TextSpan(start, cut));
            if (!piece.IsEmpty)
                yield return piece;
            start = cut;
            i = cut;
            words = space || cut == lastSpace ? 0 : 1;
            lastSpace = -1;
        }
        var last = Trim(text, new TextSpan(start, span.End));
        if (!last.IsEmpty)
            yield return last;
    }

    private static IEnumerable<(TextSpan Span, SentenceKind Kind)> SplitUncapped(string text)
    {
        foreach (var block in Blocks(text))
        {
            var blockText = block.Slice(text);
            if (IsStackOfHeadings(blockText))
            {
                // "Title\nSubtitle": every line is a heading of its own.
                var at = block.Start;
                foreach (var line in blockText.Split('\n'))
                {
                    var span = Trim(text, new TextSpan(at, at + line.Length));
                    if (!span.IsEmpty)
                        yield return (span, SentenceKind.Heading);
                    at += line.Length + 1;
                }
                continue;
            }
            var kind = KindOf(blockText);
            if (kind != SentenceKind.Body)
            {
                yield return (Trim(text, block), kind);
                continue;
            }
            foreach (var span in SplitBlock(text, block))
                yield return (span, kind);
        }
    }

    private static SentenceKind KindOf(string block)
    {
        var trimmed = block.Trim();
        if (CaptionPrefix().IsMatch(trimmed))
            return SentenceKind.Caption;
        // A short paragraph ending in a date (and perhaps a credit) is a photo caption.
        if (trimmed.Length <= 400 && CaptionEnding().IsMatch(trimmed))
            return SentenceKind.Caption;
        if (!trimmed.Contains('\n', StringComparison.Ordinal) && trimmed.Length <= 200 && !EndsLikeSentence(trimmed))
            return SentenceKind.Heading;
        return SentenceKind.Body;
    }

    private static bool IsStackOfHeadings(string block)
    {
        var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && lines.Length <= 4
            && lines.All(l => l.Length <= 100 && !EndsLikeSentence(l) && char.IsUpper(l[0]) && !CaptionEnding().IsMatch(l));
    }

    private static bool EndsLikeSentence(string text)
    {
        var end = text.TrimEnd('"', '\'', '\u201D', '\u2019', ')', ']', ' ');
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or ':' or ';';
    }

    /// <summary>Paragraph spans: text between blank lines; an indented line or a one-line heading starts its own.</summary>
    private static IEnumerable<TextSpan> Blocks(string text)
    {
        var lines = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add(new TextSpan(start, i));
                start = i + 1;
            }
        }
        var blockStart = -1;
        var blockEnd = -1;
        var previousShort = false;
        foreach (var line in lines)
        {
            var content = line.Slice(text);
            var blank = string.IsNullOrWhiteSpace(content);
            var indented = content.Length > 0 && (content[0] == '\t' || content.StartsWith("  ", StringComparison.Ordinal)) && !blank;
            // A lone short line without closing punctuation (a heading or date line) ends the paragraph before it.
            var shortLine = !blank && content.Trim().Length <= 60 && !EndsLikeSentence(content.Trim());
            if (blank || (indented && blockStart >= 0) || (blockStart >= 0 && (shortLine || previousShort) && IsAllCapsOrDateLine(content, previousShort)))
            {
                if (blockStart >= 0)
                    yield return new TextSpan(blockStart, blockEnd);
                blockStart = -1;
            }
            if (!blank)
            {
                if (blockStart < 0)
                    blockStart = line.Start;
                blockEnd = line.End;
            }
            previousShort = shortLine && IsAllCapsOrDateLine(content, false);
        }
        if (blockStart >= 0)
            yield return new TextSpan(blockStart, blockEnd);
    }

    private static bool IsAllCapsOrDateLine(string line, bool previousWasHeading) =>
        previousWasHeading || AllCaps().IsMatch(line.Trim()) || DateLine().IsMatch(line.Trim());

    private static IEnumerable<TextSpan> SplitBlock(string text, TextSpan block)
    {
        var start = block.Start;
        var cuts = new List<int>();
        for (var i = block.Start; i < block.End; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
                continue;
            var end = i + 1;
            while (end < block.End && text[end] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
                end++;
            // Whitespace must follow, then something that can start a sentence.
            var next = end;
            while (next < block.End && char.IsWhiteSpace(text[next]))
                next++;
            if (next == end || next >= block.End)
                continue;
            var first = text[next];
            if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '\u201C' or '\'' or '\u2018' or '('))
                continue;
            if (c == '.' && !IsSentenceEndingPeriod(text, block.Start, i, next))
                continue;
            // "… 2004. (OSCE/Name)": a credit in parentheses at the end of a paragraph belongs to its sentence.
            if (first == '(' && IsTrailingParenthetical(text, next, block.End))
                continue;
            cuts.Add(end);
            i = end - 1;
        }
        foreach (var cut in cuts)
        {
            var span = Trim(text, new TextSpan(start, cut));
            if (!span.IsEmpty)
                yield return span;
            start = cut;
        }
        var last = Trim(text, new TextSpan(start, block.End));
        if (!last.IsEmpty)
            yield return last;
    }

    private static bool IsSentenceEndingPeriod(string text, int blockStart, int period, int next)
    {
        // The word before the period, with inner periods ("U.S", "e.g").
        var w = period;
        while (w > blockStart && (char.IsLetterOrDigit(text[w - 1]) || (text[w - 1] == '.' && w - 2 >= blockStart && char.IsLetter(text[w - 2]))))
            w--;
        var word = text[w..period];
        if (word.Length == 0)
            return true;
        var nextWord = NextWord(text, next);
        if (FinalAbbreviations.Contains(word))
            return SentenceStarters.Contains(nextWord);
        if (Abbreviations.Contains(word))
            return false;
        // An initial ("J. Smith") or a single capital with periods.
        if (word.Length == 1 && char.IsUpper(word[0]))
            return false;
        return true;
    }

    private static string NextWord(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return text[at..end];
    }

    private static bool IsTrailingParenthetical(string text, int open, int blockEnd)
    {
        // A credit is short and ends its paragraph: look no further than that, so a paragraph of many '. (' stays linear.
        const int longestCredit = 200;
        if (blockEnd - open > longestCredit)
            return false;
        var close = text.IndexOf(')', open, blockEnd - open);
        return close >= 0 && text.AsSpan(close + 1, blockEnd - close - 1).Trim().Trim('.').IsWhiteSpace();
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var s = span.Start;
        var e = span.End;
        while (s < e && char.IsWhiteSpace(text[s]))
            s++;
        while (e > s && char.IsWhiteSpace(text[e - 1]))
            e--;
        return new TextSpan(s, e);
    }

    [GeneratedRegex(@"^(Photo|Picture|Image|Caption|Pictured|Photograph)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionPrefix();

    // The date follows a comma, a full stop or a line break ("…in Almaty, 15 September 2004"), not a preposition
    // ("…condemned Russia on 9 August 2008." ends a sentence of prose).
    [GeneratedRegex(@"(?:^|[,.;:\n]\s*)(\b(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(tember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\.?\s+\d{1,2},\s+\d{4}|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\.?\s*(\([^()]*\))?\.?\s*$")]
    private static partial Regex CaptionEnding();

    [GeneratedRegex(@"^[^a-z]*[A-Z]{3}[^a-z]*$")]
    private static partial Regex AllCaps();

    [GeneratedRegex(@"^(\d{1,2}-[A-Z]{3}-\d{4}.*|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})$")]
    private static partial Regex DateLine();
}

/// <summary>Adds the sentence splitter to a pipeline.</summary>
public static class SentenceSplitterExtensions
{
    public static PipelineBuilder UseSentences(this PipelineBuilder builder) => builder.Replace(new SentenceSplitter());
}
