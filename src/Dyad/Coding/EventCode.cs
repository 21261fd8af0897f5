using System.Diagnostics.CodeAnalysis;

namespace Dyad.Coding;

/// <summary>A CAMEO event code: three or four digits whose first two are the root (01–20).</summary>
public readonly record struct EventCode
{
    private EventCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit CAMEO root ("05"): one shared string per root, not a new one on every call.</summary>
    public string Root => Value is { Length: >= 2 } v && v[0] is >= '0' and <= '2' && char.IsAsciiDigit(v[1]) && (v[0] - '0') * 10 + (v[1] - '0') is var n && n < Roots.Length
        ? Roots[n]
        : Value[..2];

    private static readonly string[] Roots = [.. Enumerable.Range(0, 30).Select(n => n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))];

    public int RootNumber => int.Parse(Root, System.Globalization.CultureInfo.InvariantCulture);

    public static EventCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"not a CAMEO code: '{text}'");

    public static bool TryParse([NotNullWhen(true)] string? text, out EventCode code)
    {
        code = default;
        if (text is null)
            return false;
        text = text.Trim();
        if (text.Length is < 2 or > 4 || !text.All(char.IsAsciiDigit))
            return false;
        var root = int.Parse(text.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        if (root is < 1 or > 20)
            return false;
        code = new EventCode(text);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
