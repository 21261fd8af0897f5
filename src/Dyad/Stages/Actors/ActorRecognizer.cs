using System.Collections.Frozen;
using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Stages.Actors;

/// <summary>
/// Finds actors in each sentence and adds <see cref="ActorMention"/>s to <see cref="Analysis.Actors"/>.
/// <list type="bullet">
/// <item>Longest dictionary phrase at each token (states, organizations, groups, people, capitals), case-sensitive;
/// ambiguous forms ("Jordan", "Turkey") are guarded by their neighbours and by context vetoes.</item>
/// <item>A country cue with an agent word becomes a sector code: "Uzbek forces" UZBMIL, "a court in Kazakhstan"
/// KAZJUD, "his Russian and Turkmen counterparts" RUSGOV + TKMGOV; a title absorbs the person after it.</item>
/// <item>People resolve by date: a four-digit year in the sentence, else the document's publication date, else their
/// latest office (the rule says which: "person.in-office@year:2005").</item>
/// <item>A capital after "in", "at"… is a <see cref="MentionRole.Location"/>; elsewhere it is the government.</item>
/// <item>A fixed group ("the five countries of central Asia") gives one mention per member state, all with the same
/// span and Kind "group"; a reference ("they", "the two states", "he") gives one mention per antecedent, Kind
/// "reference", with the antecedent in <see cref="ActorMention.Antecedents"/>.</item>
/// <item>A capitalized unknown word of six or more letters close to a name (Kazahstan) matches with a lower confidence.</item>
/// </list>
/// </summary>
public sealed class ActorRecognizer : IStage
{
    private static readonly HashSet<string> VenuePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "inside", "around", "across", "throughout", "within", "from", "via",
    };

    private static readonly HashSet<string> CueAfterPrepositions = new(StringComparer.Ordinal) { "of", "in", "from" }; // "in" only for InSectors

    /// <summary>Sectors that a location phrase ("a court in Kazakhstan") can give; troops in a country are not its troops.</summary>
    private static readonly HashSet<string> InSectors = new(StringComparer.Ordinal) { "JUD", "COP", "BUS", "CVL", "MED", "OPP", "LEG" };

    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase) { "post", "pre", "anti", "pro", "non", "ex", "neo", "pan" };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "with", "from", "by", "to", "as", "after", "before",
        "when", "while", "since", "both", "that", "this", "these", "those", "during", "under", "over", "between", "against",
        "if", "although", "though", "because", "meanwhile", "however", "also", "then", "it", "its", "his", "her", "their",
        "new", "former", "late", "mr", "mrs", "ms", "dr", "photo", "caption",
    };

    private readonly ActorDictionary _dictionary;

    public ActorRecognizer(ActorDictionary? dictionary = null) => _dictionary = dictionary ?? ActorDictionary.Default;

    public string Name => "actors";

    /// <summary>The dictionary this stage reads.</summary>
    public ActorDictionary Dictionary => _dictionary;

    public void Run(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var history = new List<List<ActorMention>>();
        var context = new DocumentContext();
        foreach (var sentence in analysis.Sentences)
        {
            List<ActorMention> found;
            try
            {
                found = Recognize(analysis, sentence, history, context);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException)
            {
                analysis.Diagnostics.Add(new Diagnostic(Severity.Warning, Name, $"actor recognition failed: {ex.Message}", sentence.Index));
                found = [];
            }
            analysis.Actors.AddRange(found);
            if (analysis.Tracing)
            {
                foreach (var m in found)
                    analysis.Trace.Add($"actors {sentence.Index} '{m.Text}' {m.Code} {m.Role} {m.Entry} {m.Rule}");
            }
            history.Add(found);
        }
    }

    private enum RawKind
    {
        Entry,
        Agent,
        Reference,
    }

    private sealed record Raw(int Start, int End, TextSpan Span, RawKind Kind, ActorEntry? Entry, AgentEntry? Agent, ReferenceEntry? Reference, double Confidence, string How)
    {
        public bool Consumed { get; set; }

        /// <summary>For an agent: the cues it was combined with.</summary>
        public List<Raw> Cues { get; } = [];

        /// <summary>For an agent: the cues of the modifier agent before it ("Algerian government forces").</summary>
        public List<Raw> Inherited { get; } = [];

        public bool IsCue => Kind == RawKind.Entry && Entry!.Form is EntryForm.Name or EntryForm.Adjective or EntryForm.Demonym or EntryForm.Capital
            && Entry.Members.Count == 0;

        public bool IsTitle => Kind == RawKind.Agent && Agent!.Title;

        public bool IsPerson => Kind == RawKind.Entry && Entry!.Form == EntryForm.Person;
    }

    private readonly record struct Period(DateOnly From, DateOnly To, string How);

    /// <summary>What a document tells about places: the country of its dateline ("KABUL, Afghanistan:").</summary>
    private sealed class DocumentContext
    {
        public string? DatelineCountry { get; set; }
    }

    /// <summary>Where a cue-less agent word ("insurgents", "the government") belongs, best first.</summary>
    private readonly record struct AloneContext(string? Place, string? Dateline, int DatelineEnd, string? Previous);

    private List<ActorMention> Recognize(Analysis analysis, Sentence sentence, List<List<ActorMention>> history, DocumentContext document)
    {
        var tokens = sentence.Tokens as List<Token> ?? [.. sentence.Tokens];
        var text = analysis.Document.Text;
        var period = PeriodOf(tokens, analysis.Document.Published);
        var raws = Scan(tokens, period);
        var mentions = new List<ActorMention>();
        var datelineEnd = Dateline(tokens, raws, out var datelineCountry);
        if (datelineCountry is not null && (sentence.Index == 0 || document.DatelineCountry is null))
            document.DatelineCountry = datelineCountry;
        var alone = new AloneContext(PlaceCountry(tokens, raws, datelineEnd), document.DatelineCountry, datelineEnd, PreviousState(history));

        ActorMention Make(TextSpan span, ActorCode code, string name, string kind, string entry, string rule, double confidence, MentionRole role = MentionRole.Actor) =>
            new(sentence.Index, span, span.Slice(text), code, name, role, entry, rule, confidence) { Kind = kind };

        // People and agent words first: they claim the titles and country cues beside them.
        for (var k = 0; k < raws.Count; k++)
        {
            var r = raws[k];
            if (r.Consumed)
                continue;
            if (r.Kind == RawKind.Entry && r.IsPerson)
            {
                var (start, claimed, title) = ClaimTitleAndCue(tokens, raws, k);
                var resolved = ResolvePerson(r.Entry!, period);
                var span = new TextSpan(title ? tokens[start].Span.Start : r.Span.Start, r.Span.End);
                var rule = $"person.{resolved.How}@{period?.How ?? "latest"}{(title ? "+title" : string.Empty)}{r.How}";
                mentions.Add(Make(span, resolved.Code, r.Entry!.Name, "person", r.Entry.Id, rule, r.Confidence * (r.Entry.Ambiguous ? 0.8 : 1.0)));
                r.Consumed = true;
                foreach (var c in claimed)
                    c.Consumed = true;
            }
        }
        AddCommunities(tokens, raws, mentions, Make, alone);
        for (var k = 0; k < raws.Count; k++)
        {
            if (!raws[k].Consumed && raws[k].Kind == RawKind.Agent)
                AddAgent(raws[k], k, tokens, raws, mentions, Make, alone);
        }
        for (var k = 0; k + 1 < raws.Count; k++)
        {
            // "the Kazakh Security Council", "Russia's Security Council": a state's own council, not the UN's.
            if (!raws[k].Consumed && raws[k].IsCue && raws[k].Entry!.Kind == "state" && raws[k].Entry!.Form is EntryForm.Adjective or EntryForm.Name
                && !raws[k + 1].Consumed && raws[k + 1].Kind == RawKind.Entry && raws[k + 1].Entry!.Tokens is ["Security", "Council"]
                && (raws[k + 1].Start == raws[k].End || raws[k + 1].Start == raws[k].End + 1 && tokens[raws[k].End].Text is "'s" or "\u2019s")
                && ActorCode.TryParse(raws[k].Entry!.Code.Head + "GOV", out var council))
            {
                mentions.Add(Make(new TextSpan(raws[k].Span.Start, raws[k + 1].Span.End), council, raws[k].Entry!.Name, "sector", raws[k].Entry!.Id + "+security-council", "agent.cue-before.council", 1.0));
                raws[k].Consumed = true;
                raws[k + 1].Consumed = true;
            }
        }
        for (var k = 0; k + 1 < raws.Count; k++)
        {
            // "in Western Cambodia", "Eastern European Bosnia": a region adjective before a state names a part of it.
            if (!raws[k].Consumed && raws[k].Kind == RawKind.Entry && raws[k].Entry!.Kind == "region" && raws[k].Entry!.Form == EntryForm.Adjective
                && raws[k + 1].Start == raws[k].End && raws[k + 1].Kind == RawKind.Entry && raws[k + 1].Entry!.Kind == "state" && raws[k + 1].Entry!.Form == EntryForm.Name)
                raws[k].Consumed = true;
        }
        foreach (var r in raws)
        {
            if (!r.Consumed && r.Kind == RawKind.Entry)
                AddEntry(r, tokens, period, mentions, Make, r.End <= datelineEnd);
        }
        AddUnknownOrganizations(tokens, raws, mentions, Make, alone, text);
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        // "Ukrainian Foreign Minister and CiO Kozhara": the title names the same person as the name just after it.
        mentions.RemoveAll(m => m.Kind == "sector" && m.Rule.StartsWith("agent.cue-before", StringComparison.Ordinal)
            && mentions.Any(p => p.Kind == "person" && p.Code == m.Code && p.Span.Start > m.Span.End && p.Span.Start - m.Span.End <= 12
                && text.AsSpan(m.Span.End, p.Span.Start - m.Span.End).Trim().StartsWith("and", StringComparison.Ordinal)));
        foreach (var r in raws)
        {
            if (r.Kind == RawKind.Reference)
                AddReference(r, mentions, history, Make);
        }
        // "the Burma Freedom and Democracy Act", "the Iran Sanctions Act": a state named in the title of a law is no actor.
        mentions.RemoveAll(m => InTitleOfLaw(text, m.Span));
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return mentions;
    }

    private static readonly FrozenSet<string> TitleConnectors = FrozenSet.ToFrozenSet(["and", "of", "for", "the", "on", "to", "in", "&"], StringComparer.Ordinal);

    /// <summary>True when capitalized words (and "and", "of", "for"…) run from the mention to "Act" or "Acts".</summary>
    private static bool InTitleOfLaw(string text, TextSpan span)
    {
        var words = 0;
        var k = span.End;
        while (words < 9)
        {
            while (k < text.Length && text[k] == ' ')
                k++;
            var start = k;
            while (k < text.Length && (char.IsLetter(text[k]) || text[k] is '-' or '\'' or '’' or '&'))
                k++;
            if (k == start)
                return false;
            var word = text[start..k];
            if (word is "Act" or "Acts")
                return words > 0;
            if (!char.IsUpper(word[0]) && !TitleConnectors.Contains(word))
                return false;
            words++;
        }
        return false;
    }

    private void AddEntry(Raw r, List<Token> tokens, Period? period, List<ActorMention> mentions,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make, bool inDateline)
    {
        var e = r.Entry!;
        // "a Boeing 777", "the Airbus A320": a maker's name before a model number names the product, not the company.
        if (e.Kind == "sector" && r.End < tokens.Count && (tokens[r.End].Kind == TokenKind.Number || tokens[r.End].IsWord && tokens[r.End].Text.Any(char.IsDigit)))
            return;
        if (inDateline && e.Code.IsStateLike && e.Members.Count == 0)
        {
            // "GAZA CITY, Palestinian Territories:", "KABUL, Afghanistan (AFP) -": the dateline says where, not who.
            mentions.Add(make(r.Span, ActorCode.Parse(e.Code.Head), e.Name, "state", e.Id, "dateline.location" + r.How, r.Confidence, MentionRole.Location));
            return;
        }
        if (e.Members.Count > 0)
        {
            foreach (var member in e.Members)
                mentions.Add(make(r.Span, member, e.Name, "group", e.Id, "group.member", r.Confidence, MentionRole.Actor));
            return;
        }
        if (e.IsCapital)
        {
            // A dated capital ("Moscow" before 1992, "Juba" before July 2011) is its state's government in that time.
            var government = e.Code;
            var dated = string.Empty;
            if (e.Offices.Count > 0)
            {
                var resolved = period is { } q ? _dictionary.Resolve(e, q.From, q.To) : _dictionary.ResolveLatest(e);
                government = resolved.Code;
                dated = "." + resolved.How;
            }
            var venue = r.Start > 0 && VenuePrepositions.Contains(tokens[r.Start - 1].Text)
                || r.Start > 1 && tokens[r.Start - 1].Text == "the" && VenuePrepositions.Contains(tokens[r.Start - 2].Text)
                // A dateline or caption place: "Turgen, Almaty, 15 September 2004", "Astana, July 1".
                || r.Start > 1 && tokens[r.Start - 1].Text == "," && tokens[r.Start - 2].IsWord && tokens[r.Start - 2].IsCapitalized
                || r.End + 1 < tokens.Count && tokens[r.End].Text == "," && tokens[r.End + 1].Kind == TokenKind.Number;
            mentions.Add(venue
                ? make(r.Span, ActorCode.Parse(government.Head), e.Name, "state", e.Id, "capital.venue" + dated + r.How, r.Confidence, MentionRole.Location)
                : make(r.Span, government, e.Name, "state", e.Id, "capital.government" + dated + r.How, r.Confidence, MentionRole.Actor));
            return;
        }
        var code = e.Code;
        var how = e.Form switch
        {
            EntryForm.Adjective => "adjective",
            EntryForm.Demonym => "demonym",
            _ => "name",
        };
        if (e.Offices.Count > 0)
        {
            var resolved = period is { } p ? _dictionary.Resolve(e, p.From, p.To) : _dictionary.ResolveLatest(e);
            code = resolved.Code;
            how += "." + resolved.How;
        }
        mentions.Add(make(r.Span, code, e.Name, e.Kind, e.Id, $"{e.Kind}.{how}{r.How}", r.Confidence * (e.Ambiguous ? 0.9 : 1.0), MentionRole.Actor));
    }

    private static void AddAgent(Raw r, int k, List<Token> tokens, List<Raw> raws, List<ActorMention> mentions,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make, AloneContext context)
    {
        var agent = r.Agent!;
        // A title right before a person belongs to the person (handled there).
        if (agent.Title && k + 1 < raws.Count && raws[k + 1].IsPerson && raws[k + 1].Start == r.End)
            return;
        var cues = CuesBefore(tokens, raws, k);
        // "government forces", "Algerian government troops", "regime soldiers": the state's armed forces or police, one actor.
        if (agent.Sector == "GOV" && !agent.Title && k + 1 < raws.Count && raws[k + 1].Kind == RawKind.Agent && raws[k + 1].Start == r.End
            && raws[k + 1].Agent!.Sector is "MIL" or "COP" && !raws[k + 1].Agent!.Title)
        {
            raws[k + 1].Inherited.AddRange(cues);
            r.Consumed = true;
            return;
        }
        var compound = cues.Count == 0 && r.Inherited.Count > 0;
        if (compound)
            cues.AddRange(r.Inherited);
        var spanStart = cues.Count > 0 ? cues[0].Span.Start : r.Span.Start;
        var spanEnd = r.Span.End;
        var rule = compound ? "agent.cue-before.compound" : "agent.cue-before";
        if (cues.Count == 0)
        {
            // "President of Kazakhstan", "a court in Kazakhstan", "the government of the Russian Federation".
            var j = r.End;
            if (j < tokens.Count && CueAfterPrepositions.Contains(tokens[j].Text) && (tokens[j].Text != "in" || InSectors.Contains(agent.Sector)))
            {
                var at = j + 1 < tokens.Count && tokens[j + 1].Text is "the" ? j + 2 : j + 1;
                var index = raws.FindIndex(k + 1, x => x.Start == at && x.IsCue && !x.Consumed);
                // "ministers from the Georgian government": an adjective before its own agent is that agent's cue.
                if (index >= 0 && index + 1 < raws.Count && raws[index].Entry!.Form == EntryForm.Adjective
                    && raws[index + 1].Kind == RawKind.Agent && raws[index + 1].Start == raws[index].End)
                    index = -1;
                // "leaders of Romania's new government": a possessive cue belongs to what follows it.
                if (index >= 0 && raws[index].End < tokens.Count && tokens[raws[index].End].Text is "'s" or "\u2019s")
                    index = -1;
                while (index >= 0)
                {
                    var cue = raws[index];
                    cues.Add(cue);
                    spanEnd = cue.Span.End;
                    rule = "agent.cue-after";
                    // "President of Belarus Alexander Lukashenko": the person after the cue carries the code.
                    if (agent.Title && index + 1 < raws.Count && raws[index + 1].IsPerson && raws[index + 1].Start == cue.End)
                        return;
                    // "Lawmakers in Fornost and Gondor", "the ambassadors of Arnor, Osgiliath and Gondor".
                    var after = cue.End;
                    if (after < tokens.Count && tokens[after].Text is "and" or "," && index + 1 < raws.Count && raws[index + 1].IsCue
                        && raws[index + 1].Start == after + (after + 1 < tokens.Count && tokens[after + 1].Text == "and" ? 2 : 1))
                        index++;
                    else
                        index = -1;
                }
            }
            // "Danish media and government": the second agent shares the first one's cues.
            if (cues.Count == 0 && k > 0 && raws[k - 1].Kind == RawKind.Agent && raws[k - 1].Cues.Count > 0
                && raws[k - 1].End + 1 == r.Start && tokens[r.Start - 1].Text is "and" or ",")
            {
                cues.AddRange(raws[k - 1].Cues);
                spanStart = r.Span.Start;
                rule = "agent.shared-cue";
            }
        }
        if (cues.Count == 0)
        {
            AddAlone(r, k, tokens, raws, mentions, make, context);
            return;
        }
        r.Cues.AddRange(cues);
        foreach (var c in cues)
            c.Consumed = true;
        // "former security officials", "ex-ministers": former office holders are CAMEO elites.
        var former = tokens.Skip(Math.Max(0, TokenIndex(tokens, spanStart) - 1)).TakeWhile(t => t.Span.Start < r.Span.Start)
            .Any(t => t.Text is "former" or "Former" or "ex");
        // A title with a cue and a name we do not know ("Foreign Minister Ivanov"): the name belongs to the mention.
        if (agent.Title)
        {
            var j = r.End;
            while (j < tokens.Count && tokens[j].IsWord && tokens[j].IsCapitalized && !raws.Any(x => x.Start == j))
                j++;
            if (j > r.End && spanEnd == r.Span.End)
            {
                spanEnd = tokens[j - 1].Span.End;
                rule += "+name";
            }
        }
        var span = new TextSpan(spanStart, spanEnd);
        foreach (var c in cues)
        {
            var cue = c.Entry!;
            ActorCode code;
            var kind = "sector";
            if (cue.Code.IsStateLike)
            {
                var head = cue.Code.Head;
                var sector = former ? "ELI" : agent.Sector;
                var own = cue.IgnoreCase ? cue.Code.Value[3..] : string.Empty;
                // A cue that already carries the sector (the White House is USAGOV) does not get it twice.
                var suffix = own.EndsWith(sector, StringComparison.Ordinal) ? own : own + sector;
                code = agent.Prefix ? ActorCode.TryParse(agent.Sector + cue.Code.Value, out var p) ? p : cue.Code
                    : ActorCode.TryParse(head + suffix, out var s) ? s : cue.Code;
            }
            else
            {
                // Organizations keep their code ("NATO forces" is NATO); imported codes combine as PETRARCH does.
                code = cue.IgnoreCase && ActorCode.TryParse(agent.Prefix ? agent.Sector + cue.Code.Value : cue.Code.Value + agent.Sector, out var combined) ? combined : cue.Code;
                kind = "organization";
            }
            var single = cues.Count == 1 ? span
                : c.Span.Start < r.Span.Start ? new TextSpan(c.Span.Start, r.Span.End) : new TextSpan(r.Span.Start, c.Span.End);
            mentions.Add(make(single, code, cue.Name, kind, cue.Id + "+" + agent.Id, rule, c.Confidence, MentionRole.Actor));
        }
    }

    /// <summary>
    /// National or ethnic communities inside a state: "Bosnian Serbs", "Iraqi Kurdish refugees" are the adjective's state
    /// (the people of one state with the origin of another), "ethnic Albanians in Serbia", "ethnic Turkish guerrillas" the
    /// state where they live (the place the sentence names, else the one other state it names, else their own). Sector
    /// CVL, or the agent word's after them ("Bosnian Serb forces" BIHMIL).
    /// </summary>
    private static void AddCommunities(List<Token> tokens, List<Raw> raws, List<ActorMention> mentions,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make, AloneContext context)
    {
        for (var k = 0; k < raws.Count; k++)
        {
            var r = raws[k];
            if (r.Consumed || !r.IsCue || r.Entry!.Form is not (EntryForm.Adjective or EntryForm.Demonym) || !r.Entry.Code.IsStateLike
                || r.Entry.Kind != "state" || r.How.Contains("hyphen", StringComparison.Ordinal))
                continue;
            var own = r.Entry.Code.Head;
            string head;
            string rule;
            var last = k;
            if (r.Start > 0 && tokens[r.Start - 1].Text is "ethnic" or "Ethnic")
            {
                rule = "community.ethnic";
                if (context.Place is { } place && place != own)
                {
                    head = place;
                    rule += ".place";
                }
                else if (OtherState(raws, context.DatelineEnd, own) is { } other)
                {
                    head = other;
                    rule += ".sentence-state";
                }
                else
                {
                    head = own;
                    rule += ".own";
                }
            }
            else if (r.Entry.Form == EntryForm.Adjective && k + 1 < raws.Count && raws[k + 1].Start == r.End && raws[k + 1].IsCue && !raws[k + 1].Consumed
                && raws[k + 1].Entry!.Form == EntryForm.Demonym && raws[k + 1].Entry!.Kind == "state"
                && raws[k + 1].Entry!.Code.IsStateLike && raws[k + 1].Entry!.Code.Head != own)
            {
                // "Bosnian Serbs", "Afghan Tajiks"; two adjectives ("Bosnian Serb forces", "Turkish Cypriot leader") are
                // left as they were: which of the two is the community's state differs from name to name.
                head = own;
                rule = "community.adjective";
                last = k + 1;
            }
            else
            {
                continue;
            }
            var sector = "CVL";
            var end = raws[last].Span.End;
            var agentIndex = last + 1 < raws.Count && raws[last + 1].Kind == RawKind.Agent && raws[last + 1].Start == raws[last].End && !raws[last + 1].Agent!.Title
                ? last + 1 : -1;
            if (agentIndex >= 0)
            {
                sector = raws[agentIndex].Agent!.Sector;
                end = raws[agentIndex].Span.End;
                raws[agentIndex].Consumed = true;
            }
            else if (r.Entry.Form == EntryForm.Adjective && raws[last] == r)
            {
                // "ethnic Albanian" before a word we do not know ("ethnic Albanian parties"): not an actor of its own.
                r.Consumed = true;
                continue;
            }
            for (var i = k; i <= last; i++)
                raws[i].Consumed = true;
            if (!ActorCode.TryParse(head + sector, out var code))
                continue;
            var start = rule.StartsWith("community.ethnic", StringComparison.Ordinal) ? tokens[r.Start - 1].Span.Start : r.Span.Start;
            mentions.Add(make(new TextSpan(start, end), code, head, "sector", r.Entry.Id + (agentIndex >= 0 ? "+" + raws[agentIndex].Agent!.Id : string.Empty), rule, 0.8, MentionRole.Actor));
        }
    }

    /// <summary>The last word of an organization's name and the CAMEO sector it gives. Centres, institutes and foundations
    /// are left out: in the news they are mostly the affiliation of someone quoted, not a party to events.</summary>
    private static readonly Dictionary<string, string> OrganizationHeads = new(StringComparer.Ordinal)
    {
        ["Party"] = "OPP", ["Front"] = "OPP", ["Movement"] = "OPP", ["Coalition"] = "OPP", ["Alliance"] = "OPP", ["League"] = "OPP",
        ["Union"] = "OPP", ["Federation"] = "OPP", ["Confederation"] = "OPP",
        ["Committee"] = "GOV", ["Commission"] = "GOV", ["Commision"] = "GOV", ["Council"] = "GOV", ["Agency"] = "GOV", ["Authority"] = "GOV",
        ["Forum"] = "NGO", ["Association"] = "NGO", ["Society"] = "NGO", ["Foundation"] = "NGO", ["Organization"] = "NGO",
        ["Organisation"] = "NGO", ["Observatory"] = "NGO",
    };

    private static readonly HashSet<string> LabourWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Workers", "Workers'", "Teachers", "Trade", "Labour", "Labor", "Miners", "Employees", "Journalists", "Doctors", "Farmers", "Unions",
    };

    /// <summary>
    /// Organizations we do not know, by the form of their name: capitalized words (with "of", "for", "the", "and" between)
    /// ending in Party, Front, Union, Committee, Commission, Association, Forum… ("the Nigerian Union of Teachers", "the
    /// Homeland Union", "the Ceasefire Violations Committee", "the Kenya Anti-Corruption Commission"). A state named
    /// inside gives the country; parties, fronts and unions without one are domestic groups and take the sentence's
    /// place or one state, as agent words do; other bodies without one are NGO (or ---GOV). The mentions inside the
    /// name ("Nigerian", "Teachers") give way to it.
    /// </summary>
    private static void AddUnknownOrganizations(List<Token> tokens, List<Raw> raws, List<ActorMention> mentions,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make, AloneContext context, string text)
    {
        for (var i = Math.Max(0, context.DatelineEnd); i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord || !tokens[i].IsCapitalized || FunctionWords.Contains(tokens[i].Text))
                continue;
            // The run of capitalized words, with connectors only between two of them.
            var end = i;
            var head = -1;
            for (var j = i; j < tokens.Count; j++)
            {
                var t = tokens[j];
                if (t.IsWord && t.IsCapitalized && (j == i || !FunctionWords.Contains(t.Text) || t.Text is "New"))
                {
                    end = j + 1;
                    if (OrganizationHeads.ContainsKey(t.Text))
                        head = j;
                    continue;
                }
                if (t.Text is "of" or "for" or "the" or "and" or "'" or "'s" or "-" && j + 1 < tokens.Count
                    && (tokens[j + 1].IsWord && tokens[j + 1].IsCapitalized || tokens[j + 1].Text == "the" && j + 2 < tokens.Count && tokens[j + 2].IsCapitalized))
                    continue;
                break;
            }
            if (head < 0 || head == i && !(head + 1 < end && tokens[head + 1].Text is "of" or "for"))
            {
                i = Math.Max(i, end - 1);
                continue;
            }
            // "Mr X of the People's Party", "members of the Association of Jurists": the name starts after an "of" or "for"
            // that comes before its head word.
            for (var k = head - 1; k > i; k--)
            {
                if (tokens[k].Text is "of" or "for")
                {
                    i = tokens[k + 1].Text == "the" ? k + 2 : k + 1;
                    break;
                }
            }
            // "the Nigerian Union of Teachers": the name goes on after its head word with "of" or "for".
            var last = head + 1 < end && tokens[head + 1].Text is "of" or "for" ? end - 1 : head;
            if (head == i && last == head)
            {
                i = Math.Max(i, end - 1);
                continue;
            }
            var span = new TextSpan(tokens[i].Span.Start, tokens[last].Span.End);
            // A name we know (an organization, a person) is no unknown one.
            if (raws.Any(r => r.Start <= head && r.End > i && r.Kind == RawKind.Entry && (r.Entry!.Kind is not ("state" or "region") || r.End > head)))
            {
                i = end - 1;
                continue;
            }
            // "Hizbollah (Party of God)": a gloss in brackets after a name we know is that name again.
            if (i >= 2 && tokens[i - 1].Text == "(" && raws.Any(r => r.End == i - 1 && r.Kind == RawKind.Entry && r.Entry!.Kind == "organization"))
            {
                i = end - 1;
                continue;
            }
            var inside = mentions.Where(m => m.Span.Start >= span.Start && m.Span.End <= span.End).ToList();
            if (mentions.Any(m => m.Span.Start < span.End && m.Span.End > span.Start && !inside.Contains(m)))
            {
                i = end - 1;
                continue;
            }
            var sector = OrganizationHeads[tokens[head].Text];
            if (sector == "OPP" && tokens[head].Text is "Union" or "Federation" or "Confederation"
                && Enumerable.Range(i, last + 1 - i).Any(k => LabourWords.Contains(tokens[k].Text) || tokens[k].Text.EndsWith("workers", StringComparison.OrdinalIgnoreCase)))
                sector = "LAB";
            // The states named inside: adjectives ("Nigerian Union"), and names or places, the longer place first ("the
            // Movement for the Emancipation of the Niger Delta" is Nigeria's, not Niger's).
            var states = inside.Where(m => m.Code.IsStateLike && m.Code.Head != "---" && m.Entry.StartsWith("states:", StringComparison.Ordinal)
                && (m.Entry.Contains(":adjective", StringComparison.Ordinal) || m.Entry.Contains(":demonym", StringComparison.Ordinal)))
                .Select(m => m.Code.Head).ToList();
            for (var k = i; k <= last; k++)
            {
                var (length, place) = PlaceAt(tokens, raws, k);
                if (length > 0 && place is not null)
                {
                    states.Add(place);
                    k += length - 1;
                }
            }
            states = states.Distinct().ToList();
            string? country = states.Count == 1 ? states[0] : null;
            var rule = "organization.unknown";
            if (country is not null)
            {
                rule += ".state-inside";
            }
            else if (sector is "OPP" or "LAB")
            {
                country = context.Place ?? context.Dateline ?? SentenceState(raws, context.DatelineEnd, i) ?? SentenceState(raws, context.DatelineEnd, tokens.Count);
                if (country is not null)
                    rule += ".sentence";
            }
            var value = country is not null ? country + sector : sector == "NGO" ? "NGO" : "---" + sector;
            if (!ActorCode.TryParse(value, out var code))
                continue;
            mentions.RemoveAll(inside.Contains);
            var name = text[span.Start..span.End];
            mentions.Add(make(span, code, name, "organization", "unknown:" + tokens[head].Text, rule, 0.6, MentionRole.Actor));
            i = end - 1;
        }
    }

    /// <summary>The one state named in the sentence (after its dateline) other than <paramref name="own"/>, if exactly one.</summary>
    private static string? OtherState(List<Raw> raws, int datelineEnd, string own)
    {
        string? state = null;
        foreach (var r in raws)
        {
            if (r.Kind != RawKind.Entry || r.End <= datelineEnd || r.Entry!.Members.Count > 0 || !r.Entry.Code.IsStateLike
                || r.Entry.Kind is not ("state" or "person") || r.Entry.Code.Head == own)
                continue;
            if (state is not null && state != r.Entry.Code.Head)
                return null;
            state = r.Entry.Code.Head;
        }
        return state;
    }

    private static readonly HashSet<string> ModifierForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "civilian", "rebel", "militant", "guerrilla", "insurgent", "separatist", "refugee", "opposition", "extremist", "terrorist",
        "activist", "dissident", "migrant", "citizen", "student", "media", "press",
    };

    /// <summary>An agent word used as a modifier of a common noun ("civilian personnel", "refugee camp"), not a group.</summary>
    private static bool IsModifier(List<Token> tokens, Raw r) =>
        r.End - r.Start == 1 && ModifierForms.Contains(tokens[r.Start].Text) && r.End < tokens.Count && tokens[r.End].IsWord
        && !tokens[r.End].IsCapitalized && !FunctionWords.Contains(tokens[r.End].Text);

    /// <summary>Sectors of domestic groups and institutions: without any other clue they belong to the one state that the
    /// sentence names, even after the word. Armed groups (REB, MIL) and governments are left out: "militants attacked the
    /// Indian embassy", "the government thanked China" name the other party.</summary>
    private static readonly HashSet<string> DomesticSectors = new(StringComparer.Ordinal) { "OPP", "CVL", "REF", "LAB", "EDU", "JUD", "COP" };

    /// <summary>Sectors of people rather than institutions: "three Pakistani men" names where the men are from, not
    /// whose police arrested them.</summary>
    private static readonly HashSet<string> PeopleSectors = new(StringComparer.Ordinal) { "CVL", "OPP", "REF", "REB", "LAB", "EDU", "MED", "BUS", "HRI", "NGO" };

    /// <summary>The one state the sentence names after token <paramref name="from"/> as a state, an institution or an office
    /// holder: names ("Kenya"), capitals, people, and adjectives of a government word ("the Kenyan government"), but not
    /// adjectives or demonyms of people ("three Pakistani men", "Nigerians") unless <paramref name="people"/>: a head of state
    /// with no country of their own acts on their own people ("promised the Zambian people").</summary>
    private static string? InstitutionStateAfter(List<Raw> raws, int from, bool people)
    {
        string? state = null;
        for (var k = 0; k < raws.Count; k++)
        {
            var r = raws[k];
            if (r.Start < from || r.Kind != RawKind.Entry || r.Entry!.Members.Count > 0 || !r.Entry.Code.IsStateLike
                || r.Entry.Kind is not ("state" or "person") || r.How.Contains("hyphen", StringComparison.Ordinal) || r.Entry.Form == EntryForm.Demonym && !people)
                continue;
            if (!people && r.Entry.Form == EntryForm.Adjective && k + 1 < raws.Count && raws[k + 1].Kind == RawKind.Agent && raws[k + 1].Start - r.End <= 1
                && PeopleSectors.Contains(raws[k + 1].Agent!.Sector))
                continue;
            if (state is not null && state != r.Entry.Code.Head)
                return null;
            state = r.Entry.Code.Head;
        }
        return state;
    }

    /// <summary>Sectors that take the previous sentence's one state when the sentence itself names no place.</summary>
    private static readonly HashSet<string> StateSectors = new(StringComparer.Ordinal) { "GOV", "LEG", "MIL", "COP", "JUD" };

    /// <summary>
    /// An agent word without a country cue ("Insurgents shelled the city", "the government said", "police in
    /// Baghdad"): the country of the sentence's place, else the dateline's, else (state sectors) the one state of the
    /// previous sentence, else "---". A title with an unknown name ("President Laurent Gbagbo") is its state's GOV
    /// the same way. Confidence 0.6 (0.5 for "---") so that a coder can prefer cued actors.
    /// </summary>
    private static void AddAlone(Raw r, int k, List<Token> tokens, List<Raw> raws, List<ActorMention> mentions,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make, AloneContext context)
    {
        var agent = r.Agent!;
        var start = r.Span.Start;
        var end = r.Span.End;
        var rule = "agent.alone";
        if (agent.Title)
        {
            // Only a title with a name we do not know: "President Laurent Gbagbo", not "the President said".
            var j = r.End;
            while (j < tokens.Count && tokens[j].IsWord && tokens[j].IsCapitalized && !FunctionWords.Contains(tokens[j].Text) && !raws.Any(x => x.Start == j))
                j++;
            if (j == r.End || agent.Sector != "GOV")
                return;
            // "President Francois Mitterand": a first name we do not know before a person we know; the person is the actor.
            if (raws.Find(x => x.Start == j) is { } next && next.IsPerson)
                return;
            end = tokens[j - 1].Span.End;
            rule += "+name";
            // "King Hassan of Morocco", "President Kiir of South Sudan": the state after "of" is the title's.
            if (j + 1 < tokens.Count && tokens[j].Text == "of"
                && raws.Find(x => x.Start == j + 1 && x.IsCue && !x.Consumed && x.Entry!.Code.IsStateLike && x.Entry.Kind == "state") is { } of)
            {
                of.Consumed = true;
                var former = r.Start > 0 && tokens[r.Start - 1].Text is "former" or "Former" or "ousted" or "Ousted" or "ex";
                if (ActorCode.TryParse(of.Entry!.Code.Head + (former ? "ELI" : "GOV"), out var ofCode))
                    mentions.Add(make(new TextSpan(start, of.Span.End), ofCode, of.Entry.Name, "sector", of.Entry.Id + "+" + agent.Id, "agent.alone+name.of-state", 0.9, MentionRole.Actor));
                return;
            }
        }
        else if (agent.Alone is null or "no")
        {
            return;
        }
        // "the Forces for Defence of Democracy", "a National Union for the Independence of X": a capitalized agent word
        // inside a name we do not know is not that agent.
        if (!agent.Title && r.Start > 0 && char.IsUpper(tokens[r.Start].Text[0]) && r.End + 1 < tokens.Count && tokens[r.End].Text is "for" or "of"
            && (tokens[r.End + 1].IsCapitalized || tokens[r.End + 1].Text == "the" && r.End + 2 < tokens.Count && tokens[r.End + 2].IsCapitalized))
            return;
        // "the militant group Hamas", "the rebel Kurdistan Workers' Party": a descriptor of the named group after it.
        if (!agent.Title && k + 1 < raws.Count && raws[k + 1].Start == r.End && raws[k + 1].Kind == RawKind.Entry
            && raws[k + 1].Entry!.Form == EntryForm.Name && raws[k + 1].Entry!.Kind is not ("state" or "region" or "person"))
            return;
        // "the ministry's spokesman": a possessive agent before this one already names the actor.
        if (k > 0 && raws[k - 1].Kind == RawKind.Agent && raws[k - 1].End + 1 == r.Start && tokens[r.Start - 1].Text is "'s" or "\u2019s")
            return;
        string head;
        if (agent.Alone is { Length: 3 } fixedHead && fixedHead.All(char.IsUpper))
        {
            head = fixedHead;
            rule += ".fixed";
        }
        else if (PlaceBefore(tokens, raws, r.Start) is { } before)
        {
            // "Darfur rebels", "Jericho police": a known place right before the word.
            head = before.Country;
            start = tokens[before.Start].Span.Start;
            rule += ".place-before";
        }
        else if (context.Place is { } place)
        {
            head = place;
            rule += ".place";
        }
        else if (context.Dateline is { } dateline)
        {
            head = dateline;
            rule += ".dateline";
        }
        else if (SentenceState(raws, context.DatelineEnd, r.Start) is { } only)
        {
            // "Turkish police dispersed students", "Algerian landowners protested outside Parliament"; a state named
            // after the word is more often the other party ("the government thanked China") and is not used.
            head = only;
            rule += ".sentence-state";
        }
        else if (context.Previous is { } previous && StateSectors.Contains(agent.Sector))
        {
            head = previous;
            rule += ".previous-sentence";
        }
        else if ((agent.Title || DomesticSectors.Contains(agent.Sector) && !IsModifier(tokens, r)) && SentenceState(raws, context.DatelineEnd, r.Start) is null && InstitutionStateAfter(raws, r.End, agent.Title) is { } after)
        {
            // "Opposition leader X was allowed to hold a rally by the Pakistani interior ministry", "President Levy
            // Mwanawasa broke his promise to the Zambian people": a court, police, opposition, workers or a head of
            // state with no country of their own belong to the one state the sentence names.
            head = after;
            rule += ".sentence-state-after";
        }
        else
        {
            head = "---";
        }
        // "former President Ahmed Ben Bella", "ousted president Aristide": a former office holder is an elite.
        var sector = agent.Title && r.Start > 0 && tokens[r.Start - 1].Text is "former" or "Former" or "ousted" or "Ousted" or "ex" ? "ELI" : agent.Sector;
        var value = head == sector ? head : head + sector;
        if (!ActorCode.TryParse(value, out var code))
            return;
        var span = new TextSpan(start, end);
        mentions.Add(make(span, code, head == "---" ? agent.Tokens[^1] : head, "sector", agent.Id, rule, head == "---" || rule.EndsWith(".sentence-state-after", StringComparison.Ordinal) ? 0.5 : 0.6, MentionRole.Actor));
    }

    /// <summary>
    /// A dateline at the start of a sentence: a place in capitals or a known place, optionally ", Country", then ":",
    /// "(" or a dash ("LYON:", "GAZA CITY, Palestinian Territories:", "KABUL, Afghanistan (AFP) -"). Returns the token
    /// index after it (0 when there is none) and the country it names.
    /// </summary>
    private static int Dateline(List<Token> tokens, List<Raw> raws, out string? country)
    {
        country = null;
        var (length, place) = PlaceAt(tokens, raws, 0);
        if (length == 0)
            return 0;
        var j = length;
        if (j + 1 < tokens.Count && tokens[j].Text == ",")
        {
            var (more, state) = PlaceAt(tokens, raws, j + 1);
            if (more > 0)
            {
                j += 1 + more;
                place = state ?? place;
            }
        }
        // "LONDON, March 22 -", "KABUL, 5 May (AFP) -": a date may stand before the mark.
        var k = j;
        if (k + 1 < tokens.Count && tokens[k].Text == ",")
        {
            var d = k + 1;
            while (d < tokens.Count && d - k <= 4 && (tokens[d].Kind == TokenKind.Number || MonthNames.Contains(tokens[d].Text) || tokens[d].Text is "," or "."))
                d++;
            if (d > k + 1)
                j = d;
        }
        if (j >= tokens.Count || j + 1 >= tokens.Count || tokens[j].Text is not (":" or "(" or "-" or "\u2014" or "\u2013" or "--"))
            return 0;
        country = place;
        return j;
    }

    /// <summary>A place at token <paramref name="i"/>: a state or capital from this dictionary, or a gazetteer place.</summary>
    private static (int Length, string? Country) PlaceAt(List<Token> tokens, List<Raw> raws, int i)
    {
        if (i >= tokens.Count || !tokens[i].IsWord || !tokens[i].IsCapitalized)
            return (0, null);
        var length = 0;
        string? country = null;
        var raw = raws.Find(x => x.Start == i && x.Kind == RawKind.Entry && x.Entry!.Form is EntryForm.Name or EntryForm.Capital
            && x.Entry.Members.Count == 0 && x.Entry.Code.IsStateLike && x.Entry.Kind == "state");
        if (raw is not null)
        {
            length = raw.End - raw.Start;
            country = raw.Entry!.Code.Head;
        }
        if (Places.Gazetteer.Default.TryMatch(tokens, i, out var entry, out var found) && found >= length && entry.Country.Length == 3)
        {
            length = found;
            country = entry.Country;
        }
        return (length, country);
    }

    /// <summary>The country of a gazetteer place of one or two words that ends right before token <paramref name="end"/>.</summary>
    private static (string Country, int Start)? PlaceBefore(List<Token> tokens, List<Raw> raws, int end)
    {
        for (var length = 2; length >= 1; length--)
        {
            var start = end - length;
            if (start < 0)
                continue;
            var (found, country) = PlaceAt(tokens, raws, start);
            if (found == length && country is not null)
                return (country, start);
        }
        return null;
    }

    /// <summary>The country of a place the sentence names after "in", "at", "near"…, or of the dateline.</summary>
    private static string? PlaceCountry(List<Token> tokens, List<Raw> raws, int datelineEnd)
    {
        for (var i = Math.Max(1, datelineEnd); i < tokens.Count; i++)
        {
            if (!VenuePrepositions.Contains(tokens[i - 1].Text) || tokens[i - 1].Text is "from" or "via")
                continue;
            // "in the Gaza Strip", "in southern Guyana", "in the east of Ukraine" is left out (the east of what?).
            var at = i;
            if (at < tokens.Count && tokens[at].Text is "the")
                at++;
            var (length, country) = PlaceAt(tokens, raws, at);
            // "in southern Guyana"; but "in East Timor" is a name.
            if (length == 0 && at < tokens.Count && Directions.Contains(tokens[at].Text))
                (length, country) = PlaceAt(tokens, raws, at + 1);
            if (length > 0 && country is not null)
                return country;
        }
        return null;
    }

    private static readonly HashSet<string> MonthNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    private static readonly HashSet<string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
        "south-east", "south-west", "north-eastern", "north-western", "south-eastern", "south-western", "neighbouring", "neighboring",
    };

    /// <summary>The one state (by code head) the sentence names between its dateline and token <paramref name="before"/>
    /// (names, adjectives, capitals, people), if exactly one.</summary>
    private static string? SentenceState(List<Raw> raws, int datelineEnd, int before)
    {
        string? state = null;
        foreach (var r in raws)
        {
            if (r.Start >= before)
                break;
            // Hyphen parts ("a UK-based group", "US-led forces") name where or by whom, not whose.
            if (r.Kind != RawKind.Entry || r.End <= datelineEnd || r.Entry!.Members.Count > 0 || !r.Entry.Code.IsStateLike
                || r.Entry.Kind is not ("state" or "person") || r.How.Contains("hyphen", StringComparison.Ordinal))
                continue;
            var head = r.Entry.Code.Head;
            if (state is not null && state != head)
                return null;
            state = head;
        }
        return state;
    }

    /// <summary>The one state (by code head) named as an actor in the previous sentence, if exactly one.</summary>
    private static string? PreviousState(List<List<ActorMention>> history)
    {
        if (history.Count == 0)
            return null;
        string? state = null;
        foreach (var m in history[^1])
        {
            if (m.Role != MentionRole.Actor || !m.Code.IsStateLike || m.Code.Head == "---" || m.Kind is "region" or "reference")
                continue;
            if (state is not null && state != m.Code.Head)
                return null;
            state = m.Code.Head;
        }
        return state;
    }

    private static void AddReference(Raw r, List<ActorMention> mentions, List<List<ActorMention>> history,
        Func<TextSpan, ActorCode, string, string, string, string, double, MentionRole, ActorMention> make)
    {
        var reference = r.Reference!;
        var antecedents = new List<ActorMention>();
        bool Fits(ActorMention m) => m.Role == MentionRole.Actor && reference.Kind switch
        {
            "person" => m.Kind == "person" || m.Code.Sector == "GOV",
            // "the two governments", "both countries": a state or its institutions, not its civilians or opposition.
            "state" => m.Code.IsStateLike && m.Code.Sector is "" or "GOV" or "LEG" or "MIL" or "ELI",
            _ => true,
        };
        var windows = new List<List<ActorMention>> { mentions.Where(m => m.Span.End <= r.Span.Start).ToList() };
        for (var back = history.Count - 1; back >= 0 && back >= history.Count - 3; back--)
            windows.Add(history[back]);
        if (reference.Plural)
        {
            var limit = reference.Tokens.Any(t => t is "two" or "both") ? 2 : int.MaxValue;
            var group = windows.Select(w => w.Where(Fits).DistinctBy(m => m.Code.Head).ToList()).FirstOrDefault(w => w.Count >= 2);
            if (group is not null)
            {
                antecedents.AddRange(limit == 2 ? group.TakeLast(2) : group);
            }
            else
            {
                // Two single mentions in neighbouring sentences ("Nazarbayev visited the U.S." / "President Bush ...").
                foreach (var window in windows)
                {
                    var last = window.LastOrDefault(m => Fits(m) && antecedents.All(a => a.Code.Head != m.Code.Head));
                    if (last is not null)
                        antecedents.Insert(0, last);
                    if (antecedents.Count == 2)
                        break;
                }
            }
            if (antecedents.Count < 2)
                return;
        }
        else
        {
            foreach (var window in windows)
            {
                var last = window.LastOrDefault(Fits);
                if (last is not null)
                {
                    antecedents.Add(last);
                    break;
                }
            }
            if (antecedents.Count == 0)
                return;
        }
        foreach (var a in antecedents)
        {
            var m = make(r.Span, a.Code, a.Name, "reference", reference.Id, reference.Event ? "reference.event" : reference.Plural ? "reference.plural" : "reference.singular", (reference.Event ? 0.5 : 0.7) * a.Confidence, MentionRole.Actor)
                with { Antecedents = [a] };
            mentions.Add(m with { Kind = "reference" });
        }
    }

    /// <summary>Cues (states, regions, organizations) right before raw <paramref name="k"/>, joined by "and" or commas,
    /// with at most two plain lower-case words or a possessive between ("Western oil companies", "Britain's").</summary>
    private static List<Raw> CuesBefore(List<Token> tokens, List<Raw> raws, int k)
    {
        var cues = new List<Raw>();
        var end = raws[k].Start;
        // One plain word may stand between a cue and its agent ("Uzbek security forces"); more is usually a verb phrase.
        var gapAllowed = 1;
        for (var i = k - 1; i >= 0; i--)
        {
            var c = raws[i];
            if (c.Consumed || !c.IsCue)
                break;
            var gap = end - c.End;
            var ok = gap == 0;
            // Words between only after an adjective or a possessive: "Uzbek security forces", not "Uzbekistan share opposition".
            var possessive = gap > 0 && tokens[c.End].Text is "'s" or "\u2019s";
            if (!ok && gap > 0 && gap <= (possessive ? gapAllowed + 1 : gapAllowed) && (c.Entry!.Form == EntryForm.Adjective || possessive))
            {
                ok = true;
                for (var g = c.End; g < end; g++)
                {
                    var t = tokens[g].Text;
                    // "Turkish Kurd refugees", "the Canadian Security Intelligence Service": a capitalized word we do not know
                    // between an adjective and its agent is part of the name or an origin, not a new actor.
                    var unknownName = tokens[g].IsWord && tokens[g].IsCapitalized && !FunctionWords.Contains(t) && c.Entry!.Form == EntryForm.Adjective;
                    if (!(t is "'s" or "\u2019s" or "'" || unknownName || (tokens[g].IsWord && !tokens[g].IsCapitalized && (!FunctionWords.Contains(t) || t is "new" or "former" or "late")) || (cues.Count > 0 && t is "and" or ",")))
                        ok = false;
                }
            }
            if (!ok)
                break;
            cues.Insert(0, c);
            end = c.Start;
            gapAllowed = 1;
            // Only "and" / "," may join further cues: "his Russian and Turkmen counterparts".
            if (end - 1 < 0 || tokens[end - 1].Text is not ("and" or ","))
                break;
        }
        return cues;
    }

    /// <summary>For a person at raw k: a title right before, and a cue before the title (or "Title of Cue").</summary>
    private static (int Start, List<Raw> Cues, bool Title) ClaimTitleAndCue(List<Token> tokens, List<Raw> raws, int k)
    {
        var person = raws[k];
        var start = person.Start;
        var claimed = new List<Raw>();
        if (k > 0 && raws[k - 1].IsTitle && raws[k - 1].End == person.Start)
        {
            var title = raws[k - 1];
            claimed.Add(title);
            start = title.Start;
            var cues = CuesBefore(tokens, raws, k - 1);
            if (cues.Count == 1)
            {
                claimed.Add(cues[0]);
                start = cues[0].Start;
            }
        }
        else if (k > 1 && raws[k - 1].IsCue && raws[k - 1].End == person.Start && raws[k - 2].IsTitle
            && raws[k - 2].End + 1 == raws[k - 1].Start && tokens[raws[k - 2].End].Text == "of")
        {
            claimed.Add(raws[k - 1]);
            claimed.Add(raws[k - 2]);
            start = raws[k - 2].Start;
        }
        return (start, claimed, claimed.Count > 0);
    }

    private Resolution ResolvePerson(ActorEntry entry, Period? period) =>
        period is { } p ? _dictionary.Resolve(entry, p.From, p.To) : _dictionary.ResolveLatest(entry);

    private static Period? PeriodOf(List<Token> tokens, DateOnly? published)
    {
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Number && t.Text.Length == 4 && int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2099)
                return new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), "year:" + t.Text);
        }
        return published is { } d ? new Period(d, d, "published:" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Finds dictionary phrases, agent words and references, left to right, longest first.</summary>
    private List<Raw> Scan(List<Token> tokens, Period? period)
    {
        var raws = new List<Raw>();
        for (var i = 0; i < tokens.Count;)
        {
            var token = tokens[i];
            if (!token.IsWord && token.Kind != TokenKind.Number)
            {
                i++;
                continue;
            }
            var reference = LongestReference(tokens, i);
            var entry = LongestEntry(tokens, i, period);
            // "the West Bank": a phrase that starts with "the" ("the West") yields to a longer one starting after it.
            if (entry is { Tokens.Length: >= 2 } && FunctionWords.Contains(entry.Tokens[0]) && i + 1 < tokens.Count
                && LongestEntry(tokens, i + 1, period) is { } next && next.Tokens.Length >= entry.Tokens.Length)
            {
                i++;
                continue;
            }
            var agent = LongestAgent(tokens, i);
            var entryLength = entry?.Tokens.Length ?? 0;
            var agentLength = agent?.Tokens.Length ?? 0;
            var referenceLength = reference?.Tokens.Length ?? 0;
            if (referenceLength > 0 && referenceLength >= entryLength && referenceLength >= agentLength)
            {
                raws.Add(new Raw(i, i + referenceLength, Span(tokens, i, referenceLength), RawKind.Reference, null, null, reference, 1.0, string.Empty));
                i += referenceLength;
            }
            else if (entryLength > 0 && entryLength >= agentLength)
            {
                // A name written in another case ("UNITED STATES", "President obama") says so in its rule.
                var how = Matches(tokens, i, entry!) ? string.Empty : ".case";
                raws.Add(new Raw(i, i + entryLength, Span(tokens, i, entryLength), RawKind.Entry, entry, null, null, how.Length == 0 ? 1.0 : 0.9, how));
                i += entryLength;
            }
            else if (agentLength > 0)
            {
                raws.Add(new Raw(i, i + agentLength, Span(tokens, i, agentLength), RawKind.Agent, null, agent, null, 1.0, string.Empty));
                i += agentLength;
            }
            else
            {
                ScanParts(tokens, i, raws);
                i++;
            }
        }
        return raws;
    }

    /// <summary>Hyphenated compounds ("Nazarbayev-Karimov", "Russia-Kazakhstan", "U.S.-Uzbek"), then near misses (Kazahstan).</summary>
    private void ScanParts(List<Token> tokens, int i, List<Raw> raws)
    {
        var token = tokens[i];
        if (!token.IsWord)
            return;
        if (token.Text.Contains('-', StringComparison.Ordinal))
        {
            var parts = token.Text.Split('-');
            if (HyphenPrefixes.Contains(parts[0]))
                return;
            var offset = token.Span.Start;
            foreach (var part in parts)
            {
                // Capitals are left out: "Baku-Tbilisi-Ceyhan" is a pipeline, not two governments.
                var found = _dictionary.Candidates(part).FirstOrDefault(e => e.Tokens.Length == 1 && !e.Ambiguous && !e.PrefixLast && !e.IsCapital
                    && (e.IgnoreCase || string.Equals(e.Tokens[0], part, StringComparison.Ordinal)));
                if (found is not null && part.Length > 1)
                    raws.Add(new Raw(i, i + 1, new TextSpan(offset, offset + part.Length), RawKind.Entry, found, null, null, 0.9, ".hyphen-part"));
                offset += part.Length + 1;
            }
            return;
        }
        if (token.IsCapitalized && token.Text.Length >= 6 && !FunctionWords.Contains(token.Text) && _dictionary.NearestName(token.Text) is { } near)
            raws.Add(new Raw(i, i + 1, token.Span, RawKind.Entry, near.Entry, null, null, near.Distance == 1 ? 0.8 : 0.6, $".typo{near.Distance}"));
    }

    private static int TokenIndex(List<Token> tokens, int offset)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Span.Start >= offset)
                return i;
        }
        return tokens.Count;
    }

    private static TextSpan Span(List<Token> tokens, int start, int length) =>
        new(tokens[start].Span.Start, tokens[start + length - 1].Span.End);

    private ActorEntry? LongestEntry(List<Token> tokens, int at, Period? period)
    {
        var best = LongestEntry(tokens, at, period, tokens[at].Text, fold: false);
        if (best is null && FoldedForm(tokens, at) is { } folded)
            best = LongestEntry(tokens, at, period, folded, fold: true);
        return best;
    }

    /// <summary>
    /// The capitalized form of a word the wire wrote in another case: a dateline or headline in capitals ("LYON",
    /// "GAZA CITY"), a typing slip ("iSrael"), or a lower-case name after a title ("President obama"). Null otherwise:
    /// ordinary lower-case words never become names.
    /// </summary>
    private string? FoldedForm(List<Token> tokens, int at)
    {
        var text = tokens[at].Text;
        if (!tokens[at].IsWord || text.Length < 2)
            return null;
        // Most words are plain lower case after a lower-case word: nothing to fold.
        if (char.IsLower(text[0]) && (at == 0 || !tokens[at - 1].IsCapitalized) && !HasUpper(text))
            return null;
        var upper = 0;
        var lower = 0;
        foreach (var ch in text)
        {
            if (char.IsUpper(ch))
                upper++;
            else if (char.IsLower(ch))
                lower++;
        }
        var allCaps = lower == 0 && upper == text.Length && text.Length >= 4;
        var mixed = lower > 0 && upper > 0 && !char.IsUpper(text[0]);
        var afterTitle = upper == 0 && at > 0 && tokens[at - 1].IsCapitalized && IsOneWordTitle(tokens[at - 1].Text);
        if (!(allCaps || mixed || afterTitle))
            return null;
        return string.Create(text.Length, text, static (span, t) =>
        {
            span[0] = char.ToUpperInvariant(t[0]);
            for (var i = 1; i < t.Length; i++)
                span[i] = char.ToLowerInvariant(t[i]);
        });
    }

    private bool IsOneWordTitle(string text)
    {
        foreach (var a in Agents(text))
        {
            if (a.Title && a.Tokens.Length == 1)
                return true;
        }
        return false;
    }

    private static bool HasUpper(string text)
    {
        foreach (var ch in text)
        {
            if (char.IsUpper(ch))
                return true;
        }
        return false;
    }

    private ActorEntry? LongestEntry(List<Token> tokens, int at, Period? period, string first, bool fold)
    {
        ActorEntry? best = null;
        foreach (var entry in _dictionary.Candidates(first))
        {
            if (best is not null && entry.Tokens.Length < best.Tokens.Length)
                break;
            // In capitals every neighbour looks like a name, so ambiguous forms (CHINA, TURKEY) are left out there.
            if (fold && (entry.PrefixLast || entry.Ambiguous && tokens[at].Text.All(c => !char.IsLower(c))))
                continue;
            if (!Matches(tokens, at, entry, fold) || !Guarded(tokens, at, entry))
                continue;
            if (best is null || entry.Tokens.Length > best.Tokens.Length || entry.IgnoreCase && !best.IgnoreCase)
            {
                // Longer wins; on a tie an imported dictionary's phrase wins over the embedded one.
                best = entry;
            }
            else if (best.Person is not null && entry.Person is not null && best.Person != entry.Person)
            {
                // Two people share a name (Bush, Clinton): the one in office in the period wins, else the later one.
                var b = period is { } p ? _dictionary.Resolve(best, p.From, p.To) : _dictionary.ResolveLatest(best);
                var c = period is { } q ? _dictionary.Resolve(entry, q.From, q.To) : _dictionary.ResolveLatest(entry);
                if (c.How == "in-office" && b.How != "in-office"
                    || c.How == b.How && _dictionary.OfficesOf(entry.Person).Max(o => o.Start) > _dictionary.OfficesOf(best.Person).Max(o => o.Start))
                    best = entry;
            }
        }
        return best;
    }

    private static bool Matches(List<Token> tokens, int at, ActorEntry entry, bool fold = false)
    {
        if (at + entry.Tokens.Length > tokens.Count)
            return false;
        var comparison = entry.IgnoreCase || fold ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var k = 0; k < entry.Tokens.Length; k++)
        {
            var text = tokens[at + k].Text;
            var want = entry.Tokens[k];
            var last = k == entry.Tokens.Length - 1;
            if (!(string.Equals(text, want, comparison) || (last && entry.PrefixLast && text.StartsWith(want, comparison))))
                return false;
        }
        return true;
    }

    /// <summary>Context rules for ambiguous forms: no unknown capitalized neighbour (Michael Jordan), no veto word
    /// (Atlanta, Georgia; roast turkey; fine china); an ambiguous surname needs a title before it.</summary>
    private bool Guarded(List<Token> tokens, int at, ActorEntry entry)
    {
        if (!entry.Ambiguous)
            return true;
        var end = at + entry.Tokens.Length;
        if (entry.Form == EntryForm.Person)
            return at > 0 && Agents(tokens[at - 1].Text).Any(a => a.Title);
        if (at > 0 && IsUnknownName(tokens[at - 1]))
            return false;
        if (end < tokens.Count && IsUnknownName(tokens[end]))
            return false;
        var name = string.Join(' ', entry.Tokens);
        foreach (var veto in _dictionary.Vetoes(name))
        {
            for (var i = 0; i + veto.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < veto.Length && all; k++)
                    all = string.Equals(tokens[i + k].Text, veto[k], StringComparison.OrdinalIgnoreCase);
                if (all)
                    return false;
            }
        }
        return true;
    }

    private IReadOnlyList<AgentEntry> Agents(string text) => _dictionary.Agents(text);

    private bool IsUnknownName(Token t) =>
        t.IsWord && t.IsCapitalized && !FunctionWords.Contains(t.Text) && _dictionary.Candidates(t.Text).Count == 0 && _dictionary.Agents(t.Text).Count == 0;

    private AgentEntry? LongestAgent(List<Token> tokens, int at)
    {
        foreach (var agent in _dictionary.Agents(tokens[at].Text))
        {
            if (at + agent.Tokens.Length > tokens.Count)
                continue;
            var all = true;
            for (var k = 0; k < agent.Tokens.Length && all; k++)
                all = string.Equals(tokens[at + k].Text, agent.Tokens[k], StringComparison.OrdinalIgnoreCase);
            if (all)
                return agent;
        }
        return null;
    }

    private ReferenceEntry? LongestReference(List<Token> tokens, int at)
    {
        foreach (var reference in _dictionary.References(tokens[at].Text))
        {
            if (at + reference.Tokens.Length > tokens.Count)
                continue;
            var all = true;
            // Only the first word may differ in case ("They", "Both sides"): "the State Department" is no reference.
            for (var k = 1; k < reference.Tokens.Length && all; k++)
                all = string.Equals(tokens[at + k].Text, reference.Tokens[k], StringComparison.Ordinal);
            if (all)
                return reference;
        }
        return null;
    }
}

public static class ActorRecognizerExtensions
{
    /// <summary>Adds (or replaces) the actor stage; without a dictionary it uses the embedded one.</summary>
    public static PipelineBuilder UseActors(this PipelineBuilder builder, ActorDictionary? dictionary = null) =>
        builder.Replace(new ActorRecognizer(dictionary));
}
