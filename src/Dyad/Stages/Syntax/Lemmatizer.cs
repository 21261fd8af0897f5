namespace Dyad.Stages.Syntax;

/// <summary>
/// Lemmas from the treebank: a table keyed by (lowercased form, XPOS), then suffix rules learned from the treebank's
/// word types ("-ies" → "-y" for NNS) for forms the table lacks. Proper nouns keep their case; other lemmas are lowercase.
/// </summary>
internal sealed class Lemmatizer
{
    private const int MaxSuffix = 5;

    private readonly Dictionary<string, string> _table;
    private readonly Dictionary<string, (int Strip, string Add)> _rules;

    public Lemmatizer(Dictionary<string, string> table, Dictionary<string, (int Strip, string Add)> rules)
    {
        _table = table;
        _rules = rules;
    }

    public int TableSize => _table.Count;

    public int RuleCount => _rules.Count;

    public string Lemma(string form, string xpos)
    {
        var lower = form.ToLowerInvariant();
        if (_table.TryGetValue(lower + "\t" + xpos, out var known))
            return known;
        if (xpos is "NNP" or "NNPS" && form.Length > 0 && char.IsUpper(form[0]))
            return xpos == "NNPS" && Rule(lower, xpos) is { } p && p.Length < lower.Length ? form[..p.Length] : form;
        return Rule(lower, xpos) ?? lower;
    }

    private string? Rule(string lower, string xpos)
    {
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (_rules.TryGetValue(xpos + "\t" + lower[(lower.Length - k)..], out var rule) && rule.Strip <= lower.Length)
                return lower[..(lower.Length - rule.Strip)] + rule.Add;
        }
        return null;
    }

    /// <summary>Learns the table and rules from gold words (form, XPOS, lemma).</summary>
    public static Lemmatizer Learn(IEnumerable<(string Form, string Xpos, string Lemma)> words)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>();
        foreach (var (form, xpos, lemma) in words)
        {
            if (lemma is "_" or "")
                continue;
            var key = form.ToLowerInvariant() + "\t" + xpos;
            if (!counts.TryGetValue(key, out var byLemma))
                counts[key] = byLemma = [];
            byLemma[lemma] = byLemma.GetValueOrDefault(lemma) + 1;
        }
        var table = new Dictionary<string, string>();
        // Rules count word types, not tokens, so frequent irregular words don't outvote the regular pattern.
        var ruleCounts = new Dictionary<string, Dictionary<(int, string), int>>();
        foreach (var (key, byLemma) in counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var lemma = byLemma.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;
            table[key] = lemma;
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var lower = key[..tab];
            var xpos = key[(tab + 1)..];
            var lowLemma = lemma.ToLowerInvariant();
            var common = 0;
            while (common < lower.Length && common < lowLemma.Length && lower[common] == lowLemma[common])
                common++;
            var rule = (lower.Length - common, lowLemma[common..]);
            for (var k = rule.Item1; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var rk = xpos + "\t" + lower[(lower.Length - k)..];
                if (!ruleCounts.TryGetValue(rk, out var byRule))
                    ruleCounts[rk] = byRule = [];
                byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
            }
        }
        var rules = new Dictionary<string, (int, string)>();
        foreach (var (key, byRule) in ruleCounts)
            rules[key] = byRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Item1).ThenBy(r => r.Key.Item2, StringComparer.Ordinal).First().Key;
        return new Lemmatizer(table, rules);
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_table.Count);
        foreach (var (k, v) in _table.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            w.Write(k);
            w.Write(v);
        }
        w.Write(_rules.Count);
        foreach (var (k, v) in _rules.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            w.Write(k);
            w.Write7BitEncodedInt(v.Strip);
            w.Write(v.Add);
        }
    }

    public static Lemmatizer Read(BinaryReader r)
    {
        var n = r.ReadInt32();
        var table = new Dictionary<string, string>(n);
        for (var i = 0; i < n; i++)
            table[r.ReadString()] = r.ReadString();
        n = r.ReadInt32();
        var rules = new Dictionary<string, (int, string)>(n);
        for (var i = 0; i < n; i++)
            rules[r.ReadString()] = (r.Read7BitEncodedInt(), r.ReadString());
        return new Lemmatizer(table, rules);
    }
}
