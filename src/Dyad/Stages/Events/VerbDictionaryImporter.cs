using System.Globalization;
using Dyad.Coding;

namespace Dyad.Stages.Events;

/// <summary>
/// Reads a PETRARCH-2 / TABARI verb dictionary (synsets <c>&amp;NAME</c> with <c>+phrase</c> lines; blocks
/// <c>--- NAME [code] ---</c> of verbs with optional <c>{irregular forms}</c> and <c>[code]</c>; compound verbs
/// <c>+SET_UP</c>; patterns <c>- PRE * POST [code]</c> where <c>*</c> is the verb, <c>{…}</c> a noun phrase whose
/// last word is the head, <c>(PREP …)</c> a prepositional phrase, <c>+</c> the target and <c>$</c> the source)
/// and turns it into rows of Dyad's pattern format (see docs/patterns.md).
/// </summary>
/// <remarks>
/// Dyad has no parse here, so a dictionary pattern becomes a verb pattern whose "needs" is the head noun of its
/// object (any word of a synset), whose prepositions are those of the phrases holding the target, and whose
/// frame is the one Dyad's own patterns use for the same code. Paired codes (<c>[042:043]</c>) keep their first
/// code; patterns coding nothing (<c>[---]</c>, <c>[:173]</c>), negated ones and compound verbs with words before
/// the verb are left out and counted in <see cref="VerbImport.Skipped"/>.
/// </remarks>
public static class VerbDictionaryImporter
{
    /// <summary>Reads a dictionary into pattern rows (cells of the pattern TSV format).</summary>
    public static VerbImport Read(TextReader reader, string name, Func<EventCode, string>? frameOf = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        frameOf ??= _ => "dir";
        var state = new ReadState(name, frameOf);
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            state.Line(raw, number);
        }
        state.EndBlock();
        return new VerbImport(state.Rows, state.Problems, state.Skipped);
    }

    /// <summary>Writes rows as pattern TSV, one per line.</summary>
    public static void WriteTsv(IEnumerable<string[]> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var row in rows)
            writer.WriteLine(string.Join('\t', row));
    }

    /// <summary>The frame name of a frame, as written in pattern files.</summary>
    public static string FrameName(PatternFrame frame) => frame switch
    {
        PatternFrame.Symmetric => "sym",
        PatternFrame.Visit => "visit",
        PatternFrame.Host => "host",
        PatternFrame.Mediate => "mediate",
        PatternFrame.Domestic => "dom",
        PatternFrame.Receive => "recv",
        _ => "dir",
    };

    /// <summary>The frame Dyad's own patterns most often give this code (else that of its root; else directed).</summary>
    public static Func<EventCode, string> FramesOf(PatternTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var byCode = table.Patterns.Where(p => p.Kind != PatternKind.Report).GroupBy(p => p.Code.Value)
            .ToDictionary(g => g.Key, g => FrameName(g.GroupBy(p => p.Frame).OrderByDescending(f => f.Count()).First().Key), StringComparer.Ordinal);
        var byRoot = table.Patterns.Where(p => p.Kind != PatternKind.Report).GroupBy(p => p.Code.Root)
            .ToDictionary(g => g.Key, g => FrameName(g.GroupBy(p => p.Frame).OrderByDescending(f => f.Count()).First().Key), StringComparer.Ordinal);
        return code => byCode.GetValueOrDefault(code.Value) ?? byRoot.GetValueOrDefault(code.Root) ?? "dir";
    }

    private sealed class ReadState(string name, Func<EventCode, string> frameOf)
    {
        private readonly Dictionary<string, List<string>> _synsets = new(StringComparer.Ordinal);
        private readonly List<(string[] Forms, string Particle, string? Code)> _verbs = [];
        private readonly List<(string Pattern, int Number)> _patterns = [];
        private string? _synset;
        private bool _synsetPlurals;
        private string _block = string.Empty;
        private string? _blockCode;
        private int _blockLine;

        public List<string[]> Rows { get; } = [];

        public List<string> Problems { get; } = [];

        public int Skipped { get; set; }

        public void Line(string raw, int number)
        {
            var line = StripComment(raw).TrimEnd();
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
                return;
            if (trimmed.StartsWith("---", StringComparison.Ordinal))
            {
                EndBlock();
                _synset = null;
                var parts = trimmed.Trim('-').Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                _block = parts.Length > 0 ? parts[0].ToLowerInvariant() : "block";
                _blockCode = parts.Length > 1 ? Code(parts[1]) : null;
                _blockLine = number;
                return;
            }
            if (trimmed.StartsWith('~') || trimmed.StartsWith('<'))
                return;
            if (trimmed.StartsWith('&'))
            {
                EndBlock();
                _synset = trimmed.Split(' ')[0];
                _synsetPlurals = !_synset.EndsWith('_');
                _synsets[_synset.TrimEnd('_')] = [];
                return;
            }
            if (_synset is not null && trimmed.StartsWith('+'))
            {
                var phrase = trimmed[1..].Trim();
                var words = phrase.TrimEnd('_').Replace('_', ' ').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                    return;
                // A phrase is matched by its last word, the head of what it names.
                var head = words[^1];
                var list = _synsets[_synset.TrimEnd('_')];
                list.Add(head);
                if (_synsetPlurals && !phrase.EndsWith('_'))
                    list.AddRange(PatternTable.NounForms(head).Skip(1));
                return;
            }
            if (trimmed.StartsWith('-'))
            {
                _patterns.Add((trimmed[1..], number));
                return;
            }
            if (_block.Length == 0)
            {
                Problems.Add($"{name}:{number}: a verb outside any '--- NAME [code] ---' block");
                return;
            }
            Verb(trimmed, number);
        }

        private void Verb(string text, int number)
        {
            string? code = null;
            var open = text.IndexOf('[', StringComparison.Ordinal);
            if (open >= 0)
            {
                var close = text.IndexOf(']', open);
                code = Code(close > open ? text[(open + 1)..close] : text[(open + 1)..]);
                text = text[..open];
            }
            string[] listed = [];
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                listed = text[(brace + 1)..].Replace("}", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                text = text[..brace];
            }
            var main = text.Trim();
            if (main.Length == 0 || main.Contains(' ', StringComparison.Ordinal))
            {
                Problems.Add($"{name}:{number}: '{text.Trim()}' is not a verb");
                return;
            }
            if (!TrySplitCompound(main, out var verb, out var particle))
            {
                // "RE_+ARREST": a word before the verb cannot be expressed as a Dyad phrase, whose first word is the verb.
                Skipped++;
                return;
            }
            var forms = new List<string>();
            if (listed.Length > 0)
            {
                forms.Add(verb);
                foreach (var form in listed)
                {
                    if (TrySplitCompound(form, out var v, out _))
                        forms.Add(v);
                }
            }
            else
            {
                forms.AddRange(PatternTable.VerbForms(verb));
            }
            _verbs.Add(([.. forms.Distinct(StringComparer.Ordinal)], particle, code));
        }

        public void EndBlock()
        {
            if (_verbs.Count > 0)
            {
                var rows = new List<(string[] Row, bool PrepOnly)>();
                var simple = _verbs.Where(v => v.Particle.Length == 0).SelectMany(v => v.Forms).Distinct(StringComparer.Ordinal).ToArray();
                foreach (var (pattern, number) in _patterns)
                {
                    if (!TryPattern(pattern, number, out var code, out var needs, out var preps))
                        continue;
                    var id = $"{_block}.{number.ToString(CultureInfo.InvariantCulture)}";
                    if (simple.Length > 0)
                        rows.Add((Row(id, string.Join('/', simple), code, needs, preps, pattern.Trim()), needs.Length == 0));
                    foreach (var (forms, particle, _) in _verbs.Where(v => v.Particle.Length > 0))
                        rows.Add((Row($"{id}.{forms[0]}-{particle.Replace(' ', '-')}", string.Join('/', forms) + " " + particle, code, needs, preps, pattern.Trim()), needs.Length == 0));
                }
                // Patterns with an object noun first, then those that only name a preposition, then the bare verbs:
                // the coder takes the first pattern of a word that fits.
                Rows.AddRange(rows.Where(r => !r.PrepOnly).Select(r => r.Row));
                Rows.AddRange(rows.Where(r => r.PrepOnly).Select(r => r.Row));
                foreach (var (forms, particle, own) in _verbs)
                {
                    var code = own ?? _blockCode;
                    if (code is null || !EventCode.TryParse(code, out var parsed))
                        continue;
                    var frame = frameOf(parsed);
                    Rows.Add([$"{_block}.{_blockLine.ToString(CultureInfo.InvariantCulture)}.{forms[0]}{(particle.Length > 0 ? "-" + particle.Replace(' ', '-') : string.Empty)}", "V",
                        particle.Length > 0 ? string.Join('/', forms) + " " + particle : string.Join('/', forms), parsed.Value, frame, frame == "sym" ? "0|with" : "0", "", "", $"{name}: {forms[0].ToUpperInvariant()}"]);
                }
            }
            _verbs.Clear();
            _patterns.Clear();
            _block = string.Empty;
            _blockCode = null;
        }

        private string[] Row(string id, string phrase, EventCode code, string needs, string preps, string source)
        {
            var frame = frameOf(code);
            if (preps.Length == 0)
                preps = frame == "sym" ? "0|with" : "0";
            // A pattern that names only the preposition of its target needs that preposition after the verb.
            var need = needs.Length > 0 ? needs : string.Join('|', preps.Split('|').Where(p => p != "0"));
            return [id, "V", phrase, code.Value, frame, preps, need, string.Empty, $"{name}: {source}"];
        }

        /// <summary>One pattern: its code, the words its object needs, and the prepositions of its target.</summary>
        private bool TryPattern(string pattern, int number, out EventCode code, out string needs, out string preps)
        {
            code = default;
            needs = preps = string.Empty;
            var open = pattern.LastIndexOf('[');
            var close = pattern.LastIndexOf(']');
            var star = pattern.IndexOf('*', StringComparison.Ordinal);
            if (open < 0 || close < open || star < 0 || star > open)
            {
                Problems.Add($"{name}:{number}: a pattern needs '*' for the verb and a [code]");
                return false;
            }
            var codeText = Code(pattern[(open + 1)..close]);
            if (codeText is null || !EventCode.TryParse(codeText, out code))
            {
                Skipped++;
                return false;
            }
            var pre = Words(pattern[..star]);
            var post = Words(pattern[(star + 1)..open]);
            if (pre.Any(w => w is "NOT" or "NEVER" or "NO") || post.Any(w => w is "NOT" or "NEVER"))
            {
                Skipped++;
                return false;
            }
            var needWords = new List<string>();
            var prepList = new List<string>();
            var inPrep = false;
            var inPhrase = false;
            string? prep = null;
            var prepHasNoun = false;
            var prepHasTarget = false;
            var directTarget = false;
            foreach (var token in post)
            {
                var w = token;
                if (w.StartsWith('('))
                {
                    inPrep = true;
                    prep = null;
                    prepHasNoun = prepHasTarget = false;
                }
                var closesPrep = w.EndsWith(')');
                w = w.Trim('(', ')');
                // In "{ARMS SHIPMENT}" only the last word, the head, counts.
                if (w.StartsWith('{'))
                    inPhrase = true;
                var closesPhrase = w.EndsWith('}');
                var modifier = inPhrase && !closesPhrase;
                if (closesPhrase)
                    inPhrase = false;
                w = w.Trim('{', '}');
                if (inPrep && prep is null && w.Length > 0 && w is not "+" and not "$")
                {
                    prep = w.ToLowerInvariant();
                }
                else if (w == "+")
                {
                    if (inPrep)
                        prepHasTarget = true;
                    else
                        directTarget = true;
                }
                else if (w.Length > 0 && w is not "$" and not "^" and not "%" && !modifier)
                {
                    prepHasNoun |= inPrep;
                    // The first noun after the verb (or, without one, in a prepositional phrase) is what the pattern needs.
                    // PETRARCH ignores a pattern whose synset is not defined; so does Dyad.
                    if (needWords.Count == 0 && !Expand(w, needWords))
                    {
                        Skipped++;
                        return false;
                    }
                }
                if (closesPrep && inPrep)
                {
                    if (prep is not null && (prepHasTarget || !prepHasNoun))
                        prepList.Add(prep);
                    inPrep = false;
                }
            }
            if (directTarget)
                prepList.Insert(0, "0");
            needs = string.Join('|', needWords.Distinct(StringComparer.Ordinal));
            preps = string.Join('|', prepList.Distinct(StringComparer.Ordinal));
            if (needs.Length == 0 && prepList.All(p => p == "0"))
            {
                // Only words before the verb ("- $ TROOP * TOWARD +") or nothing at all: no condition Dyad can check.
                Skipped++;
                return false;
            }
            return true;
        }

        /// <summary>Adds a word (lower case, with its plural) or the words of a synset.</summary>
        private bool Expand(string word, List<string> into)
        {
            if (word.StartsWith('&'))
            {
                if (!_synsets.TryGetValue(word.TrimEnd('_'), out var members))
                    return false;
                into.AddRange(members);
                return true;
            }
            var lower = word.TrimEnd('_').Replace('_', ' ').ToLowerInvariant();
            var head = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (head is null)
                return true;
            into.AddRange(word.EndsWith('_') ? [head] : PatternTable.NounForms(head));
            return true;
        }

        private static string[] Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

        /// <summary>"+SET_UP" is the verb "set" with the particle "up"; "ASK" is just the verb.</summary>
        private static bool TrySplitCompound(string text, out string verb, out string particle)
        {
            var words = text.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
            verb = particle = string.Empty;
            if (words.Length == 0)
                return false;
            var marked = Array.FindIndex(words, w => w.StartsWith('+'));
            if (marked > 0)
                return false;
            verb = words[0].TrimStart('+');
            particle = string.Join(' ', words[1..]);
            return verb.Length > 0;
        }

        private static string? Code(string text)
        {
            var code = text.Trim().Trim('[', ']').Split(':')[0].Trim();
            return code.Length == 0 || code.StartsWith('-') ? null : code;
        }

        private static string StripComment(string line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var semi = line.IndexOf(';', StringComparison.Ordinal);
            var cut = hash < 0 ? semi : semi < 0 ? hash : Math.Min(hash, semi);
            return cut < 0 ? line : line[..cut];
        }
    }
}

/// <summary>The rows read from a verb dictionary, the problems found and how many entries Dyad cannot express.</summary>
public sealed record VerbImport(IReadOnlyList<string[]> Rows, IReadOnlyList<string> Problems, int Skipped);
