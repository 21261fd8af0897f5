using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Stages.Events;

namespace Dyad.Stages.Facts;

/// <summary>
/// Finds stated relations that are not events: leases (and the rent paid), trade volumes, export shares,
/// memberships, chairs, main trading partners, border agreements and partnerships. Runs after the event
/// coder (border agreements, partnerships and memberships come from signing events) and before anchoring,
/// which gives each fact its dates and amounts.
/// </summary>
public sealed class FactExtractor : IStage
{
    public string Name => "facts";

    public void Run(Analysis analysis)
    {
        var discourse = new Discourse();
        var byIndex = analysis.Actors.GroupBy(a => a.Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var events = analysis.Events.ToLookup(e => e.Sentence);
        // What makes a fact a repeat within its sentence, for every fact so far: a long document's facts are not
        // scanned again for each new one.
        var known = new HashSet<(int, string, string, string)>(analysis.Facts.Select(Key));
        foreach (var sentence in analysis.Sentences)
        {
            if (sentence.Tokens.Count == 0)
                continue;
            var views = analysis.SentenceViews;
            var view = (uint)sentence.Index < (uint)views.Length && views[sentence.Index] is { } built && built.Sentence == sentence ? built : null;
            if (view is null)
                view = new SentenceView(sentence, byIndex.GetValueOrDefault(sentence.Index) ?? [], analysis.Document.Text, discourse);
            else
                views[sentence.Index] = null; // read once: a long document does not keep every sentence's view alive
            new SentenceFacts(analysis, view, events[sentence.Index].ToList(), LastPair(events, sentence.Index), known).Find();
            var pair = view.Groups.LastOrDefault(g => g.Actors.Count >= 2);
            if (pair is not null)
                discourse.SetPair(pair.Actors);
        }
    }

    /// <summary>The two sides of the last event before the sentence: what "trade" means when no side is named.</summary>
    private static (EventActor, EventActor)? LastPair(ILookup<int, EventMention> events, int sentence)
    {
        // Looks back three sentences through the per-sentence lookup, not through every event of the document.
        for (var s = sentence - 1; s >= sentence - 3 && s >= 0; s--)
        {
            var last = events[s].LastOrDefault();
            if (last is not null)
                return (last.Source, last.Target);
        }
        return null;
    }

    private static (int, string, string, string) Key(Fact f) => (f.Sentence, f.Predicate, f.Subject.Code.Head, f.Object.Code.Head);

    private sealed class SentenceFacts(Analysis analysis, SentenceView view, List<EventMention> events, (EventActor A, EventActor B)? context,
        HashSet<(int, string, string, string)> known)
    {
        private string[] W => view.Words;

        public void Find()
        {
            Leases();
            Rent();
            Trade();
            ExportShare();
            MainPartner();
            Chair();
            Membership();
            FromSignings();
        }

        /// <remarks>The words come as a span: the calls' literal lists are then not a new array each time.</remarks>
        private int IndexOf(params ReadOnlySpan<string> words)
        {
            for (var i = 0; i < W.Length; i++)
            {
                if (words.Contains(W[i]))
                    return i;
            }
            return -1;
        }

        private ActorGroup? GroupBefore(int i) => view.Groups.LastOrDefault(g => g.End <= i);

        private ActorGroup? GroupAfter(int i, params string[] preps) =>
            view.Groups.FirstOrDefault(g => g.Start > i && (preps.Length == 0 || g.Start > 0 && PrepBefore(g) is { } p && preps.Contains(p)));

        private string? PrepBefore(ActorGroup g)
        {
            for (var k = g.Start - 1; k >= Math.Max(0, g.Start - 3); k--)
            {
                if (SentenceView.Prepositions.Contains(W[k]))
                    return W[k];
            }
            return null;
        }

        private TextSpan Span(int from, int to) => new(view.Tokens[from].Span.Start, view.Tokens[Math.Min(to, W.Length) - 1].Span.End);

        private static bool IsOrg(ActorMention a) => a.Kind == "organization" || !a.Code.IsStateLike;

        private static EventActor Actor(ActorMention a) => new(a.Code, a.Name, a.Span);

        private Fact Add(EventActor subject, string predicate, EventActor obj, TextSpan trigger, string rule, string? what = null)
        {
            var fact = new Fact
            {
                Sentence = view.Sentence.Index,
                Subject = subject,
                Predicate = predicate,
                Object = obj,
                Trigger = trigger,
                Rule = "facts." + rule,
                What = what,
            };
            if (subject.Code.Head != obj.Code.Head && known.Add(Key(fact)))
            {
                analysis.Facts.Add(fact);
                if (analysis.Tracing)
                    analysis.Trace.Add($"  fact {subject.Code} {predicate} {obj.Code} rule {fact.Rule}");
            }
            return fact;
        }

        /// <summary>The capitalized name after a word ("lease the Baikonur Cosmodrome").</summary>
        private string? NameAfter(int i)
        {
            var k = i;
            while (k < W.Length && W[k] is "the" or "a" or "an")
                k++;
            var start = k;
            while (k < W.Length && view.Tokens[k].IsCapitalized && view.GroupAt[k] is null)
                k++;
            return k > start ? string.Join(" ", view.Tokens.Skip(start).Take(k - start).Select(t => t.Text)) : null;
        }

        /// <summary>"the United States leases the base from Japan until 2030": the owner leases to the user.</summary>
        private void Leases()
        {
            var i = IndexOf("lease", "leases", "leased", "leasing", "rents", "rented");
            if (i < 0)
                return;
            var owner = GroupAfter(i, "from");
            var user = GroupBefore(i);
            if (owner is null || user is null)
                return;
            var ownerActor = owner.Actors[0];
            var userActor = user.Actors.FirstOrDefault(a => a.Code.Head != ownerActor.Code.Head);
            if (userActor is null)
                return;
            Add(Actor(ownerActor), "leases", Actor(userActor), Span(i, i + 1), "lease", NameAfter(i + 1));
        }

        /// <summary>"Russia is paying $115 million in rent annually": the rent of the last lease.</summary>
        private void Rent()
        {
            var i = IndexOf("rent", "rental");
            if (i < 0)
                return;
            var money = analysis.QuantitiesIn(view.Sentence).Where(q => q.Kind == "money").ToList();
            var lease = analysis.Facts.LastOrDefault(f => f.Predicate == "leases" && f.Sentence >= view.Sentence.Index - 3 && f.Sentence <= view.Sentence.Index);
            if (money.Count == 0 || lease is null || lease.Quantities.Count > 0)
                return;
            lease.Quantities.AddRange(money);
        }

        /// <summary>"Trade between Kazakhstan and Iran is … $2 billion a year", "Trade … doubling to $24 billion in 2012".</summary>
        private void Trade()
        {
            var i = IndexOf("trade");
            if (i < 0 || !analysis.QuantitiesIn(view.Sentence).Any(q => q.Kind == "money"))
                return;
            if (i + 1 < W.Length && W[i + 1] is "deals" or "deal" or "agreement" or "agreements")
                return;
            var between = GroupAfter(i, "between");
            if (between is { Actors.Count: >= 2 })
            {
                Add(Actor(between.Actors[0]), "trade_volume", Actor(between.Actors[1]), Span(i, i + 1), "trade.between");
                return;
            }
            if (i <= 1 && context is { } pair)
                Add(pair.A, "trade_volume", pair.B, Span(i, i + 1), "trade.context");
        }

        /// <summary>"China accounts for 12% of Kazakhstan's oil exports", "the EU takes 72% of Kazakhstan's oil exports".</summary>
        private void ExportShare()
        {
            var i = IndexOf("exports", "imports");
            if (i < 0 || !analysis.QuantitiesIn(view.Sentence).Any(q => q.Kind == "percent"))
                return;
            var of = view.Groups.LastOrDefault(g => g.End <= i && g.End < W.Length && W[g.End] is "'s" or "’s");
            if (of is null)
                return;
            var clauseStart = view.ClauseOf(of.Start).Start;
            var taker = view.Groups.LastOrDefault(g => g.End <= of.Start && g.Start >= clauseStart && g != of)
                ?? view.Groups.LastOrDefault(g => g.End <= of.Start && g != of);
            if (taker is null)
                return;
            var what = string.Join(" ", W[(of.End + 1)..(i + 1)]);
            Add(Actor(taker.Actors[0]), W[i] == "exports" ? "export_share" : "import_share", Actor(of.Actors[0]), Span(i, i + 1), "share", what);
        }

        /// <summary>"Germany, its main trading partner", "China is Mongolia's largest trading partner".</summary>
        private void MainPartner()
        {
            for (var i = 1; i + 1 < W.Length; i++)
            {
                if (W[i] is not ("trading" or "trade") || W[i + 1] is not "partner" || W[i - 1] is not ("main" or "largest" or "biggest" or "top" or "principal" or "leading"))
                    continue;
                var clause = view.ClauseOf(i);
                var subject = view.Groups.LastOrDefault(g => g.End <= clause.Start && clause.Opener is "which" or "who")
                    ?? view.Groups.LastOrDefault(g => g.Start >= clause.Start && g.End <= i && !(g.End < W.Length && W[g.End] is "'s" or "’s"));
                var of = view.Groups.LastOrDefault(g => g.End < i && g.End < W.Length && W[g.End] is "'s" or "’s" && g != subject)
                    ?? view.Groups.FirstOrDefault(g => g != subject);
                if (subject is null || of is null)
                    return;
                var partner = of.Actors.FirstOrDefault(a => a.Code.Head != subject.Actors[0].Code.Head);
                if (partner is not null)
                    Add(Actor(subject.Actors[0]), "main_trading_partner", Actor(partner), Span(i - 1, i + 2), "main-partner");
                return;
            }
        }

        /// <summary>"Kazakhstan became OSCE chair in 2010", "Kazakhstan chaired the OSCE", "took over the chairmanship of the SCO".</summary>
        private void Chair()
        {
            var i = IndexOf("chair", "chaired", "chairs", "chairmanship", "chairmanship-in-office", "presidency");
            if (i < 0)
                return;
            var org = view.Groups.FirstOrDefault(g => Math.Abs(g.Start - i) <= 3 && g.Actors.Any(a => IsOrg(a)));
            var state = view.Groups.FirstOrDefault(g => g != org && g.End <= i && g.Actors.Any(a => !IsOrg(a)));
            if (org is null || state is null || !(W.Contains("became") || W.Contains("chaired") || W.Contains("chairs") || W.Contains("took") || W.Contains("holds") || W.Contains("assumed")))
                return;
            Add(Actor(state.Actors[0]), "chair_of", Actor(org.Actors.First(a => IsOrg(a))), Span(i, i + 1), "chair");
        }

        /// <summary>"X joined Y", "X became a member of Y", "the founding members being A, B and C".</summary>
        private void Membership()
        {
            var i = IndexOf("joined", "joins", "member", "members", "membership", "acceded");
            if (i < 0)
                return;
            if (W[i] is "joined" or "joins" or "acceded")
            {
                var who = GroupBefore(i);
                var org = GroupAfter(i);
                if (who is not null && org is not null && org.Actors.Any(a => IsOrg(a)) && (org.Start - i) <= 3)
                {
                    foreach (var a in who.Actors)
                        Add(Actor(a), "member_of", Actor(org.Actors.First(x => IsOrg(x))), Span(i, i + 1), "join");
                }
                return;
            }
            if (W[i] is "member" && i > 0 && W[i - 1] is "a" or "full" && GroupAfter(i, "of") is { } of && GroupBefore(i) is { } state && of.Actors.Any(a => IsOrg(a)))
            {
                foreach (var a in state.Actors)
                    Add(Actor(a), "member_of", Actor(of.Actors.First(x => IsOrg(x))), Span(i, i + 1), "member");
            }
        }

        /// <summary>Signings that establish a body, settle a border or make a partnership.</summary>
        private void FromSignings()
        {
            foreach (var e in events.Where(e => e.Code.Value is "057" or "050" or "030" && e.Symmetric))
            {
                var clause = view.ClauseOf(TokenAt(e.Trigger.Start));
                var words = W[clause.Start..clause.End];
                if (words.Contains("border") || words.Contains("boundary") || words.Contains("demarcation") || words.Contains("delimitation"))
                    Add(e.Source, "border_agreement", e.Target, e.Trigger, "sign.border");
                if (words.Contains("partnership") || words.Contains("partners"))
                    Add(e.Source, "partnership", e.Target, e.Trigger, "sign.partnership");
                var est = Array.FindIndex(words, w => w is "establishing" or "founding" or "creating" or "establish" or "established" or "create" or "created");
                if (est >= 0)
                {
                    var org = view.Groups.FirstOrDefault(g => g.Start > clause.Start + est && g.Start <= clause.Start + est + 4 && g.Actors.Any(a => IsOrg(a)));
                    if (org is not null)
                    {
                        var body = Actor(org.Actors.First(a => IsOrg(a)));
                        Add(e.Source, "member_of", body, e.Trigger, "sign.establish");
                        Add(e.Target, "member_of", body, e.Trigger, "sign.establish");
                    }
                }
            }
        }

        private int TokenAt(int offset)
        {
            for (var k = 0; k < view.Tokens.Count; k++)
            {
                if (view.Tokens[k].Span.End > offset)
                    return k;
            }
            return view.Tokens.Count - 1;
        }
    }
}

public static class FactExtractorExtensions
{
    /// <summary>Adds the fact finder; it goes after the event coder and before anchoring.</summary>
    public static PipelineBuilder UseFacts(this PipelineBuilder builder) => builder.Replace(new FactExtractor());
}
