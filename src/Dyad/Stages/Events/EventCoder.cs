using System.Collections.Frozen;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Events;

/// <summary>Settings of the event coder.</summary>
public sealed record EventCoderOptions
{
    /// <summary>The patterns to use; the built-in table by default.</summary>
    public PatternTable Patterns { get; init; } = PatternTable.Default;

    /// <summary>Take a missing partner of a sign, meet or appeal from the sentences before ("He also signed …").</summary>
    public bool UseContext { get; init; } = true;
}

/// <summary>
/// Codes CAMEO events sentence by sentence: finds pattern triggers (verbs, their nominal forms, intents),
/// splits the sentence into clauses, takes the subject of each clause and the objects its frame asks for,
/// drops negated and hypothetical acts, and expands multilateral mentions into pairs.
/// </summary>
public sealed class EventCoder : IStage
{
    private static readonly FrozenSet<string> Negators = PatternTable.Default.Class("negators");

    private static readonly FrozenSet<string> Hypothetical = PatternTable.Default.Class("hypothetical");

    /// <summary>Nouns of intent, plan or attempt: "an intention to release", "a plan to withdraw" name an act not yet done.</summary>
    private static readonly FrozenSet<string> IntentNouns = PatternTable.Default.Class("intent-nouns");

    private static readonly FrozenSet<string> VerbLikeIntentNouns = PatternTable.Default.Class("verb-like-intent-nouns");

    /// <summary>Verbs whose object is an act that did not happen ("prevent negotiated solutions", "block the signing").</summary>
    private static readonly FrozenSet<string> PreventVerbs = PatternTable.Default.Class("prevent-verbs");

    /// <summary>Nouns naming a proposal or request whose content is an act that has not happened.</summary>
    private static readonly FrozenSet<string> ProposalNouns = PatternTable.Default.Class("proposal-nouns");

    /// <summary>CAMEO acts that need no target (declare a ceasefire, withdraw, resign, surrender): coded with an empty
    /// target when the sentence names none.</summary>
    private static readonly FrozenSet<string> IntransitiveCodes = PatternTable.Default.Class("intransitive-codes");

    private static readonly FrozenSet<string> Future = PatternTable.Default.Class("future");

    private static readonly FrozenSet<string> Skippable = PatternTable.Default.Class("skippable");

    private static readonly FrozenSet<string> AttackMeans = PatternTable.Default.Class("attack-means");

    private static readonly FrozenSet<string> NounAdjectives = PatternTable.Default.Class("noun-adjectives");

    private static readonly FrozenSet<string> NumberWords = PatternTable.Default.Class("number-words");

    private static readonly FrozenSet<string> Fronting = PatternTable.Default.Class("fronting");

    private readonly EventCoderOptions _options;

    public EventCoder(EventCoderOptions? options = null) => _options = options ?? new EventCoderOptions();

    public string Name => "events";

    private PatternTable Table => _options.Patterns;

    public void Run(Analysis analysis)
    {
        var discourse = new Discourse();
        var byIndex = analysis.Actors.GroupBy(a => a.Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var views = analysis.SentenceViews = new SentenceView?[analysis.Sentences.Count];
        foreach (var sentence in analysis.Sentences)
        {
            var actors = byIndex.GetValueOrDefault(sentence.Index) ?? [];
            if (sentence.Tokens.Count == 0)
                continue;
            var view = new SentenceView(sentence, actors, analysis.Document.Text, discourse);
            if ((uint)sentence.Index < (uint)views.Length && analysis.Sentences[sentence.Index] == sentence)
                views[sentence.Index] = view;
            var found = new List<Candidate>();
            new SentenceCoder(this, analysis, view, discourse, found).Code();
            var kept = Deduplicate(found);
            foreach (var c in kept)
                (c.Open ? analysis.Incomplete : analysis.Events).Add(c.Mention);
            if (analysis.Tracing)
                TraceSentence(analysis, view, found, kept);
            // Remember what this sentence talked about, for "they", "he", "summit outcomes" in the next ones.
            var lastEvent = kept.LastOrDefault();
            var pairGroup = view.Groups.LastOrDefault(g => g.Actors.Count >= 2);
            if (lastEvent is not null)
                discourse.SetPair(lastEvent.Participants);
            else if (pairGroup is not null)
                discourse.SetPair(pairGroup.Actors);
        }
    }

    /// <summary>One mention per pair and root within a sentence: the most specific reading wins.</summary>
    private static List<Candidate> Deduplicate(List<Candidate> found)
    {
        // Most sentences propose nothing.
        if (found.Count == 0)
            return found;
        var best = new Dictionary<(string, string, string), Candidate>();
        var order = new List<(string, string, string)>();
        foreach (var c in found)
        {
            var a = c.Mention.Source.Code.Head;
            var b = c.Mention.Target.Code.Head;
            var key = (string.CompareOrdinal(a, b) <= 0 ? a : b, string.CompareOrdinal(a, b) <= 0 ? b : a, c.Mention.Code.Root);
            if (!best.TryGetValue(key, out var old))
            {
                best[key] = c;
                order.Add(key);
            }
            else if (c.Priority > old.Priority)
            {
                best[key] = c;
            }
        }
        // A meeting named only as the setting ("at a summit meeting") gives way to what was done there.
        var result = order.Select(k => best[k]).ToList();
        result.RemoveAll(c => c.Setting && result.Any(o => o != c && !o.Setting && SamePair(o, c)));
        return result;
    }

    private static bool SamePair(Candidate x, Candidate y)
    {
        var a = (x.Mention.Source.Code.Head, x.Mention.Target.Code.Head);
        var b = (y.Mention.Source.Code.Head, y.Mention.Target.Code.Head);
        return a == b || a == (b.Item2, b.Item1);
    }

    private static void TraceSentence(Analysis analysis, SentenceView view, List<Candidate> found, List<Candidate> kept)
    {
        var t = analysis.Trace;
        t.Add($"sentence {view.Sentence.Index}: {view.Sentence.Text}");
        t.Add("  tokens: " + string.Join(" ", view.Tokens.Select((tok, i) => $"{tok.Text}/{Tag(view, i)}")));
        foreach (var g in view.Groups)
            t.Add($"  actors [{g.Start}..{g.End}) {string.Join(", ", g.Actors.Select(a => $"{a.Text}={a.Code}"))}{(g.IsReference ? " (reference)" : string.Empty)}");
        foreach (var (index, actor) in view.Locations)
            t.Add($"  location @{index} {actor.Text}={actor.Code.Head}");
        foreach (var time in analysis.TimesIn(view.Sentence.Index))
            t.Add($"  date {time.Text} = {time.Value}");
        foreach (var c in view.Clauses)
            t.Add($"  clause [{c.Start}..{c.End}) {(c.Opener.Length > 0 ? "opened by '" + c.Opener + "'" : "main")}{(c.ReportedBy is { } r ? " reported by " + r : string.Empty)}: {string.Join(" ", view.Words[c.Start..c.End])}");
        foreach (var line in found.SelectMany(c => c.Notes).Distinct())
            t.Add("  " + line);
        foreach (var c in found)
            t.Add($"  {(kept.Contains(c) ? "event" : "dropped")} {c.Mention.Source.Code}->{c.Mention.Target.Code} {c.Mention.Code} rule {c.Mention.Rule}");
    }

    private static string Tag(SentenceView view, int i)
    {
        if (view.GroupAt[i] is not null)
            return "ACT";
        var w = view.Words[i];
        if (SentenceView.Auxiliaries.Contains(w))
            return "AUX";
        if (SentenceView.Prepositions.Contains(w))
            return "P";
        if (SentenceView.Determiners.Contains(w))
            return "D";
        if (view.Tokens[i].Kind == TokenKind.Punctuation)
            return "PUNCT";
        if (view.Tokens[i].Kind == TokenKind.Number)
            return "NUM";
        return w.EndsWith("ed", StringComparison.Ordinal) ? "V?" : w.EndsWith("ing", StringComparison.Ordinal) ? "ING" : "W";
    }

    /// <summary>An event mention the sentence coder proposes, before deduplication.</summary>
    internal sealed class Candidate
    {
        public required EventMention Mention { get; init; }

        public required List<ActorMention> Participants { get; init; }

        public int Priority { get; init; }

        /// <summary>A nominal meeting that only sets the scene ("at a summit meeting").</summary>
        public bool Setting { get; init; }

        /// <summary>The sentence names no partner (or no participant) of the act: the story stage may find it, or drop it.</summary>
        public bool Open { get; init; }

        public List<string> Notes { get; } = [];
    }

    /// <summary>A trigger found in a sentence.</summary>
    /// <summary>A trigger found in a sentence; <paramref name="Extra"/> counts the modifiers inside its phrase.</summary>
    private sealed record Match(int Index, EventPattern Pattern, bool Passive, int Extra = 0)
    {
        public int End => Index + Pattern.Length + Extra;
    }

    /// <summary>Codes one sentence.</summary>
    private sealed class SentenceCoder(EventCoder coder, Analysis analysis, SentenceView view, Discourse discourse, List<Candidate> found)
    {
        private readonly List<string> _notes = [];
        private readonly Dictionary<int, ActorGroup?> _subjects = [];
        private readonly Dictionary<Clause, Match> _reportedVia = [];

        public void Code()
        {
            var matches = FindTriggers();
            // Most sentences have no trigger: nothing below has work to do.
            if (matches.Count == 0)
                return;
            MarkReportedClauses(matches);
            var consumed = new HashSet<int>();
            // "provide emergency food aid to X": a noun of the same kind in the verb's object is the verb's own act.
            foreach (var v in matches.Where(v => v.Pattern.Kind is PatternKind.Verb && v.Pattern.Frame is not PatternFrame.Host and not PatternFrame.Mediate))
            {
                foreach (var n in matches.Where(n => n.Pattern.Kind == PatternKind.Noun && n.Index > v.Index && n.Index <= v.End + 6
                             && n.Pattern.Code.Root == v.Pattern.Code.Root && view.ClauseAt[n.Index] == view.ClauseAt[v.Index]))
                    consumed.Add(n.Index);
            }
            // "blocked roads demanding that …", "will blockade Paris to demand an end to …": a demand voiced by a protest
            // is what the protest is about, not a second event.
            foreach (var d in matches.Where(d => d.Pattern.Code.Root == "10" && d.Pattern.Kind == PatternKind.Verb
                         && (view.Words[d.Index].EndsWith("ing", StringComparison.Ordinal) || d.Index > 0 && view.Words[d.Index - 1] is "to")))
            {
                if (matches.Any(p => p.Index < d.Index && Specific(p.Pattern, p.Index).Root == "14" && d.Index - p.End <= 12))
                    consumed.Add(d.Index);
            }
            // "shelled the city, killing twenty people": the deaths are the outcome of the attack, not a second event.
            foreach (var k in matches.Where(k => k.Pattern.Id is "kill" or "wound" or "injure" && view.Words[k.Index].EndsWith("ing", StringComparison.Ordinal)))
            {
                if (matches.Any(a => a.Index < k.Index && a.Pattern.Id is not ("kill" or "wound" or "injure") && Specific(a.Pattern, a.Index).RootNumber >= 18))
                    consumed.Add(k.Index);
            }
            // "claimed responsibility for an attack on X": the attack is what is claimed.
            foreach (var c in matches.Where(c => c.Pattern.Id is "claim-responsibility"))
            {
                foreach (var n in matches.Where(n => n.Index > c.Index && n.Index <= c.End + 6 && (n.Pattern.Kind == PatternKind.Noun || n.Pattern.Code.RootNumber >= 18)))
                    consumed.Add(n.Index);
            }
            // "rejected a US offer to host a summit", "demanded a meeting of the Council to discuss …": the acts inside what
            // is rejected or demanded did not happen.
            foreach (var r in matches.Where(r => r.Pattern.Code.Root is "12" or "10" && r.Pattern.Kind is PatternKind.Verb))
            {
                var clause = view.ClauseOf(r.Index);
                var head = Enumerable.Range(r.End, Math.Max(0, Math.Min(clause.End, r.End + 6) - r.End)).FirstOrDefault(k => ProposalNouns.Contains(view.Words[k]), -1);
                if (head < 0)
                    continue;
                foreach (var x in matches.Where(x => x.Index >= head && x.Index < Math.Min(clause.End, head + 14) && x.Pattern.Kind != PatternKind.Report))
                    consumed.Add(x.Index);
            }
            // "signed an agreement to increase trade": what the agreement provides for is its content, not a second event.
            foreach (var a in matches.Where(a => a.Pattern.Kind == PatternKind.Verb && a.Pattern.Code.Value is "057" && !a.Passive))
            {
                foreach (var x in InfinitivesAfter(a, matches, 8))
                    consumed.Add(x.Index);
            }
            // "reiterated its demand that Israel ease restrictions": the act in a clause that a demand or proposal names.
            for (var k = 1; k + 1 < view.Count; k++)
            {
                if (!ProposalNouns.Contains(view.Words[k]) || !SentenceView.Determiners.Contains(view.Words[k - 1]))
                    continue;
                var that = view.Words[k + 1] is "that" ? k + 1 : k + 2 < view.Count && view.Words[k + 2] is "that" ? k + 2 : -1;
                if (that < 0)
                    continue;
                var named = view.ClauseOf(that);
                foreach (var x in matches.Where(x => x.Index > that && x.Index < named.End && x.Pattern.Kind != PatternKind.Report))
                    consumed.Add(x.Index);
            }
            // "discussed Sein's intention to release prisoners", "a plan to withdraw troops": an act that a noun of intent,
            // plan or attempt names has not happened.
            // Words that are verbs too ("plans to impose", "hopes to") count only after a determiner ("its plan to").
            foreach (var x in matches.Where(x => x.Index >= 2 && view.Words[x.Index - 1] is "to"))
            {
                var noun = view.Words[x.Index - 2];
                if (IntentNouns.Contains(noun) || VerbLikeIntentNouns.Contains(noun) && x.Index >= 3 && SentenceView.Determiners.Contains(view.Words[x.Index - 3]))
                    consumed.Add(x.Index);
            }
            // "said it hoped GATT would find the retaliation had violated the rules": what is hoped for or wished is not an
            // event ("hoped to" is an intent and handled where intents are).
            for (var k = 0; k + 1 < view.Count; k++)
            {
                if (view.Words[k] is not ("hoped" or "hopes" or "hoping" or "wished" or "wishes") || view.Words[k + 1] is "to" or "for")
                    continue;
                var end = k + 1;
                while (end < view.Count && view.Words[end] is not (";" or "but"))
                    end++;
                foreach (var x in matches.Where(x => x.Index > k && x.Index < end && x.Pattern.Kind != PatternKind.Report))
                    consumed.Add(x.Index);
            }
            // "would prevent negotiated solutions", "to block a visit by": an act that is prevented or blocked did not happen.
            foreach (var x in matches.Where(x => x.Index >= 1 && PreventVerbs.Contains(view.Words[x.Index - 1])
                || x.Index >= 2 && PreventVerbs.Contains(view.Words[x.Index - 2]) && SentenceView.Determiners.Contains(view.Words[x.Index - 1])))
                consumed.Add(x.Index);
            // "signed into law by the president": a bill becoming law is domestic legislation, not an agreement.
            foreach (var x in matches.Where(x => x.Pattern.Code.Value is "057" && x.Pattern.Kind == PatternKind.Verb))
            {
                for (var k = x.Index + 1; k + 1 < Math.Min(view.Count, x.Index + 8); k++)
                {
                    if (view.Words[k] is "into" && view.Words[k + 1] is "law")
                    {
                        consumed.Add(x.Index);
                        break;
                    }
                }
            }
            // "allowed Russia to lease the base", "would not give permission to Russia to help Israel": what is permitted is
            // not done yet.
            foreach (var a in matches.Where(a => a.Pattern.Id is "allow" or "permit" or "give-permission"))
            {
                foreach (var x in InfinitivesAfter(a, matches, 8))
                    consumed.Add(x.Index);
            }
            CodeClaims(matches, consumed);
            CodeObligations(matches, consumed);
            CodeDemandsThat(matches, consumed);
            foreach (var m in matches)
            {
                if (consumed.Contains(m.Index) || m.Pattern.Kind == PatternKind.Report)
                    continue;
                // "held talks with", "signed the agreement": the noun the verb needs is part of the verb's event.
                if (m.Pattern.Kind != PatternKind.Noun && m.Pattern.Needs.Length > 0)
                {
                    foreach (var n in matches.Where(n => n.Pattern.Kind == PatternKind.Noun && n.Index > m.Index && n.Index <= m.End + 6))
                        consumed.Add(n.Index);
                }
                if (Blocked(m.Index, out var why))
                {
                    if (analysis.Tracing)
                        _notes.Add($"trigger '{view.Words[m.Index]}' ({m.Pattern.Id}): not an event ({why})");
                    // "said it would not provide support to Israel": a refusal announced is a rejection.
                    if (why.StartsWith("negated", StringComparison.Ordinal) && HasFuture(m.Index) && m.Pattern.Kind is PatternKind.Verb && m.Pattern.Code.RootNumber <= 8)
                        CodeVerb(m, Refusal(m.Pattern.Code), "refuse+" + m.Pattern.Id, SubjectOf(m), null);
                    continue;
                }
                // "was urged by Congress to help Iran", "faces pressure from Congress to help Iran": the agent asks the subject;
                // the act asked for did not happen.
                if ((m.Passive && m.Pattern.Id is "ask" or "urge" or "press" or "pressure") || m.Pattern.Id is "face-pressure")
                {
                    if (AgentAppeal(m, matches, m.Passive ? "by" : "from") is { } pa)
                    {
                        consumed.Add(pa.Act.Index);
                        var act = Specific(pa.Act.Pattern, pa.Act.Index);
                        var asked = m.Pattern.Code.Root == "10" ? DemandCode(act) : AppealCode(act);
                        if (SubjectOf(m) is { } subject)
                            Emit(m, asked, $"{m.Pattern.Id}+{pa.Act.Pattern.Id}.agent", PatternFrame.Directed, [.. pa.Agent.Actors], [.. subject.Actors], 3, false, null);
                        continue;
                    }
                }
                // "Obama wants Putin to attack", "urged Iran to halt": an appeal to the one named, not the act itself.
                if (m.Pattern.Id is "want" or "ask" or "urge" or "call-on" or "press" or "pressure" or "invite" && !m.Passive && Appeal(m, matches) is { } appeal)
                {
                    consumed.Add(appeal.Act.Index);
                    var asked = m.Pattern.Id is "invite" ? m.Pattern.Code
                        : m.Pattern.Code.Root == "10" ? DemandCode(Specific(appeal.Act.Pattern, appeal.Act.Index)) : AppealCode(Specific(appeal.Act.Pattern, appeal.Act.Index));
                    if (SubjectOf(m) is { } asker)
                        Emit(m, asked, $"{m.Pattern.Id}+{appeal.Act.Pattern.Id}", PatternFrame.Directed, [.. asker.Actors], [.. appeal.Asked.Actors], 3, false, null);
                    continue;
                }
                if (m.Pattern.Kind == PatternKind.Intent)
                {
                    var complement = Complement(m, matches);
                    if (complement is not null)
                    {
                        consumed.Add(complement.Index);
                        // "agreed to postpone the demonstration": the noun the intended act needs is part of that act.
                        if (complement.Pattern.Needs.Length > 0)
                        {
                            foreach (var n in matches.Where(n => n.Pattern.Kind == PatternKind.Noun && n.Index > complement.Index && n.Index <= complement.End + 6))
                                consumed.Add(n.Index);
                        }
                        // "agreed to allow Russia to lease …": the infinitives inside the intended act are part of it.
                        foreach (var later in matches.Where(x => x.Index > complement.Index && x.Index < view.ClauseOf(complement.Index).End && x.Index > 0 && view.Words[x.Index - 1] is "to"))
                            consumed.Add(later.Index);
                        if (Blocked(complement.Index, out var why2, m.End))
                        {
                            if (analysis.Tracing)
                                _notes.Add($"complement '{view.Words[complement.Index]}': not an event ({why2})");
                            continue;
                        }
                        CodeVerb(complement, IntentCode(m.Pattern, complement), $"{m.Pattern.Id}+{complement.Pattern.Id}", SubjectOf(m), m.Pattern);
                        continue;
                    }
                    // "two men sought in the killing of …", "a deal offered by Japan": a participle after a noun, no intent of the subject.
                    if (m.End < view.Count && view.Words[m.End] is "in" or "over" && view.Words[m.Index].EndsWith("ing", StringComparison.Ordinal) is false
                        && m.Index > 0 && (view.GroupAt[m.Index - 1] is not null || view.Tokens[m.Index - 1].IsWord && !SentenceView.Auxiliaries.Contains(view.Words[m.Index - 1])))
                    {
                        if (analysis.Tracing)
                            _notes.Add($"trigger '{view.Words[m.Index]}' ({m.Pattern.Id}): a participle after a noun, no intent");
                        continue;
                    }
                    // "offered its troops to Lebanon to help …": the purpose of what is offered is part of the offer.
                    foreach (var x in InfinitivesAfter(m, matches, 10))
                        consumed.Add(x.Index);
                    var named = m.Pattern.Code.Value is "030" ? IntendedNoun(m) : null;
                    // "agreed to U.S. mediation": the mediator named before the noun is the one the intent is addressed to.
                    if (named is { Code.Value: "038", By: { } mediator } && SubjectOf(m) is { } accepting)
                    {
                        Emit(m, named.Value.Code, $"{m.Pattern.Id}+{named.Value.Word}", PatternFrame.Directed, [.. accepting.Actors], [.. mediator.Actors], 3, false, null);
                        continue;
                    }
                    CodeVerb(m, named?.Code ?? Specific(m.Pattern, m.Index), named is null ? m.Pattern.Id : $"{m.Pattern.Id}+{named.Value.Word}", SubjectOf(m), null);
                    continue;
                }
                if (m.Pattern.Kind == PatternKind.Noun)
                {
                    CodeNoun(m);
                    continue;
                }
                // "Russia is conducting military exercises in Alaska": exercises one state holds alone are a show of force (150),
                // aimed at the other state where or near which they are held.
                if (m.Pattern.Id.EndsWith("-exercises", StringComparison.Ordinal) && m.Pattern.Frame == PatternFrame.Symmetric && ExercisesAlone(m))
                {
                    var show = m.Pattern with { Code = EventCode.Parse("150"), Frame = PatternFrame.Directed, ObjectPreps = ["in", "near", "off", "along", "over", "around"], DirectObject = false, Alternatives = [] };
                    var held = SubjectOf(m);
                    var rule150 = m.Pattern.Id + ".alone";
                    if (held is not null && Objects(m.End, show, false, show.ObjectPreps).Count == 0 && ExercisePlace(m, held) is { } place)
                    {
                        Emit(m, show.Code, rule150 + ".place", PatternFrame.Directed, [.. held.Actors], [place], 2, false, null);
                        continue;
                    }
                    CodeVerb(m with { Pattern = show }, show.Code, rule150, held, null);
                    continue;
                }
                var code = Specific(m.Pattern, m.Index);
                var rule = m.Pattern.Id;
                // "UN troops withdrew from the sector": forces that pull back from a place retreat militarily (0874).
                if (code.Value is "160" && m.Pattern.Id is "withdraw-from" && SubjectOf(m) is { } withdrawing
                    && Enumerable.Range(withdrawing.Start, withdrawing.End - withdrawing.Start).Any(k => coder.Table.InClass("troops", view.Words[k])))
                {
                    code = EventCode.Parse("0874");
                    rule += ".forces";
                }
                // Reported future ("announced that Kazakhstan would continue to route …") is a stated intention.
                if (view.ClauseOf(m.Index).ReportedBy is not null && HasFuture(m.Index) || Announced(m.Index))
                {
                    // "will withdraw its force unless …": an announced act made conditional on the other side is a threat.
                    var conditional = Enumerable.Range(m.End, Math.Max(0, view.Count - m.End)).Any(k => view.Words[k] is "unless");
                    code = conditional ? ThreatCode(code) : MapIntent(code);
                    rule = (conditional ? "threat-unless+" : "reported-intent+") + rule;
                    // "would be ready to host talks between A and B": the talks are only intended too.
                    foreach (var n in matches.Where(n => n.Pattern.Kind == PatternKind.Noun && n.Index > m.Index && n.Index <= m.End + 6 && view.ClauseOf(n.Index) == view.ClauseOf(m.Index)))
                        consumed.Add(n.Index);
                }
                CodeVerb(m, code, rule, SubjectOf(m), null);
            }
            foreach (var c in found)
                c.Notes.AddRange(_notes);
            if (analysis.Tracing && found.Count == 0)
                analysis.Trace.AddRange(_notes.Select(n => "  " + n));
        }

        private List<Match> FindTriggers()
        {
            var matches = new List<Match>();
            for (var i = 0; i < view.Count; i++)
            {
                if (view.GroupAt[i] is not null || !view.Tokens[i].IsWord)
                    continue;
                // Capitalized words inside a sentence are names ("Strategic Partnership Commission"), not acts.
                if (i > 0 && view.Tokens[i].IsCapitalized && !IsHeadline())
                    continue;
                var candidates = coder.Table.Candidates(view.Words[i]);
                for (var c = 0; c < candidates.Count; c++)
                {
                    var p = candidates[c];
                    if (!RestMatches(p, i, out var extra) || !NeedsMet(p, i))
                        continue;
                    var noun = NounContext(i);
                    if (p.Kind == PatternKind.Noun && !noun && !NounFollowers(i + p.Length) && !AfterObjectVerb(i))
                        continue;
                    if (p.Kind != PatternKind.Noun && (noun || !VerbContext(i)))
                        continue;
                    matches.Add(new Match(i, p, p.Kind == PatternKind.Verb && IsPassive(i, p), extra));
                    if (analysis.Tracing)
                        _notes.Add($"trigger '{string.Join(" ", view.Words[i..(i + p.Length + extra)])}' @{i} -> pattern {p.Id} ({p.Kind}, {p.Code}, {p.Frame})");
                    i += p.Length - 1 + extra;
                    break;
                }
            }
            return matches;
        }

        private bool IsHeadline() => view.Sentence.Kind == SentenceKind.Heading;

        /// <summary>The pattern's further words follow the head; <paramref name="extra"/> counts modifiers between them.</summary>
        private bool RestMatches(EventPattern p, int i, out int extra)
        {
            extra = 0;
            if (p.Rest.Length == 0)
                return true;
            if (!PhraseMatcher.Matches(p, view, coder.Table, i, out var end))
                return false;
            extra = end - i - p.Length;
            return true;
        }

        private bool NeedsMet(EventPattern p, int i)
        {
            if (p.Needs.Length == 0)
                return true;
            var clause = view.ClauseOf(i);
            var passive = p.Kind == PatternKind.Verb && IsPassive(i, p);
            for (var k = i + p.Length; !passive && k < Math.Min(view.Count, i + p.Length + 7); k++)
            {
                foreach (var need in p.Needs)
                {
                    if (need.StartsWith('@') ? coder.Table.InClass(need[1..], view.Words[k]) : need == view.Words[k])
                        return true;
                }
            }
            // Passive: "an agreement was signed", "a compromise was reached".
            for (var k = Math.Max(clause.Start, i - 5); k < i; k++)
            {
                foreach (var need in p.Needs)
                {
                    if (need.StartsWith('@') ? coder.Table.InClass(need[1..], view.Words[k]) : need == view.Words[k])
                        return passive;
                }
            }
            return false;
        }

        /// <summary>A determiner, possessive, month or preposition before the word makes it a noun ("a visit", "during April visit").</summary>
        private bool NounContext(int i)
        {
            if (i == 0)
                return false;
            var prev = view.Words[i - 1];
            // "the Secretary of State wants": a determiner word that ends an actor's title is part of the name, not of a noun phrase.
            var insideName = view.GroupAt[i - 1] is not null && prev is not "'s" and not "’s" && SentenceView.Titles.Contains(prev);
            if (!insideName && (SentenceView.Determiners.Contains(prev) || view.Tokens[i - 1].Kind == TokenKind.Number))
                return prev is not "to" || i + 1 < view.Count && view.Words[i + 1] is "of";
            // "the Sudan–Chad summit ended": two actors joined by a dash name the parties of the act that follows.
            if (view.GroupAt[i - 1] is { } second && second.Start >= 2 && view.Tokens[second.Start - 1].Text is "-" or "–" or "—" && view.GroupAt[second.Start - 2] is not null)
                return true;
            // "Western concern", "Nazarbayev-Karimov meeting", "Kazakhstan's visit".
            if (view.GroupAt[i - 1] is not null)
                return view.Tokens[i - 1].IsCapitalized && i + 1 < view.Count && view.Words[i + 1] is "of" or "by" or "to" or "about" or "over" or "between" or "with" or "," or "against" && view.Words[i].EndsWith('s') is false && !LooksFinite(i);
            // "further military support", "economic aid": an adjective of kind or degree makes the word a noun.
            if (NounAdjectives.Contains(prev))
                return true;
            return view.Words[i] is "summit" or "talks" or "meeting" && !SentenceView.Auxiliaries.Contains(prev);
        }

        /// <summary>The actor a relative clause opened at <paramref name="start"/> is about: right before it, or before its comma ("Canada, which imposed …").</summary>
        private ActorGroup? Antecedent(int start)
        {
            var k = start - 1;
            if (k > 0 && view.Words[k] == ",")
                k--;
            return k >= 0 ? view.GroupAt[k] : null;
        }

        /// <summary>What may stand before a verb: a subject, an auxiliary or adverb, "to", a comma or conjunction, a name.</summary>
        private bool VerbContext(int i)
        {
            if (i == 0)
                return true;
            var prev = view.Words[i - 1];
            // "their disputed border": after a possessive a participle describes a noun.
            if (coder.Table.InClass("possessive", prev))
                return false;
            if (view.GroupAt[i - 1] is not null || view.Tokens[i - 1].IsCapitalized || view.Tokens[i - 1].Kind != TokenKind.Word)
                return true;
            if (SentenceView.Auxiliaries.Contains(prev) || SentenceView.Titles.Contains(prev) || prev.EndsWith("ly", StringComparison.Ordinal)
                || prev is "today" or "yesterday" or "tomorrow" or "tonight" or "again" or "jointly" or "formally" or "later" or "first")
                return true;
            // After "to" only a bare infinitive is a verb: "conceded to demands from X" names the demands.
            if (prev is "to" && view.Words[i].EndsWith('s') && !view.Words[i].EndsWith("ss", StringComparison.Ordinal) && !view.Words[i].EndsWith("us", StringComparison.Ordinal))
                return false;
            if (prev is "to" or "and" or "or" or "but" or "who" or "which" or "that" or "he" or "she" or "they" or "it" or "we" or "i" or "while" or "after" or "before" or "when" or "then")
                return true;
            // "was quoted as saying he would …"
            if (prev is "as" && view.Words[i] is "saying")
                return true;
            // "a summit meeting bringing together …"
            if (view.Words[i].EndsWith("ing", StringComparison.Ordinal) && coder.Table.InClass("talks", prev))
                return true;
            // "Israeli tanks fired", "the rebels shelled": a past-tense verb after a plain noun.
            // Not a participle used as an adjective ("thirteen alleged members", "the wounded soldiers").
            return LooksFinite(i) && !SentenceView.Determiners.Contains(prev) && !SentenceView.Prepositions.Contains(prev)
                && !prev.EndsWith("ing", StringComparison.Ordinal) && !NumberWords.Contains(prev)
                && i + 1 < view.Count && view.Words[i + 1] is not "by" && !coder.Table.InClass("people", view.Words[i + 1]);
        }

        private bool LooksFinite(int i)
        {
            var w = view.Words[i];
            return w.EndsWith("ed", StringComparison.Ordinal) || w is "met" or "meets" or "signs" or "visits" or "sent" or "held" or "gave" or "sought";
        }

        /// <summary>"undertook mediation", "launched a mediation effort": a noun right after a past-tense verb.</summary>
        private bool AfterObjectVerb(int i) =>
            i > 0 && view.GroupAt[i - 1] is null && (view.Words[i - 1].EndsWith("ed", StringComparison.Ordinal) || view.Words[i - 1] is "undertook" or "began" or "held" or "made" or "took")
            && !(i + 1 < view.Count && view.Words[i + 1] is "to");

        private bool NounFollowers(int k) => k < view.Count && view.Words[k] is "of" or "by" or "between" or "to" or "against" or "on" or "with";

        private bool IsPassive(int i, EventPattern p)
        {
            var w = view.Words[i];
            var participle = w.EndsWith("ed", StringComparison.Ordinal) || w is "met" or "held" or "signed" or "sent" or "given" or "sold" or "bought" or "sought" or "brought" or "struck" or "fought" or "told" or "said"
                or "blown" or "shot" or "taken" or "thrown" or "overthrown" or "beaten" or "stolen" or "hit";
            if (!participle)
                return false;
            // "There were ten soldiers killed in …": the existential names who underwent the act.
            if (i > 0 && view.GroupAt[i - 1] is { } named && Existential(named.Start))
                return true;
            // "is opposed to", "is committed to": a state of mind, not a passive.
            if (w is "opposed" or "committed" or "determined" && i + 1 < view.Count && view.Words[i + 1] is "to")
                return false;
            for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
            {
                if (SentenceView.BeForms.Contains(view.Words[k]))
                    return true;
                if (!SentenceView.Auxiliaries.Contains(view.Words[k]))
                    break;
            }
            // Reduced relative: "the barriers established by Kazakhstan's Customs Union".
            var next = i + p.Length;
            if (next >= view.Count || view.Words[next] is not "by" || i == 0 || SentenceView.Auxiliaries.Contains(view.Words[i - 1]))
                return false;
            // "victims killed by …", "soldiers wounded by …": an act of force right after those it struck, with its agent.
            return view.GroupAt[i - 1] is null || p.Code.RootNumber >= 18;
        }

        /// <summary>"there were ten Russian soldiers", "there was one journalist": a phrase introduced by "there" and a form of "be".</summary>
        private bool Existential(int start)
        {
            var k = start - 1;
            if (k >= 0 && view.Tokens[k].Kind == TokenKind.Number || k >= 0 && NumberWords.Contains(view.Words[k]))
                k--;
            return k >= 1 && SentenceView.BeForms.Contains(view.Words[k]) && view.Words[k - 1] is "there";
        }

        private void MarkReportedClauses(List<Match> matches)
        {
            foreach (var m in matches.Where(m => m.Pattern.Kind == PatternKind.Report))
            {
                for (var k = m.End; k < Math.Min(view.Count, m.End + 6); k++)
                {
                    if (view.Words[k] is "that" && view.ClauseOf(k).Start == k)
                    {
                        view.ClauseOf(k).ReportedBy = SubjectOf(m) ?? new ActorGroup { Start = 0, End = 0 };
                        _reportedVia[view.ClauseOf(k)] = m;
                        if (analysis.Tracing)
                            _notes.Add($"reported speech: '{view.Words[m.Index]}' governs the clause at {k}");
                        break;
                    }
                    // "said it would allow …", "confirmed on Wednesday it would tighten …": a reported future without "that".
                    if (view.Words[k] is "would" or "will" && k > m.End && (view.Words[k - 1] is "it" or "they" or "he" or "she" or "we" || view.GroupAt[k - 1] is not null))
                    {
                        view.ClauseOf(k).ReportedBy ??= SubjectOf(m) ?? new ActorGroup { Start = 0, End = 0 };
                        if (analysis.Tracing)
                            _notes.Add($"reported speech: '{view.Words[m.Index]}' governs the future at {k}");
                        break;
                    }
                    if (view.Tokens[k].Kind == TokenKind.Punctuation && view.Words[k] is not ",")
                        break;
                }
            }
        }

        /// <summary>"will visit", "is ready to send", "is willing to withdraw": an announced act is an intent (CAMEO 03).</summary>
        private bool Announced(int i)
        {
            var clause = view.ClauseOf(i);
            // "is willing to send material to help defend …": the purpose infinitive is part of what is announced.
            var reach = i > 0 && view.Words[i - 1] is "to" ? 6 : 4;
            for (var k = i - 1; k >= Math.Max(clause.Start, i - reach); k--)
            {
                var w = view.Words[k];
                if (view.GroupAt[k] is not null)
                    break;
                if (w is "will" or "'ll" or "shall" or "willing" or "ready" or "prepared")
                    return true;
            }
            return false;
        }

        private bool HasFuture(int i)
        {
            var clause = view.ClauseOf(i);
            // "will send a team within two days to help identify …": the purpose of a future act is future too.
            var reach = i > 0 && view.Words[i - 1] is "to" ? 12 : 4;
            for (var k = Math.Max(clause.Start, i - reach); k < i; k++)
            {
                if (Future.Contains(view.Words[k]) || view.Words[k] is "plans" or "planned" or "intends")
                    return true;
            }
            return false;
        }

        /// <summary>Negated or hypothetical: "has never let", "could compete", "is likely to seek".</summary>
        private bool Blocked(int i, out string why, int from = -1)
        {
            var clause = view.ClauseOf(i);
            var start = Math.Max(Math.Max(clause.Start, i - 6), from);
            for (var k = i - 1; k >= start; k--)
            {
                if (view.GroupAt[k] is not null)
                    break;
                var w = view.Words[k];
                if (Negators.Contains(w))
                {
                    why = $"negated by '{w}'";
                    return true;
                }
                if (Hypothetical.Contains(w))
                {
                    why = $"hypothetical: '{w}'";
                    return true;
                }
                if (w is "would" && clause.ReportedBy is null)
                {
                    why = "hypothetical: 'would' outside reported speech";
                    return true;
                }
            }
            why = string.Empty;
            return false;
        }

        /// <summary>"agreed to provide …": the verb pattern after "to" (skipping "continue to", adverbs).</summary>
        private Match? Complement(Match intent, List<Match> matches)
        {
            var k = intent.End;
            // "declared his intent to", "agreed early on to"
            for (var skip = 0; skip < 6 && k < view.Count && view.Words[k] is not "to" && view.GroupAt[k] is null && view.Words[k] is not "," and not "that"; skip++)
                k++;
            if (k >= view.Count || view.Words[k] is not "to")
                return null;
            k++;
            for (var skip = 0; skip < 5 && k < view.Count; skip++)
            {
                var at = matches.FirstOrDefault(m => m.Index == k && m.Pattern.Kind is PatternKind.Verb or PatternKind.Intent);
                // "promised to continue military aid to …"
                at ??= matches.FirstOrDefault(m => m.Pattern.Kind == PatternKind.Noun && m.Index >= k && m.Index <= k + 2 && !Enumerable.Range(k, m.Index - k).Any(x => view.GroupAt[x] is not null));
                if (at is not null)
                    return at;
                if (view.Words[k] is "to" || Skippable.Contains(view.Words[k]))
                {
                    k++;
                    continue;
                }
                // The complement may be a verb the matcher took for a noun ("to visit", "to support").
                foreach (var p in coder.Table.Candidates(view.Words[k]).Where(p => p.Kind == PatternKind.Verb))
                {
                    if (RestMatches(p, k, out _) && NeedsMet(p, k))
                        return new Match(k, p, false);
                }
                break;
            }
            return null;
        }

        /// <summary>
        /// "agreed to a ceasefire", "agreed to U.S. mediation", "committed to talks": an intent whose object is the act
        /// named by a noun (a truce 0356, mediation accepted 038, negotiation 036).
        /// </summary>
        private (EventCode Code, string Word, ActorGroup? By)? IntendedNoun(Match intent)
        {
            var k = intent.End;
            if (k >= view.Count || view.Words[k] is not "to" and not "upon" and not "on")
                return null;
            var clause = view.ClauseOf(intent.Index);
            ActorGroup? by = null;
            for (var j = k + 1; j < Math.Min(clause.End, k + 5); j++)
            {
                by ??= view.GroupAt[j];
                var code = view.Words[j] switch
                {
                    "ceasefire" or "cease-fire" or "truce" or "armistice" => "0356",
                    "mediation" => "038",
                    "talks" or "negotiations" => "036",
                    _ => null,
                };
                if (code is not null)
                    return (EventCode.Parse(code), view.Words[j], by);
                if (view.Tokens[j].Kind == TokenKind.Punctuation || view.Words[j] is "to" or "that")
                    break;
            }
            return null;
        }

        /// <summary>"wants Putin to attack", "urged Iran to halt": the actor asked and the act asked for.</summary>
        private (ActorGroup Asked, Match Act)? Appeal(Match m, List<Match> matches)
        {
            var k = m.End;
            if (k < view.Count && view.Words[k] is "the")
                k++;
            if (k >= view.Count || view.GroupAt[k] is not { } asked)
                return null;
            k = asked.End;
            if (k >= view.Count || view.Words[k] is not "to")
                return null;
            var act = Complement(new Match(k - 1, m.Pattern with { Rest = [] }, false), matches);
            return act is null ? null : (asked, act);
        }

        /// <summary>An actor phrase that only qualifies an accident or disaster named right after it ("the Air France crash").</summary>
        private bool Accident(ActorGroup g)
        {
            for (var k = g.End; k < Math.Min(view.Count, g.End + 4); k++)
            {
                if (view.Words[k] is "crash" or "crashes" or "accident" or "collision" or "derailment" or "sinking" or "shipwreck" or "earthquake" or "flood" or "floods" or "storm" or "epidemic" or "outbreak")
                    return true;
                if (view.Tokens[k].Kind == TokenKind.Punctuation || SentenceView.Prepositions.Contains(view.Words[k]) || view.GroupAt[k] is not null && view.GroupAt[k] != g)
                    return false;
            }
            return false;
        }

        /// <summary>
        /// "The US claimed that they had attacked Iraq": a claim that the claimant itself did a hostile act is a claim of
        /// responsibility (015) aimed at the one struck; "claimed that ISIL had attacked Iraq" accuses the actor named (112).
        /// The act claimed is not an event of its own.
        /// </summary>
        private void CodeClaims(List<Match> matches, HashSet<int> consumed)
        {
            foreach (var x in matches)
            {
                if (x.Pattern.Kind != PatternKind.Verb || x.Passive || consumed.Contains(x.Index)
                    || !_reportedVia.TryGetValue(view.ClauseOf(x.Index), out var r) || r.Pattern.Id is not "claim")
                    continue;
                var act = Specific(x.Pattern, x.Index);
                if (act.RootNumber is < 11 or > 20 || HasFuture(x.Index) || Blocked(x.Index, out _) || SubjectOf(r) is not { } claimant || SubjectOf(x) is not { } doer)
                    continue;
                consumed.Add(x.Index);
                var own = doer.Actors.All(d => claimant.Actors.Any(c => c.Code.Head == d.Code.Head));
                if (own)
                {
                    var struck = Objects(x.End, x.Pattern, x.Pattern.DirectObject, x.Pattern.ObjectPreps.ToList()).SelectMany(g => g.Actors).ToList();
                    Emit(x, EventCode.Parse("015"), $"claim+{x.Pattern.Id}.own", PatternFrame.Directed, [.. claimant.Actors], struck, 3, false, null);
                }
                else
                {
                    Emit(x, EventCode.Parse("112"), $"claim+{x.Pattern.Id}.accuse", PatternFrame.Directed, [.. claimant.Actors], [.. doer.Actors], 3, false, null);
                }
            }
        }

        /// <summary>Exercises without a partner: no "with" or "joint" in the clause and one actor as subject.</summary>
        private bool ExercisesAlone(Match m)
        {
            var clause = view.ClauseOf(m.Index);
            for (var k = clause.Start; k < clause.End; k++)
            {
                if (view.Words[k] is "with" or "joint" or "jointly" or "together")
                    return false;
            }
            return SubjectOf(m) is { Actors.Count: 1 };
        }

        /// <summary>The state of a place named after the exercises ("in the Baltic region of Estonia"), when it is not the subject's own.</summary>
        private ActorMention? ExercisePlace(Match m, ActorGroup held)
        {
            var clause = view.ClauseOf(m.Index);
            var own = held.Actors[0].Code.Head;
            foreach (var (index, actor) in view.Locations)
            {
                if (index < m.End || index >= clause.End || index - m.End > 6 || actor.Code.Head == own || !actor.Code.IsStateLike)
                    continue;
                return actor;
            }
            return null;
        }

        /// <summary>"pressured by Congress to help", "pressure from Congress to help": the agent after the preposition and the act asked for.</summary>
        private (ActorGroup Agent, Match Act)? AgentAppeal(Match m, List<Match> matches, string prep)
        {
            var clause = view.ClauseOf(m.Index);
            foreach (var g in view.Groups)
            {
                if (g.Start < m.End || g.Start > m.End + 3 || g.End >= clause.End || PrepositionBefore(g, m.End) != prep)
                    continue;
                if (view.Words[g.End] is not "to")
                    return null;
                var act = Complement(new Match(g.End - 1, m.Pattern with { Rest = [] }, false), matches);
                return act is null ? null : (g, act);
            }
            return null;
        }

        /// <summary>The CAMEO appeal (02x) for the act asked for.</summary>
        private static EventCode AppealCode(EventCode act) => EventCode.Parse(act.Root switch
        {
            "06" => "021",
            "07" => act.Value switch { "071" => "0231", "072" => "0232", "073" => "0233", "074" => "0234", _ => "023" },
            "04" => act.Value is "045" ? "028" : "026",
            "08" => "025",
            "03" => act.Value is "034" ? "024" : "020",
            _ => "020",
        });

        /// <summary>
        /// "Russia said Sudan must return the helicopter": what a reporter says another actor must do is a demand (10x)
        /// on that actor; the act itself did not happen.
        /// </summary>
        private void CodeObligations(List<Match> matches, HashSet<int> consumed)
        {
            for (var k = 1; k < view.Count - 1; k++)
            {
                if (view.Words[k] is not "must" || Negated(k))
                    continue;
                var clause = view.ClauseOf(k);
                // The actor that must act: the phrase right before "must" (articles and agent words may sit between).
                ActorGroup? asked = null;
                for (var j = k - 1; j >= Math.Max(clause.Start, k - 3); j--)
                {
                    if (view.GroupAt[j] is { } g)
                    {
                        asked = g;
                        break;
                    }
                    if (view.Tokens[j].Kind == TokenKind.Punctuation)
                        break;
                }
                if (asked is null)
                    continue;
                var reporter = clause.ReportedBy is { Actors.Count: > 0 } r ? r : null;
                var report = matches.LastOrDefault(m => m.Pattern.Kind == PatternKind.Report && m.Index < asked.Start);
                if (reporter is null && report is not null)
                    reporter = SubjectOf(report);
                if (reporter is null || report is null && clause.ReportedBy is null)
                    continue;
                var act = matches.FirstOrDefault(m => m.Index > k && m.Index <= k + 6 && m.Pattern.Kind is PatternKind.Verb or PatternKind.Intent && view.ClauseOf(m.Index) == clause);
                var code = act is null ? EventCode.Parse("100") : DemandCode(Specific(act.Pattern, act.Index));
                if (act is not null)
                    consumed.Add(act.Index);
                if (report is null && matches.Count == 0)
                    continue;
                var trigger = new Match(k, (report ?? matches[0]).Pattern with { Rest = [] }, false);
                var askedActors = asked.Actors.Where(a => reporter.Actors.All(x => x.Code.Head != a.Code.Head) || a.Code.Sector.Length > 0).ToList();
                Emit(trigger, code, "must" + (act is null ? string.Empty : "+" + act.Pattern.Id), PatternFrame.Directed, [.. reporter.Actors], askedActors, 3, false, null);
            }
        }

        /// <summary>"China demanded that the US cancel the sale": a demand whose sub-code is the act demanded; the act did not happen.</summary>
        private void CodeDemandsThat(List<Match> matches, HashSet<int> consumed)
        {
            foreach (var m in matches.Where(m => m.Pattern.Id is "demand" or "insist" or "urge" or "call-for"))
            {
                // "demanded the withdrawal of Serbian forces": the act named as a noun, demanded of its agent.
                var noun = matches.FirstOrDefault(n => n.Pattern.Kind == PatternKind.Noun && n.Index >= m.End && n.Index <= m.End + 3 && view.ClauseOf(n.Index) == view.ClauseOf(m.Index));
                if (noun is not null && SubjectOf(m) is { } demander)
                {
                    var of = Objects(noun.End, noun.Pattern, false, noun.Pattern.AgentPreps).SelectMany(g => g.Actors)
                        .Where(a => demander.Actors.All(x => x.Code.Head != a.Code.Head)).ToList();
                    if (of.Count > 0)
                    {
                        consumed.Add(noun.Index);
                        consumed.Add(m.Index);
                        Emit(m, DemandCode(Specific(noun.Pattern, noun.Index)), $"{m.Pattern.Id}+{noun.Pattern.Id}", PatternFrame.Directed, [.. demander.Actors], of, 3, false, null);
                        continue;
                    }
                }
                var k = m.End;
                if (k + 1 < view.Count && view.Words[k] is not "that")
                    k++;
                if (k + 1 >= view.Count || view.Words[k] is not "that")
                    continue;
                var asked = view.GroupAt[k + 1] ?? (k + 2 < view.Count && view.Words[k + 1] is "the" or "its" or "their" or "his" or "her" or "all" ? view.GroupAt[k + 2] : null);
                if (asked is null || SubjectOf(m) is not { } subject)
                    continue;
                var act = matches.FirstOrDefault(a => a.Index >= asked.End && a.Index < asked.End + 4 && a.Pattern.Kind is PatternKind.Verb or PatternKind.Intent);
                if (act is null)
                    continue;
                consumed.Add(act.Index);
                consumed.Add(m.Index);
                var askedActors = asked.Actors.Where(a => subject.Actors.All(x => x.Code.Head != a.Code.Head) || a.Code.Sector.Length > 0).ToList();
                Emit(m, DemandCode(Specific(act.Pattern, act.Index)), $"{m.Pattern.Id}-that+{act.Pattern.Id}", PatternFrame.Directed, [.. subject.Actors], askedActors, 3, false, null);
            }
        }

        private bool Negated(int i) => i + 1 < view.Count && view.Words[i + 1] is "not" or "n't" or "never";

        /// <summary>The CAMEO demand (10x) for the act demanded.</summary>
        private static EventCode DemandCode(EventCode act) => EventCode.Parse(act.Root switch
        {
            "06" => "101",
            "05" => act.Value is "057" ? "107" : "102",
            "07" => act.Value switch { "071" => "1031", "072" => "1032", "073" => "1033", "074" => "1034", _ => "103" },
            "03" => act.Value is "034" ? "104" : "100",
            "08" => act.Value switch
            {
                "0841" or "0842" => "1053",
                "081" or "0811" or "0812" or "0813" or "0814" => "1051",
                "085" => "1054",
                _ when act.Value.StartsWith("087", StringComparison.Ordinal) => "1056",
                _ => "105",
            },
            "04" => act.Value is "045" ? "108" : "106",
            _ => "100",
        });

        /// <summary>The CAMEO rejection (12x) for an act announced as not to be done.</summary>
        private static EventCode Refusal(EventCode act) => EventCode.Parse(act.Root switch
        {
            "06" => "121",
            "07" => "122",
            "04" => "125",
            "08" => "124",
            "03" => act.Value is "034" ? "123" : "120",
            _ => "120",
        });

        private EventCode IntentCode(EventPattern intent, Match complement)
        {
            var code = Specific(complement.Pattern, complement.Index);
            // A decision is the act itself ("decided to deploy officers").
            if (intent.Id is "decide")
                return code;
            if (intent.Code.Root == "13")
                return ThreatCode(code);
            if (intent.Code.Root == "12")
                return EventCode.Parse(code.Root switch { "08" => "124", "04" => "125", "07" => "122", "06" => "121", _ => "120" });
            return MapIntent(code);
        }

        /// <summary>The CAMEO threat (13x) for an act threatened: what would be done decides the sub-code.</summary>
        private static EventCode ThreatCode(EventCode code) => EventCode.Parse(code.RootNumber switch
        {
            20 => "1383",
            19 => code.Value switch { "191" => "1381", "192" => "1382", _ => "138" },
            18 => "138",
            17 => code.Value switch { "1723" => "1323", "1724" => "1324", "1721" => "1321", "1722" => "1322", "172" => "132", _ => "137" },
            16 => code.Value switch
            {
                "163" => "1312",
                "164" => "134",
                "165" => "135",
                "166" or "1661" or "1662" or "1663" => "136",
                _ when code.Value.StartsWith("162", StringComparison.Ordinal) => "1311",
                _ => "1313",
            },
            15 => "138",
            14 => "133",
            12 => "130",
            _ => "131",
        });

        /// <summary>
        /// The CAMEO "express intent" code for an intended act. Protest, coercion and force announced for the future (roots 14, 15, 17–20:
        /// "said they would blockade the capital", "plans to impose restrictions", "is prepared to impose martial law", "wants to attack") are threats (13x); a
        /// reduction of relations announced ("planned to end U.S. use of the base") is coded as the reduction itself, except
        /// sanctions, whose announcement is the classic threat (1312).
        /// </summary>
        private static EventCode MapIntent(EventCode code)
        {
            var v = code.Value;
            if (code.RootNumber >= 14 && (code.RootNumber != 16 || code.Value is "163"))
                return ThreatCode(code);
            var mapped = code.Root switch
            {
                "06" => v switch { "061" => "0311", "062" => "0312", "063" => "0313", "064" => "0314", _ => "031" },
                "07" => v switch { "071" => "0331", "072" => "0332", "073" => "0333", "074" => "0334", _ => "033" },
                "04" => v is "045" ? "039" : "036",
                "05" => v is "057" or "050" ? "030" : "032",
                "08" => YieldIntent(v),
                "03" => v,
                "01" or "02" => v,
                _ => v,
            };
            return EventCode.Parse(mapped);
        }

        /// <summary>An intended concession (08x) as CAMEO's intent to reform (034x) or to yield (035x).</summary>
        private static string YieldIntent(string v) => v switch
        {
            "083" => "034",
            "0831" => "0341",
            "0832" => "0342",
            "0833" => "0343",
            "0834" => "0344",
            "082" => "0352",
            "085" => "0354",
            _ when v.StartsWith("081", StringComparison.Ordinal) => "0351",
            _ when v.StartsWith("084", StringComparison.Ordinal) => "0353",
            _ when v.StartsWith("086", StringComparison.Ordinal) => "0355",
            _ when v.StartsWith("087", StringComparison.Ordinal) => "0356",
            _ => "035",
        };

        /// <summary>
        /// The acts named as infinitives ("to" + verb) within <paramref name="reach"/> words after <paramref name="m"/> in its
        /// clause: what an agreement provides for, what is permitted or offered, not acts of their own.
        /// </summary>
        private IEnumerable<Match> InfinitivesAfter(Match m, List<Match> matches, int reach) =>
            matches.Where(x => x.Index > m.End && x.Index <= m.End + reach && view.Words[x.Index - 1] is "to" && view.ClauseOf(x.Index) == view.ClauseOf(m.Index));

        /// <summary>Force from the air: by drones (1952), with precision-guided munitions (1951), or unspecified (195).</summary>
        private string AerialCode(IEnumerable<string> words)
        {
            var guided = false;
            foreach (var w in words)
            {
                if (coder.Table.InClass("drone", w))
                    return "1952";
                guided |= coder.Table.InClass("guided", w);
            }
            return guided ? "1951" : "195";
        }

        /// <summary>
        /// The source of the report, not a party: "…, the Czechoslovak news agency reported", "…, Reuters said",
        /// "according to the Syrian Observatory".
        /// </summary>
        private bool IsReporter(ActorGroup g) =>
            g.End < view.Count && view.Words[g.End] is "reported" or "reports" or "said" or "says" or "quoted" or "added"
            || g.Start >= 2 && view.Words[g.Start - 2] is "according" && view.Words[g.Start - 1] is "to"
            || g.Start >= 3 && view.Words[g.Start - 3] is "according" && view.Words[g.Start - 2] is "to" && SentenceView.Determiners.Contains(view.Words[g.Start - 1]);

        /// <summary>The pattern's code, or a more specific one when a word class of its "alt" column occurs in the clause.</summary>
        private EventCode Specific(EventPattern p, int i)
        {
            if (p.Alternatives.Length == 0)
                return p.Code;
            var clause = view.ClauseOf(i);
            foreach (var (cls, code) in p.Alternatives)
            {
                for (var k = clause.Start; k < clause.End; k++)
                {
                    if (coder.Table.InClass(cls, view.Words[k]) || cls == "money" && view.Words[k].StartsWith('$'))
                        return code;
                }
            }
            return p.Code;
        }

        /// <summary>The actor phrase that does the act: nearest to the left within the clause, else from context.</summary>
        private ActorGroup? SubjectOf(Match m)
        {
            if (_subjects.TryGetValue(m.Index, out var cached))
                return cached;
            var clause = view.ClauseOf(m.Index);
            // The last phrase of the clause before the trigger that is no object; one not after a preposition if any.
            ActorGroup? subject = null;
            ActorGroup? bare = null;
            foreach (var g in view.Groups)
            {
                if (g.End <= m.Index && g.Start >= clause.Start && !NotSubject(g))
                    subject = g;
            }
            if (subject is not null && AfterPreposition(subject))
            {
                foreach (var g in view.Groups)
                {
                    if (g.End <= m.Index && g.Start >= clause.Start && !NotSubject(g) && !AfterPreposition(g))
                        bare = g;
                }
                subject = bare ?? subject;
            }
            // A participle after a comma ("…, meeting with presidents") has the subject of the clause before.
            var participle = view.Words[m.Index].EndsWith("ing", StringComparison.Ordinal) && m.Index > 0 && view.Words[m.Index - 1] is "," or "while";
            if (participle)
                subject = PreviousSubject(m.Index) ?? subject;
            if (subject is null)
            {
                if (clause.ReportedBy is { Actors.Count: > 0 } reporter)
                    subject = reporter;
                else if (clause.Opener is "which" or "who" && Antecedent(clause.Start) is { } antecedent)
                    subject = antecedent;
                else if (clause.Opener is "and" or "but" or "while" or "" )
                    subject = PreviousSubject(m.Index);
            }
            _subjects[m.Index] = subject;
            if (subject is not null)
            {
                if (analysis.Tracing)
                    _notes.Add($"subject of '{view.Words[m.Index]}': {subject}");
                discourse.SetSubject(subject.Actors[0]);
            }
            return subject;
        }

        private ActorGroup? PreviousSubject(int before)
        {
            foreach (var (index, subject) in _subjects.OrderByDescending(kv => kv.Key))
            {
                if (index < before && subject is not null)
                    return subject;
            }
            // The first actor phrase of the sentence.
            return view.Groups.FirstOrDefault(g => g.End <= before && !AfterPreposition(g));
        }

        /// <summary>A phrase after "to", "with", "against"… is an object of something, never a subject.</summary>
        private bool NotSubject(ActorGroup g)
        {
            var prep = PrepositionBefore(g, 0);
            return prep is "to" or "with" or "against" or "on" or "by" or "for" or "into" or "about" or "over" or "between" or "among"
                or "toward" or "towards" or "than" or "like" or "unlike" or "despite" or "through" or "via" or "across";
        }

        private bool AfterPreposition(ActorGroup g)
        {
            for (var k = g.Start - 1; k >= Math.Max(0, g.Start - 3); k--)
            {
                var w = view.Words[k];
                if (w is "the" or "a" or "an" or "both" || view.Tokens[k].IsCapitalized && !SentenceView.Prepositions.Contains(w))
                    continue;
                return SentenceView.Prepositions.Contains(w) && w is not "as";
            }
            return false;
        }

        /// <summary>Actor phrases after the trigger in its clause introduced by one of the prepositions (or directly, when allowed).</summary>
        private List<ActorGroup> Objects(int after, EventPattern p, bool direct, IReadOnlyCollection<string> preps)
        {
            var clause = view.ClauseOf(after - 1);
            var result = new List<ActorGroup>();
            foreach (var g in view.Groups)
            {
                if (g.Start < after || g.Start >= clause.End)
                    continue;
                var prep = PrepositionBefore(g, after);
                if (prep is "of" && !preps.Contains("of"))
                    prep = null;
                // "offered its troops to Lebanon": the subject's own people are what is acted with, not the addressee.
                if (prep is null && g.Start > after && view.Words[g.Start - 1] is "its" or "their" && preps.Count > 0)
                    continue;
                if (prep is not null ? preps.Contains(prep) : direct && g.Start - after <= (p.Frame == PatternFrame.Symmetric ? 2 : 4))
                {
                    result.Add(g);
                    if (p.Kind == PatternKind.Noun || p.Frame is not PatternFrame.Symmetric and not PatternFrame.Host and not PatternFrame.Mediate)
                    {
                        // "complained to the UN over Israeli raids": the addressee after "to" (listed last) gives way to
                        // what the act is about when a preposition listed before it follows in the clause.
                        if (prep is "to" && preps.Count > 1 && preps.Last() is "to" && Later(g, after, clause, preps) is { } about)
                            result[^1] = about;
                        break;
                    }
                }
            }
            return result;
        }

        private ActorGroup? Later(ActorGroup first, int after, Clause clause, IReadOnlyCollection<string> preps) =>
            view.Groups.FirstOrDefault(g => g.Start > first.Start && g.Start < clause.End && PrepositionBefore(g, after) is { } w && w is not "to" and not "," && preps.Contains(w));

        private string? PrepositionBefore(ActorGroup g, int floor)
        {
            for (var k = g.Start - 1; k >= Math.Max(floor, g.Start - 4); k--)
            {
                var w = view.Words[k];
                if (SentenceView.Prepositions.Contains(w) && w is not "as")
                    return w;
                if (view.Tokens[k].Kind == TokenKind.Punctuation && w is not "(" and not "'s" and not "’s")
                    return ",";
            }
            return null;
        }

        private void CodeVerb(Match m, EventCode code, string rule, ActorGroup? subject, EventPattern? intent)
        {
            var p = m.Pattern;
            var preps = p.ObjectPreps.ToList();
            var objects = Objects(m.End, p, p.DirectObject, preps);
            var sources = subject?.Actors.ToList() ?? [];
            var priority = 2;
            if (m.Passive)
            {
                // "Uzbekistan was visited by …": the agent after "by" acts on the subject.
                var agent = Objects(m.End, p, false, ["by"]);
                // "killed by the Air France crash": an accident the actor only names is no agent.
                agent.RemoveAll(Accident);
                var patient = sources;
                // "Evidence against Russia was presented by the US": the object's preposition stands in the subject phrase.
                if (patient.Count == 0 && PassiveObjectBefore(m, preps) is { } before)
                    patient = [.. before.Actors];
                sources = agent.SelectMany(g => g.Actors).ToList();
                if (p.Frame == PatternFrame.Symmetric)
                {
                    sources.AddRange(patient);
                }
                else
                {
                    objects = patient.Count > 0 ? [new ActorGroup { Start = m.Index, End = m.Index }] : [];
                    if (objects.Count > 0)
                        objects[0].Actors.AddRange(patient);
                }
                rule += ".passive";
                // "four civilians were killed in Israeli air strikes": the attacker named by the means.
                if (sources.Count == 0 && p.Code.RootNumber is 18 or 19 && Instrument(m) is { } by)
                {
                    sources = [.. by.Group.Actors];
                    code = EventCode.Parse(coder.Table.InClass("air", by.Word) ? AerialCode([by.Word]) : by.Word is "shelling" or "shells" or "artillery" or "mortars" ? "194" : code.Root == "18" && by.Group.Actors.All(a => a.Code.IsStateLike && a.Code.Sector is "" or "MIL") ? "190" : code.Value);
                    rule += ".means";
                }
            }
            var targets = objects.SelectMany(g => g.Actors).ToList();
            if (p.Frame == PatternFrame.Receive)
            {
                // "Georgia received weapons from Ukraine": the giver is the source.
                if (targets.Count == 0)
                    return;
                (sources, targets) = (targets, sources);
                Emit(m, code, rule + ".received", PatternFrame.Directed, sources, targets, priority, setting: false, intent);
                return;
            }
            if (targets.Count == 0 && p.Frame == PatternFrame.Visit)
            {
                // "arrived in Amman", "visited Moscow": the capital named as the place is the host.
                var clause = view.ClauseOf(m.Index);
                var place = view.Locations.Where(l => l.Index >= m.End && l.Index < Math.Min(clause.End, m.End + 4)).Select(l => l.Actor).FirstOrDefault();
                if (place is not null)
                {
                    targets.Add(place);
                    rule += ".place";
                }
            }
            Emit(m, code, rule, p.Frame, sources, targets, priority, setting: false, intent);
        }

        /// <summary>"Evidence against Russia was presented": an actor after one of the pattern's prepositions in the words before a passive verb.</summary>
        private ActorGroup? PassiveObjectBefore(Match m, List<string> preps)
        {
            var clause = view.ClauseOf(m.Index);
            foreach (var g in view.Groups)
            {
                if (g.Start < clause.Start || g.End > m.Index || m.Index - g.End > 3)
                    continue;
                if (g.Start > 0 && preps.Contains(view.Words[g.Start - 1]) && view.Words[g.Start - 1] is not "to")
                    return g;
            }
            return null;
        }

        /// <summary>"in Israeli air strikes", "by Turkish shelling": an actor phrase before a word for a means of attack, after the trigger.</summary>
        private (ActorGroup Group, string Word)? Instrument(Match m)
        {
            var clause = view.ClauseOf(m.Index);
            foreach (var g in view.Groups)
            {
                if (g.Start < m.End || g.Start >= clause.End || g.Start - m.End > 5)
                    continue;
                if (PrepositionBefore(g, m.End) is not ("in" or "by" or "during" or "from"))
                    continue;
                for (var k = g.Start; k < Math.Min(clause.End, g.End + 2); k++)
                {
                    var w = view.Words[k];
                    if (coder.Table.InClass("air", w) || AttackMeans.Contains(w))
                        return (g, w);
                }
            }
            return null;
        }

        private void CodeNoun(Match m)
        {
            var p = m.Pattern;
            var agents = Objects(m.End, p, false, p.AgentPreps).SelectMany(g => g.Actors).ToList();
            var objects = Objects(m.End, p, false, p.ObjectPreps).SelectMany(g => g.Actors).ToList();
            var rule = p.Id;
            var clause = view.ClauseOf(m.Index);
            // "Western concern", "Nazarbayev-Karimov meeting", "Kazakhstan's visit".
            if (agents.Count == 0 && m.Index > 0)
            {
                for (var k = m.Index - 1; k >= Math.Max(clause.Start, m.Index - 3); k--)
                {
                    if (view.GroupAt[k] is { } before)
                    {
                        agents.AddRange(before.Actors);
                        rule += ".modifier";
                        break;
                    }
                    if (SentenceView.Prepositions.Contains(view.Words[k]) || view.Tokens[k].Kind == TokenKind.Punctuation && view.Words[k] is not "'s" and not "’s")
                        break;
                }
            }
            var setting = false;
            // "During a visit to China, President Nazarbayev meets …": the visitor is the subject after the comma.
            var fronted = FrontedBy(m.Index);
            if (agents.Count == 0 && fronted is not null)
            {
                for (var k = m.End; k < view.Count - 1; k++)
                {
                    if (view.Words[k] is ",")
                    {
                        if (view.GroupAt[k + 1] is { } main)
                        {
                            agents.AddRange(main.Actors);
                            rule += ".fronted";
                        }
                        else if (k + 2 < view.Count && view.GroupAt[k + 2] is { } main2)
                        {
                            agents.AddRange(main2.Actors);
                            rule += ".fronted";
                        }
                        break;
                    }
                }
            }
            else if (fronted is not null && p.Frame == PatternFrame.Symmetric)
            {
                setting = true;
            }
            if (p.Frame == PatternFrame.Symmetric && fronted is not null && agents.Count == 0)
                setting = true;
            // "Kazakhstan has grievances against China", "the Kazakh government announced the arrest of …".
            if (agents.Count == 0 && p.Frame != PatternFrame.Symmetric && SubjectOf(m) is { } subject)
            {
                agents.AddRange(subject.Actors);
                rule += ".subject";
            }
            if (p.Frame == PatternFrame.Symmetric && p.Code.Root != "04" && agents.Count + objects.Count < 2 && view.Groups.Count == 0 && discourse.LastPair.Count >= 2 && coder._options.UseContext)
            {
                agents.AddRange(discourse.LastPair);
                rule += ".context";
            }
            if (fronted is not null && p.Frame == PatternFrame.Symmetric && objects.Count == 0)
                setting = true;
            Emit(m, Specific(p, m.Index), rule, p.Frame, agents, objects, 1, setting, null);
        }

        private string? FrontedBy(int i)
        {
            var clause = view.ClauseOf(i);
            for (var k = i - 1; k >= Math.Max(clause.Start, i - 4); k--)
            {
                if (Fronting.Contains(view.Words[k]))
                    return view.Words[k];
                if (view.Words[k] is "," || view.GroupAt[k] is not null)
                    return null;
            }
            return null;
        }

        private void Emit(Match m, EventCode code, string rule, PatternFrame frame, List<ActorMention> sources, List<ActorMention> targets, int priority, bool setting, EventPattern? intent)
        {
            var trigger = new TextSpan(view.Tokens[m.Index].Span.Start, view.Tokens[m.End - 1].Span.End);
            var clause = view.ClauseOf(m.Index);
            sources = sources.DistinctBy(a => a.Code.Head).ToList();
            targets = targets.DistinctBy(a => a.Code.Head).ToList();
            if (frame == PatternFrame.Symmetric || intent?.Frame == PatternFrame.Symmetric && targets.Count == 0 && sources.Count >= 2)
            {
                var all = sources.Concat(targets).DistinctBy(a => a.Code.Head).ToList();
                if (all.Count == 0 && view.Groups.All(g => g.IsReference) && code.Root != "04" && coder._options.UseContext)
                {
                    // "a compromise was reached on the border issue": the pair the reference (or the text before) is about.
                    var pair = view.Groups.FirstOrDefault(g => g.Actors.Count >= 2)?.Actors ?? discourse.LastPair;
                    if (pair.Count >= 2)
                    {
                        all.AddRange(pair);
                        rule += ".context";
                    }
                }
                // An agent of no known state ("the Press Office") does not sign beside two or more states.
                if (all.Count(a => a.Code.Head != "---") >= 2)
                    all.RemoveAll(a => a.Code.Head == "---");
                var guess = sources.Count > 0 && sources.All(a => a.Code.Head != "---") && coder._options.UseContext;
                if (all.Count == 1 && guess && NearestBefore(m.Index, [all[0].Code.Head]) is { } near)
                {
                    all.Add(near);
                    rule += ".partner";
                }
                else if (all.Count == 1 && guess && frame == PatternFrame.Symmetric)
                {
                    // The partner is named in another sentence, if anywhere: left to the story stage.
                    AddOpen(all[0], code, rule, trigger, symmetric: true, priority);
                    return;
                }
                else if (all.Count == 0 && code.Root == "04" && view.Groups.Count == 0 && coder._options.UseContext)
                {
                    // "A further summit was held": the participants are the story's.
                    AddOpen(null, code, rule, trigger, symmetric: true, priority);
                    return;
                }
                if (all.Count == 1 && frame != PatternFrame.Symmetric)
                {
                    EmitDirected(m, code, rule, frame, sources, targets, priority, clause, trigger);
                    return;
                }
                var venue = Venue(m, all);
                for (var i = 0; i < all.Count; i++)
                {
                    for (var j = i + 1; j < all.Count; j++)
                    {
                        if (venue is not null && code.Root == "04" && code.Value is "040" or "044" && (all[i].Code.Head == venue || all[j].Code.Head == venue))
                        {
                            var guest = all[i].Code.Head == venue ? all[j] : all[i];
                            var host = all[i].Code.Head == venue ? all[i] : all[j];
                            Add(guest, host, EventCode.Parse("042"), rule + ".venue", trigger, false, priority + 1, setting && false, [guest, host]);
                            continue;
                        }
                        Add(all[i], all[j], code, rule, trigger, true, priority, setting, all);
                    }
                }
                return;
            }
            EmitDirected(m, code, rule, frame, sources, targets, priority, clause, trigger);
        }

        private void EmitDirected(Match m, EventCode code, string rule, PatternFrame frame, List<ActorMention> sources, List<ActorMention> targets, int priority, Clause clause, TextSpan trigger)
        {
            if (sources.Count == 0)
                return;
            var heads = sources.Select(s => s.Code.Head).ToHashSet();
            if (targets.Count == 0 && heads.Count >= 2 && code.RootNumber <= 5 && frame is not PatternFrame.Visit)
            {
                for (var i = 0; i < sources.Count; i++)
                {
                    for (var j = i + 1; j < sources.Count; j++)
                        Add(sources[i], sources[j], code, rule + ".pairs", trigger, true, priority, false, sources);
                }
                return;
            }
            var verbal = code.RootNumber is <= 5 or (>= 9 and <= 13);
            if (targets.Count == 0 && verbal)
            {
                // "demanded that the United States match …", "urged that Israel ease …": the one asked is the subject of the that-clause.
                for (var k = m.End; k < Math.Min(view.Count - 1, m.End + 3); k++)
                {
                    if (view.Words[k] is not "that")
                        continue;
                    var asked = view.GroupAt[k + 1] ?? (k + 2 < view.Count && view.Words[k + 1] is "the" or "its" or "their" or "his" or "her" or "all" ? view.GroupAt[k + 2] : null);
                    if (asked is not null)
                    {
                        targets.AddRange(asked.Actors.Where(a => !heads.Contains(a.Code.Head) || a.Code.Sector.Length > 0));
                        rule += ".that";
                        break;
                    }
                }
            }
            if (targets.Count == 0 && code.Root == "13")
            {
                // "threatened to halt talks if the United States deploys …": the threat is aimed at the condition's subject.
                var condition = view.Clauses.FirstOrDefault(c => c.Start >= m.End && c.Opener is "if" or "unless" && c.Start - m.End < 15);
                var who = condition is null ? null : view.Groups.FirstOrDefault(g => g.Start >= condition.Start && g.Start <= condition.Start + 3);
                if (who is not null)
                {
                    targets.AddRange(who.Actors.Where(a => !heads.Contains(a.Code.Head) || a.Code.Sector.Length > 0 && sources.All(x => x.Code.Sector != a.Code.Sector)));
                    rule += ".condition";
                }
            }
            if (targets.Count == 0 && code.Root is "10" or "02")
            {
                // "demanded that the Interior Ministry be taken away from …": a demand is made of the subject of the clause that states it.
                var content = view.Clauses.FirstOrDefault(c => c.Opener is "that" && c.Start >= m.End && c.Start - m.End <= 2);
                var who = content is null ? null : view.Groups.FirstOrDefault(g => g.Start > content.Start && g.Start <= content.Start + 6 && g.End <= content.End);
                if (who is not null)
                {
                    targets.AddRange(who.Actors.Where(a => !heads.Contains(a.Code.Head) || a.Code.Sector.Length > 0 && sources.All(x => x.Code.Sector != a.Code.Sector)));
                    rule += ".content";
                }
            }
            var known = !heads.Contains("---");
            // Only an actor of an earlier clause: one in the trigger's own clause is its subject's companion, not its addressee.
            // An act that needs no target ("resigned", "declared a ceasefire") takes none from the context either.
            var intransitive = IntransitiveCodes.Contains(code.Value);
            if (targets.Count == 0 && verbal && known && !intransitive && frame == PatternFrame.Directed && coder._options.UseContext && NearestBefore(m.Index, heads) is { } near
                && (view.ClauseAt[TokenOf(near)] != view.ClauseAt[m.Index] || CommaBetween(TokenOf(near), m.Index)))
            {
                // "The U.S. decided … after Kazakhstan pledged to reform": said to the actor named before.
                targets.Add(near);
                rule += ".before";
            }
            if (targets.Count == 0 && !intransitive && frame is PatternFrame.Directed or PatternFrame.Domestic or PatternFrame.Visit)
            {
                // Another actor of the clause ("Their relations were strained by an incursion of Uzbek forces").
                foreach (var g in view.Groups.Where(g => g.Start >= (m.Pattern.Kind == PatternKind.Noun ? clause.Start : m.End) && g.End <= clause.End
                    && !IsReporter(g)))
                {
                    // Force and coercion may be used at home: police against demonstrators of their own state.
                    var other = g.Actors.Where(a => a.Code.Head != "---" && (!heads.Contains(a.Code.Head)
                        || StateForce(m, code, sources, a))).ToList();
                    if (other.Count > 0 && (frame != PatternFrame.Visit))
                    {
                        targets.AddRange(other);
                        rule += ".clause";
                        break;
                    }
                }
            }
            if (targets.Count == 0 && frame == PatternFrame.Domestic && HasPeopleObject(m.End))
            {
                targets.AddRange(sources.Take(1));
                rule += ".domestic";
            }
            if (targets.Count == 0 && known && frame == PatternFrame.Domestic && IsPopulationMeasure(code))
            {
                // "lifted the state of emergency in Darfur", "threatened to impose a curfew in Algiers": a measure laid on a
                // population is aimed at the state where it applies (the place named, else the source's own).
                var place = view.Locations.Where(l => l.Index >= m.End && l.Index < clause.End).Select(l => l.Actor).FirstOrDefault();
                foreach (var s in place is not null ? [place] : sources.Where(s => s.Code.IsStateLike).Take(1))
                    targets.Add(s with { Code = ActorCode.Parse(s.Code.Head), Name = s.Code.Head });
                rule += ".population";
            }
            if (targets.Count == 0 && known && IsEasedDissent(code))
            {
                // "the union called off its strike": dissent eased is eased towards the protesters' own government.
                foreach (var s in sources.Where(s => s.Code.IsStateLike && s.Code.Sector is not "GOV"))
                    targets.Add(s with { Code = s.Code.WithSector("GOV"), Name = s.Name + " (government)" });
                rule += ".government";
            }
            if (targets.Count == 0 && known && frame is PatternFrame.Directed or PatternFrame.Visit && coder._options.UseContext && code.RootNumber is <= 5 or (>= 9 and <= 13) && !UnnamedObject(m.End))
            {
                if (VisitHost(m) is { } host && !heads.Contains(host.Code.Head))
                {
                    targets.Add(host);
                    rule += ".host";
                }
                else if (!intransitive)
                {
                    // The addressee is named in another sentence, if anywhere: left to the story stage.
                    foreach (var s in sources)
                        AddOpen(s, code, rule, trigger, symmetric: false, priority);
                    return;
                }
            }
            if (targets.Count == 0 && code.Root == "14" && known)
            {
                // A protest with no named addressee is aimed at the authorities where it happens ("protested in Beijing"),
                // else at the protesters' own government.
                var place = view.Locations.Where(l => l.Index >= m.End && l.Index < clause.End).Select(l => l.Actor).FirstOrDefault();
                if (place is not null && !heads.Contains(place.Code.Head))
                {
                    targets.Add(place);
                    rule += ".place";
                }
                else
                {
                    foreach (var s in sources.Where(s => s.Code.IsStateLike && s.Code.Sector is not "GOV"))
                        targets.Add(s with { Code = s.Code.WithSector("GOV"), Name = s.Name + " (government)" });
                    rule += ".government";
                }
            }
            // "withdrew its troops from Bakassi": the place withdrawn from stands for its state, so the act is not targetless.
            var fromPlace = analysis.PlacesIn(view.Sentence).Any(p => p.Span.Start >= trigger.End && analysis.Document.Text.AsSpan(Math.Max(0, p.Span.Start - 12), Math.Min(12, p.Span.Start)).Contains("from ", StringComparison.Ordinal));
            if (targets.Count == 0 && known && intransitive && !fromPlace)
            {
                // "Hezbollah declared a unilateral ceasefire", "their forces completed the withdrawal": no one is named as
                // the target of an act that needs none; CAMEO codes it with the target left empty.
                foreach (var s in sources)
                    Add(s, s with { Code = ActorCode.Parse("---"), Name = string.Empty }, code, rule + ".no-target", trigger, false, priority, false, [s]);
                return;
            }
            foreach (var s in sources)
            {
                foreach (var named in targets)
                {
                    // "Ethnic Albanians demonstrated in Serbia": a protest in the protesters' own state is aimed at its government.
                    var t = code.Root == "14" && named.Code.Head == s.Code.Head && named.Code.Sector.Length == 0 && named.Code.IsStateLike
                        ? named with { Code = named.Code.WithSector("GOV"), Name = named.Name + " (government)" }
                        : named;
                    // One state with itself only between two different sectors ("the Sudanese government accused Darfur rebels").
                    var sectors = s.Code.Sector.Length > 0 && t.Code.Sector.Length > 0 && s.Code.Sector != t.Code.Sector && code.Root is not "06" and not "07";
                    if (s.Code.Head == t.Code.Head && frame != PatternFrame.Domestic && !sectors && !((code.Root == "14" || IsEasedDissent(code)) && t.Code.Sector == "GOV"))
                        continue;
                    Add(s, t, code, rule, trigger, false, priority + 1, false, [s, t]);
                }
            }
            // "promised to democratize Serbia", "completed their withdrawal from the Bosnian town": an act that needs no target,
            // done in the source's own state, has none.
            if (known && intransitive && targets.Count > 0 && targets.All(t => sources.Any(s => s.Code.Head == t.Code.Head && t.Code.Sector.Length == 0)))
            {
                foreach (var s in sources)
                    Add(s, s with { Code = ActorCode.Parse("---"), Name = string.Empty }, code, rule + ".no-target", trigger, false, priority, false, [s]);
            }
        }

        /// <summary>Curfews, states of emergency, martial law and administrative restrictions: imposed, eased or threatened (081x, 132x, 172x, 0351).</summary>
        private static bool IsPopulationMeasure(EventCode code) =>
            code.Value.StartsWith("081", StringComparison.Ordinal) || code.Value.StartsWith("172", StringComparison.Ordinal)
            || code.Value.StartsWith("132", StringComparison.Ordinal) || code.Value is "0351";

        /// <summary>Easing dissent: calling off or postponing a strike or protest (082), or agreeing to (0352).</summary>
        private static bool IsEasedDissent(EventCode code) => code.Value is "082" or "0352";

        /// <summary>"Egyptian police opened fire to disperse demonstrators": a state's forces acting by force on people of their own state.</summary>
        private static bool StateForce(Match m, EventCode code, List<ActorMention> sources, ActorMention target) =>
            m.Pattern.Kind == PatternKind.Verb && code.RootNumber >= 17
            && sources.All(x => x.Code.Sector is "COP" or "MIL" or "SPY")
            && target.Code.Sector is "OPP" or "CVL" or "REB" or "REL" or "LAB" or "EDU" or "MED";

        private bool CommaBetween(int from, int to)
        {
            for (var k = from + 1; k < to; k++)
            {
                if (view.Words[k] is "," or ";")
                    return true;
            }
            return false;
        }

        private int TokenOf(ActorMention a)
        {
            for (var k = 0; k < view.Count; k++)
            {
                if (view.Tokens[k].Span.End > a.Span.Start)
                    return k;
            }
            return view.Count - 1;
        }

        /// <summary>The nearest actor of another state named before the trigger in this sentence.</summary>
        private ActorMention? NearestBefore(int trigger, IReadOnlyCollection<string> heads)
        {
            foreach (var g in view.Groups.Where(g => g.End <= trigger).Reverse())
            {
                if (g.Actors.LastOrDefault(a => !heads.Contains(a.Code.Head) && a.Code.Head != "---") is { } other)
                    return other;
            }
            return null;
        }

        /// <summary>"asked all oil-producing countries", "urged the parties": the object is there but names no actor.</summary>
        private bool UnnamedObject(int after)
        {
            for (var k = after; k < Math.Min(view.Count, after + 4); k++)
            {
                var w = view.Words[k];
                if (view.GroupAt[k] is not null || w is "," or "." or ";")
                    return false;
                if (coder.Table.InClass("people", w) || w is "countries" or "states" or "nations" or "governments" or "groups" or "parties" or "sides" or "members" or "neighbours" or "neighbors")
                    return true;
            }
            return false;
        }

        private bool HasPeopleObject(int after)
        {
            for (var k = after; k < Math.Min(view.Count, after + 5); k++)
            {
                if (coder.Table.InClass("people", view.Words[k]))
                    return true;
            }
            return false;
        }

        /// <summary>The host of a visit named in the same sentence ("during a visit to Kyrgyzstan, … proposed").</summary>
        private ActorMention? VisitHost(Match m) =>
            found.Where(c => c.Mention.Code.Value == "042" && c.Mention.Sentence == view.Sentence.Index).Select(c => c.Participants[^1]).FirstOrDefault();

        /// <summary>The state whose capital or city is named as the place of a meeting.</summary>
        private string? Venue(Match m, List<ActorMention> participants)
        {
            foreach (var (index, actor) in view.Locations)
            {
                if (index > m.Index - 8 && participants.Any(p => p.Code.Head == actor.Code.Head))
                    return actor.Code.Head;
            }
            foreach (var place in analysis.PlacesIn(view.Sentence))
            {
                // A participant named as itself ("The US, Russia and Switzerland met") is no venue.
                if (participants.Any(p => p.Span.Start < place.Span.End && place.Span.Start < p.Span.End))
                    continue;
                // Nor is a state that only qualifies a noun ("a speech on US relations") or says where someone comes from
                // ("dissidents from Myanmar").
                var named = view.Groups.FirstOrDefault(g => g.Actors.Any(a => a.Span.Start < place.Span.End && place.Span.Start < a.Span.End));
                if (named is not null && (PrepositionBefore(named, 0) is "from"
                        || named.End < view.Count && view.Tokens[named.End].IsWord && !SentenceView.Prepositions.Contains(view.Words[named.End])
                           && view.Words[named.End] is not ("and" or "or" or "today" or "yesterday")))
                    continue;
                if (participants.Any(p => p.Code.Head == place.Country))
                    return place.Country;
            }
            return null;
        }

        /// <summary>An act whose partner (or, for <paramref name="source"/> null, whose every participant) the sentence does not name.</summary>
        private void AddOpen(ActorMention? source, EventCode code, string rule, TextSpan trigger, bool symmetric, int priority)
        {
            var none = new EventActor(ActorCode.Parse("---"), string.Empty);
            var mention = new EventMention
            {
                Sentence = view.Sentence.Index,
                Source = source is null ? none : new EventActor(source.Code, source.Name, source.Span),
                Target = none,
                Code = code,
                Trigger = trigger,
                Rule = "events." + rule + ".open",
                Symmetric = symmetric,
            };
            found.Add(new Candidate { Mention = mention, Participants = source is null ? [] : [source], Priority = priority + code.Value.Length, Open = true });
        }

        private void Add(ActorMention source, ActorMention target, EventCode code, string rule, TextSpan trigger, bool symmetric, int priority, bool setting, List<ActorMention> participants)
        {
            // One state with itself only between two different sectors (government and rebels), or for repression.
            if (source.Code.Head == target.Code.Head && code.Root is not "17" && !(code.Root == "14" && target.Code.Sector == "GOV" && source.Code.Sector != "GOV")
                && !(IsPopulationMeasure(code) && target.Code.Sector.Length == 0)
                && (source.Code.Sector.Length == 0 || target.Code.Sector.Length == 0 || source.Code.Sector == target.Code.Sector))
                return;
            // Armed forces of a state fighting use conventional force (19x), not unconventional violence (18x).
            // So does a state named bare whose aircraft or artillery did it ("Russian aircraft killed …").
            if (code.Value is "180" or "183" && (source.Code.Sector.StartsWith("MIL", StringComparison.Ordinal)
                || source.Code.IsStateLike && source.Code.Sector.Length == 0 && view.Words.Any(w => coder.Table.InClass("air", w) || w is "shelling" or "shelled" or "artillery" or "mortars")))
            {
                code = EventCode.Parse(view.Words.Any(w => coder.Table.InClass("air", w)) ? AerialCode(view.Words) : view.Words.Any(w => w is "shelling" or "shelled" or "artillery" or "mortars") ? "194" : "190");
                rule += ".military";
            }
            var mention = new EventMention
            {
                Sentence = view.Sentence.Index,
                Source = new EventActor(source.Code, source.Name, source.Span),
                Target = new EventActor(target.Code, target.Name, target.Span),
                Code = code,
                Trigger = trigger,
                Rule = "events." + rule,
                Symmetric = symmetric,
            };
            found.Add(new Candidate { Mention = mention, Participants = participants, Priority = priority + code.Value.Length, Setting = setting });
        }
    }
}

public static class EventCoderExtensions
{
    /// <summary>Adds the CAMEO event coder (replacing any earlier one).</summary>
    public static PipelineBuilder UseEvents(this PipelineBuilder builder, EventCoderOptions? options = null) =>
        builder.Replace(new EventCoder(options));
}
