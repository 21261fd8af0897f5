using System.Globalization;
using System.Text;

namespace Dyad.Stages.Syntax;

/// <summary>Text views of a parse for people: a table of the words and an indented tree.</summary>
public static class TreeView
{
    /// <summary>One line per word: index, form, lemma, UPOS, XPOS, head (index and form), relation.</summary>
    public static IEnumerable<string> Table(ParsedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var width = Math.Clamp(sentence.Words.Select(w => w.Form.Length).DefaultIfEmpty(4).Max(), 4, 24);
        yield return string.Create(CultureInfo.InvariantCulture, $"{"#",3}  {"word".PadRight(width)}  {"lemma".PadRight(width)}  {"UPOS",-5}  {"XPOS",-5}  {"head",-4} {"".PadRight(width)}  relation");
        foreach (var w in sentence.Words)
        {
            var head = w.Head == 0 ? "(root)" : sentence[w.Head].Form;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{w.Index,3}  {w.Form.PadRight(width)}  {w.Lemma.PadRight(width)}  {w.Upos,-5}  {w.Xpos,-5}  {w.Head,-4} {head.PadRight(width)}  {w.Deprel}");
        }
    }

    /// <summary>The tree from the root down, each word indented under its head: "relation form (UPOS)".</summary>
    public static IEnumerable<string> Tree(ParsedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var children = new List<int>[sentence.Count + 1];
        for (var i = 0; i <= sentence.Count; i++)
            children[i] = [];
        foreach (var w in sentence.Words)
        {
            if (w.Head >= 0 && w.Head <= sentence.Count)
                children[w.Head].Add(w.Index);
        }
        var lines = new List<string>();
        var seen = new bool[sentence.Count + 1];
        // Depth-first with an explicit stack, so a 1,000-word chain cannot overflow the call stack.
        var stack = new Stack<(int Word, int Depth)>();
        foreach (var c in Enumerable.Reverse(children[0]))
            stack.Push((c, 0));
        while (stack.Count > 0)
        {
            var (word, depth) = stack.Pop();
            if (seen[word])
                continue;
            seen[word] = true;
            var w = sentence[word];
            var line = new StringBuilder().Append(' ', 2 * Math.Min(depth, 40)).Append(w.Deprel).Append(' ').Append(w.Form).Append(" (").Append(w.Upos).Append(')');
            lines.Add(line.ToString());
            foreach (var c in Enumerable.Reverse(children[word]))
                stack.Push((c, depth + 1));
        }
        return lines;
    }
}
