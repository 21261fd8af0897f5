using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Dyad.Documents.Readers;

/// <summary>The main text of an HTML page: scripts, styles and navigation dropped, blocks separated by blank lines.</summary>
public static class HtmlText
{
    private static readonly string[] Dropped =
        ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "template", "menu"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "figcaption", "figure", "table", "tr", "td", "th", "pre", "br", "hr", "dd", "dt", "title", "caption",
    };

    public static string Extract(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var name in Dropped)
        {
            foreach (var element in document.QuerySelectorAll(name).ToList())
                element.Remove();
        }
        foreach (var element in document.QuerySelectorAll("[role=navigation],[role=banner],[role=contentinfo],[aria-hidden=true]").ToList())
            element.Remove();
        var root = (IElement?)document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.Body;
        var text = new StringBuilder();
        var title = document.Title?.Trim();
        if (!string.IsNullOrEmpty(title) && root is not null && !root.TextContent.Contains(title, StringComparison.Ordinal))
            text.Append(title).Append("\n\n");
        if (root is not null)
            Walk(root, text);
        return Tidy(text.ToString());
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement e)
            {
                var block = Blocks.Contains(e.LocalName);
                if (block)
                    text.Append("\n\n");
                Walk(e, text);
                if (block)
                    text.Append("\n\n");
            }
        }
    }

    /// <summary>Folds runs of spaces inside lines and runs of blank lines, so paragraphs read as in the page.</summary>
    private static string Tidy(string raw)
    {
        var lines = raw.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)));
        var text = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (text.Length > 0)
                text.Append(blank > 0 ? "\n\n" : " ");
            text.Append(line);
            blank = 0;
        }
        return text.ToString();
    }
}
