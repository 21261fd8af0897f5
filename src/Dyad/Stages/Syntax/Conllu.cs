using System.Text;

namespace Dyad.Stages.Syntax;

/// <summary>One CoNLL-U word line (the ten columns, as text).</summary>
public sealed record ConlluWord(string Id, string Form, string Lemma, string Upos, string Xpos, string Feats, string Head, string Deprel, string Deps, string Misc)
{
    /// <summary>True for a syntactic word (integer id), false for a multiword-token range ("3-4") or an empty node ("5.1").</summary>
    public bool IsWord => Id.Length > 0 && Id.All(char.IsAsciiDigit);
}

/// <summary>A CoNLL-U sentence: its comment lines and its lines in order (words, multiword-token ranges, empty nodes).</summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = [];

    public List<ConlluWord> Lines { get; } = [];

    /// <summary>The syntactic words only.</summary>
    public IEnumerable<ConlluWord> Words => Lines.Where(l => l.IsWord);

    /// <summary>The value of a "# key = value" comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            var eq = c.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && c.AsSpan(1, eq - 1).Trim().SequenceEqual(key))
                return c[(eq + 1)..].Trim();
        }
        return null;
    }
}

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    public const string NotTenColumns = "a word line without 10 tab-separated columns";

    /// <summary>Reads sentences; throws <see cref="FormatException"/> naming the line for a malformed word line.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        var sentence = new ConlluSentence();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line.AsSpan().IsWhiteSpace())
            {
                if (sentence.Lines.Count > 0 || sentence.Comments.Count > 0)
                    yield return sentence;
                sentence = new ConlluSentence();
            }
            else if (line[0] == '#')
            {
                if (sentence.Lines.Count > 0)
                {
                    yield return sentence;
                    sentence = new ConlluSentence();
                }
                sentence.Comments.Add(line);
            }
            else
            {
                var c = line.Split('\t');
                if (c.Length != 10)
                    throw new FormatException($"line {lineNo}: {NotTenColumns}");
                sentence.Lines.Add(new ConlluWord(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));
            }
        }
        if (sentence.Lines.Count > 0 || sentence.Comments.Count > 0)
            yield return sentence;
    }

    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return [.. Read(reader)];
    }

    /// <summary>Writes one sentence and the blank line that ends it.</summary>
    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        foreach (var c in sentence.Comments)
            writer.Write(c + "\n");
        foreach (var w in sentence.Lines)
            writer.Write($"{w.Id}\t{w.Form}\t{w.Lemma}\t{w.Upos}\t{w.Xpos}\t{w.Feats}\t{w.Head}\t{w.Deprel}\t{w.Deps}\t{w.Misc}\n");
        writer.Write('\n');
    }

    /// <summary>The sentence's words as a gold tree (heads and relations read from the columns; "_" heads become 0).</summary>
    public static ParsedSentence ToParsed(ConlluSentence sentence)
    {
        var words = new List<SyntaxWord>();
        foreach (var w in sentence.Words)
        {
            var head = int.TryParse(w.Head, out var h) ? h : 0;
            words.Add(new SyntaxWord(words.Count + 1, w.Form, w.Lemma, w.Upos, w.Xpos, head, w.Deprel));
        }
        return new ParsedSentence(words);
    }

    /// <summary>
    /// The sentence with the predicted columns of <paramref name="parsed"/> written into its word lines
    /// (LEMMA, UPOS, XPOS, HEAD, DEPREL); multiword-token lines, comments and the other columns are kept.
    /// </summary>
    public static ConlluSentence WithPrediction(ConlluSentence sentence, ParsedSentence parsed)
    {
        var result = new ConlluSentence();
        result.Comments.AddRange(sentence.Comments);
        var i = 0;
        foreach (var line in sentence.Lines)
        {
            if (line.IsWord && i < parsed.Count)
            {
                var p = parsed.Words[i++];
                result.Lines.Add(line with { Lemma = p.Lemma, Upos = p.Upos, Xpos = p.Xpos, Head = p.Head.ToString(System.Globalization.CultureInfo.InvariantCulture), Deprel = p.Deprel });
            }
            else
            {
                result.Lines.Add(line);
            }
        }
        return result;
    }

    /// <summary>A new CoNLL-U sentence for parsed words, with offsets in MISC as <c>TokenRange=start:end</c>.</summary>
    public static ConlluSentence FromParsed(ParsedSentence parsed, string? sentId, string? text, bool offsets)
    {
        var result = new ConlluSentence();
        if (sentId is not null)
            result.Comments.Add("# sent_id = " + sentId);
        if (text is not null)
            result.Comments.Add("# text = " + text.ReplaceLineEndings(" "));
        foreach (var w in parsed.Words)
        {
            var misc = offsets ? $"TokenRange={w.Span.Start}:{w.Span.End}" : "_";
            result.Lines.Add(new ConlluWord(w.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Clean(w.Form), Clean(w.Lemma), w.Upos, w.Xpos, "_",
                w.Head.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Deprel, "_", misc));
        }
        return result;
    }

    // A form never holds a tab or a line break in CoNLL-U.
    private static string Clean(string s) => s.Length == 0 ? "_" : s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? s : s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
