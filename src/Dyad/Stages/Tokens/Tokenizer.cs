using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Tokens;

/// <summary>
/// Splits each sentence into words, numbers and punctuation with offsets into the document.
/// Keeps "U.S.", "Kazakhstan's" (as "Kazakhstan" + "'s"), "$1.5", "P5+1", "multi-vector" and "9/11" whole.
/// </summary>
public sealed class Tokenizer : IStage
{
    public string Name => "tokens";

    public void Run(Analysis analysis)
    {
        var text = analysis.Document.Text;
        foreach (var sentence in analysis.Sentences)
            sentence.Tokens = Tokenize(text, sentence.Span);
    }

    public static List<Token> Tokenize(string text, TextSpan span)
    {
        var tokens = new List<Token>();
        var i = span.Start;
        while (i < span.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsLetter(c))
            {
                // Letters, inner apostrophes, hyphens and periods of abbreviations (U.S., e.g.).
                while (i < span.End)
                {
                    var ch = text[i];
                    if (char.IsLetterOrDigit(ch))
                    {
                        i++;
                    }
                    else if ((ch == '-' || ch == '+') && i + 1 < span.End && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i++;
                    }
                    else if (ch == '.' && IsAbbreviationPeriod(text, start, i, span.End))
                    {
                        i++;
                    }
                    else if (ch is '\'' or '\u2019' && i + 1 < span.End && char.IsLetter(text[i + 1]) && !IsPossessive(text, i, span.End))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }
                tokens.Add(new Token(new TextSpan(start, i), text[start..i], TokenKind.Word));
            }
            else if (char.IsDigit(c))
            {
                while (i < span.End && (char.IsDigit(text[i])
                    || (text[i] is '.' or ',' or '/' or ':' && i + 1 < span.End && char.IsDigit(text[i + 1]))
                    || (text[i] == '+' && i + 1 < span.End && char.IsDigit(text[i + 1]))))
                    i++;
                // "1990s", "21st", "5th"
                while (i < span.End && char.IsLetter(text[i]) && i - start < 12)
                    i++;
                tokens.Add(new Token(new TextSpan(start, i), text[start..i], TokenKind.Number));
            }
            else if (c is '\'' or '\u2019' && IsPossessive(text, i, span.End))
            {
                i += 2;
                tokens.Add(new Token(new TextSpan(start, i), text[start..i], TokenKind.Word));
            }
            else
            {
                i++;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(new TextSpan(start, i), text[start..i], kind));
            }
        }
        return tokens;
    }

    private static bool IsPossessive(string text, int apostrophe, int end) =>
        apostrophe + 1 < end && text[apostrophe + 1] is 's' or 'S' && (apostrophe + 2 >= end || !char.IsLetter(text[apostrophe + 2]));

    /// <summary>True for the periods in "U.S." and "e.g.": a single letter before and a letter or end after.</summary>
    private static bool IsAbbreviationPeriod(string text, int wordStart, int period, int end)
    {
        var segmentStart = period;
        while (segmentStart > wordStart && text[segmentStart - 1] != '.')
            segmentStart--;
        if (period - segmentStart != 1)
            return false;
        if (period + 1 < end && char.IsLetter(text[period + 1]) && (period + 2 >= end || text[period + 2] == '.' || !char.IsLetterOrDigit(text[period + 2])))
            return true;
        // The closing period of "U.S." : the word already holds an inner period.
        return text.AsSpan(wordStart, period - wordStart).Contains('.') && (period + 1 >= end || !char.IsLetter(text[period + 1]));
    }
}

public static class TokenizerExtensions
{
    public static PipelineBuilder UseTokens(this PipelineBuilder builder) => builder.Replace(new Tokenizer());
}
