using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Story;

/// <summary>
/// Short names a document introduces for its actors: an acronym in parentheses after a name ("International Court
/// of Justice (ICJ)", "Biafra Nations Youth League (BNYL)") and the surname of a person named in full with a title
/// or country ("Saudi Oil Minister Hisham Nazer" … "Nazer said"). Later uses refer to the full name's actor.
/// </summary>
internal sealed class NameReferences
{
    private readonly Dictionary<string, ActorMention> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorMention> _surnames = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "and", "de", "on", "in", "&" };

    /// <summary>True once the document has introduced an acronym or a surname.</summary>
    public bool Any => _acronyms.Count + _surnames.Count > 0;

    /// <summary>Reads the names a sentence introduces (before its references are resolved).</summary>
    public void Introduce(Sentence sentence, List<ActorMention> own, ReferenceResolver.State state)
    {
        var tokens = sentence.Tokens;
        // Few sentences have parentheses.
        for (var k = sentence.Text.Contains('(', StringComparison.Ordinal) ? 1 : tokens.Count; k + 2 < tokens.Count; k++)
        {
            if (tokens[k].Text != "(" || tokens[k + 2].Text != ")" || !IsAcronym(tokens[k + 1].Text))
                continue;
            var acronym = tokens[k + 1].Text;
            var named = own.LastOrDefault(m => m.Role == MentionRole.Actor && !ReferenceResolver.Weak(m) && m.Span.End <= tokens[k].Span.Start
                && tokens[k].Span.Start - m.Span.End <= 1);
            if (named is not null)
            {
                _acronyms[acronym] = named;
                continue;
            }
            if (NewOrganization(sentence, own, k, acronym, state) is { } created)
                _acronyms[acronym] = created;
        }
        foreach (var m in own)
        {
            // A person of no known state ("President Sein" where the office's country is not said) names no one new.
            if (m.Role != MentionRole.Actor || m.Code.Head == "---" || !(m.Kind == "person" || m.Rule.Contains("+name", StringComparison.Ordinal)))
                continue;
            var count = 0;
            string? last = null;
            for (var k = 0; k < tokens.Count; k++)
            {
                var t = tokens[k];
                if (t.Span.Start >= m.Span.End)
                    break;
                if (m.Span.Contains(t.Span) && t.IsWord && t.IsCapitalized)
                {
                    count++;
                    last = t.Text;
                }
            }
            if (count >= 2 && last!.Length > 2)
                _surnames[last] = m;
        }
    }

    /// <summary>"Biafra Nations Youth League (BNYL)": a name the dictionary does not know, ending in an organization word.</summary>
    private static ActorMention? NewOrganization(Sentence sentence, List<ActorMention> own, int paren, string acronym, ReferenceResolver.State state)
    {
        var tokens = sentence.Tokens;
        var start = paren;
        while (start > 0 && tokens[start - 1].IsWord && (tokens[start - 1].IsCapitalized || Connectors.Contains(tokens[start - 1].Text)))
            start--;
        while (start < paren && !tokens[start].IsCapitalized)
            start++;
        if (paren - start < 2 || !StoryLexicon.Default.AcronymHeads.Contains(tokens[paren - 1].Text) || !ActorCode.TryParse(acronym, out var code))
            return null;
        var span = new TextSpan(tokens[start].Span.Start, tokens[paren - 1].Span.End);
        // A state's name inside an organization's ("Southern Cameroons Peoples Organisation") is part of the name.
        foreach (var m in own.Where(m => span.Contains(m.Span)))
            state.Removed.Add(m);
        var text = span.Slice(state.Analysis.Document.Text);
        var created = new ActorMention(sentence.Index, span, text, code, text, MentionRole.Actor, "story:acronym", "story.acronym.introduced", 0.8) { Kind = "organization" };
        state.Added.Add(created);
        if (state.Analysis.Tracing)
            state.Analysis.Trace.Add($"story: sentence {sentence.Index} '{text} ({acronym})' introduces the organization {code}");
        return created;
    }

    /// <summary>A later use of an introduced acronym or surname at token <paramref name="i"/>.</summary>
    public int? TryName(ReferenceResolver.State state, Sentence sentence, List<ActorMention> own, int i)
    {
        var tokens = sentence.Tokens;
        var t = tokens[i];
        if (!t.IsCapitalized || _acronyms.Count + _surnames.Count == 0)
            return null;
        var rule = "story.acronym";
        if (!_acronyms.TryGetValue(t.Text, out var antecedent))
        {
            // "Clinton Foundation": a surname followed by another name is part of that name.
            if (!_surnames.TryGetValue(t.Text, out antecedent) || i + 1 < tokens.Count && tokens[i + 1].IsCapitalized)
                return null;
            rule = "story.surname";
        }
        if (antecedent.Span.Contains(t.Span) || i > 0 && tokens[i - 1].Text == "(" || state.Blocked(sentence.Index, own, t.Span))
            return null;
        state.Replace(sentence.Index, own, t.Span, [antecedent], state.Analysis.Document.Text, rule, [t.Text]);
        return i + 1;
    }

    private static bool IsAcronym(string word) =>
        word.Length is >= 2 and <= 8 && word.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) && char.IsAsciiLetterUpper(word[0]);
}
