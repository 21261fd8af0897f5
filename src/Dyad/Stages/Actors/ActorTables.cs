using System.Text.Json;
using Dyad.Coding;

namespace Dyad.Stages.Actors;

/// <summary>Readers for the project's actor tables (TSV with a header row, "#" comments, "|" lists) and user JSON.</summary>
internal static class ActorTables
{
    public static void ReadStates(ActorDictionary d, TextReader reader, string file)
    {
        var rows = Rows(reader).ToList();
        // A capital of a state that existed only for a time (from/to) is that state's government in its time: "Moscow"
        // is the Soviet government until 1991 and Russia's afterwards; a new state's capital (from, within) was its
        // former state's before ("Juba" is Sudan's until July 2011).
        var dated = new Dictionary<string, List<Office>>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r["from"].Length > 0 || r["to"].Length > 0))
        {
            var government = ActorCode.Parse(row["code"]).WithSector("GOV");
            var from = ActorDictionary.ParseDate(row["from"]);
            var to = ActorDictionary.ParseDate(row["to"]);
            foreach (var capital in Split(row["capitals"]).Select(c => c.TrimEnd('?')))
            {
                if (!dated.TryGetValue(capital, out var terms))
                    dated[capital] = terms = [];
                terms.Add(new Office(government, "dated", from, to));
                if (row["within"].Length > 0 && from is { } start)
                    terms.Add(new Office(ActorCode.Parse(row["within"]).WithSector("GOV"), "dated", null, start.AddDays(-1)));
            }
        }
        var undatedCapitals = rows.Where(r => r["from"].Length == 0 && r["to"].Length == 0)
            .SelectMany(r => Split(r["capitals"]).Select(c => c.TrimEnd('?'))).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = ActorCode.Parse(row["code"]);
            var name = row["name"];
            var id = $"{file}:{code}";
            AddForms(d, row["names"], f => new ActorEntry(id, f.Words, code, name, "state", EntryForm.Name) { Ambiguous = f.Ambiguous });
            AddForms(d, row["adjectives"], f => new ActorEntry(id + ":adjective", f.Words, code, name, "state", EntryForm.Adjective) { Ambiguous = f.Ambiguous });
            AddForms(d, row["demonyms"], f => new ActorEntry(id + ":demonym", f.Words, code, name, "state", EntryForm.Demonym) { Ambiguous = f.Ambiguous });
            var government = code.WithSector("GOV");
            var isDated = row["from"].Length > 0 || row["to"].Length > 0;
            foreach (var capital in Split(row["capitals"]))
            {
                var text = capital.TrimEnd('?');
                // The capital of a former state that a present one shares is that present state's entry, dated.
                if (isDated && row["within"].Length == 0 && undatedCapitals.Contains(text))
                    continue;
                var terms = dated.GetValueOrDefault(text) ?? [];
                AddForms(d, capital, f => new ActorEntry(id + ":capital", f.Words, government, name, "state", EntryForm.Capital) { Ambiguous = f.Ambiguous, Offices = terms });
            }
            AddForms(d, row["former_capitals"], f => new ActorEntry(id + ":former-capital", f.Words, government, name, "state", EntryForm.Capital) { Ambiguous = f.Ambiguous });
        }
    }

    public static void ReadGroups(ActorDictionary d, TextReader reader, string file)
    {
        foreach (var row in Rows(reader))
        {
            var members = Split(row["members"]).Select(ActorCode.Parse).ToArray();
            var key = row["code"];
            // A fixed group's own key (CAS5) is not an actor code in events: its mentions carry the members' codes.
            var code = members.Length > 0 ? members[0] : ActorCode.Parse(key);
            var id = $"{file}:{key}";
            var kind = members.Length > 0 ? "group" : "region";
            AddForms(d, row["names"], f => new ActorEntry(id, f.Words, code, row["name"], kind) { Ambiguous = f.Ambiguous, Members = members });
            AddForms(d, row["adjectives"], f => new ActorEntry(id + ":adjective", f.Words, code, row["name"], kind, EntryForm.Adjective) { Ambiguous = f.Ambiguous, Members = members });
        }
    }

    public static void ReadOrganizations(ActorDictionary d, TextReader reader, string file)
    {
        foreach (var row in Rows(reader))
        {
            var code = ActorCode.Parse(row["code"]);
            var kind = row["kind"] is "company" ? "sector" : "organization";
            var id = $"{file}:{code}";
            // "AFGGOV 1996-09-27 2001-12-07|AFGGOV 2021-08-15": codes that hold for a time; the row's code otherwise.
            var offices = Split(row["dated"]).Select(term => term.Split(' ', StringSplitOptions.TrimEntries))
                .Select(p => new Office(ActorCode.Parse(p[0]), "dated", ActorDictionary.ParseDate(p.ElementAtOrDefault(1) ?? string.Empty), ActorDictionary.ParseDate(p.ElementAtOrDefault(2) ?? string.Empty)))
                .ToArray();
            AddForms(d, row["names"] + "|" + row["name"], f => new ActorEntry(id, f.Words, code, row["name"], kind) { Ambiguous = f.Ambiguous, Offices = offices });
        }
    }

    public static void ReadPeople(ActorDictionary d, TextReader people, TextReader offices, string file)
    {
        foreach (var row in Rows(offices))
            d.AddOffice(row["person"], new Office(ActorCode.Parse(row["code"]), row["role"], ActorDictionary.ParseDate(row["start"]), ActorDictionary.ParseDate(row["end"]), row["comment"]));
        foreach (var row in Rows(people))
        {
            var person = row["id"];
            d.AddPerson(person, row["name"]);
            var terms = d.OfficesOf(person);
            if (terms.Count == 0)
                continue;
            var first = terms[0];
            AddForms(d, row["names"] + "|" + row["name"], f => new ActorEntry($"{file}:{person}", f.Words, first.Code, row["name"], "person", EntryForm.Person)
            {
                Ambiguous = f.Ambiguous,
                Person = person,
            });
        }
    }

    public static void ReadAgents(ActorDictionary d, TextReader reader, string file)
    {
        var line = 0;
        foreach (var row in Rows(reader))
        {
            line++;
            var title = row["title"] is "yes";
            var alone = row["alone"] is { Length: > 0 } a ? a : null;
            foreach (var form in Split(row["forms"]))
                d.AddAgent(new AgentEntry(ActorDictionary.Words(form), row["sector"], title, $"{file}:{row["sector"]}:{line}") { Alone = alone });
        }
    }

    public static void ReadReferences(ActorDictionary d, TextReader reader, string file)
    {
        foreach (var row in Rows(reader))
            d.AddReference(new ReferenceEntry(ActorDictionary.Words(row["phrase"]), row["number"] is "plural" or "event", row["kind"], $"{file}:{row["phrase"]}") { Event = row["number"] is "event" });
    }

    public static void ReadVetoes(ActorDictionary d, TextReader reader)
    {
        foreach (var row in Rows(reader))
            d.AddVetoes(row["name"], Split(row["vetoes"]).Select(ActorDictionary.Words));
    }

    /// <summary>A user's TSV: the organizations layout (code, name, names[, kind, comment]), optionally with
    /// start/end columns that restrict the code in time, or the states layout when it has an adjectives column.</summary>
    public static void ReadUserTsv(ActorDictionary d, TextReader reader, string file, ICollection<string>? problems)
    {
        var rows = Rows(reader).ToList();
        if (rows.Count > 0 && rows[0].Has("adjectives"))
        {
            var scratch = new ActorDictionary();
            // States layout: read into a scratch dictionary, then override phrase by phrase.
            using var again = new StringReader(string.Join('\n', rows.Select(r => r.Line).Prepend(rows[0].HeaderLine)));
            ReadStates(scratch, again, file);
            foreach (var e in scratch.AllEntries())
                d.Override(e);
            return;
        }
        foreach (var row in rows)
        {
            if (!ActorCode.TryParse(row["code"], out var code))
            {
                problems?.Add($"{file}: not an actor code: '{row["code"]}'");
                continue;
            }
            var name = row["name"].Length > 0 ? row["name"] : Split(row["names"]).FirstOrDefault() ?? code.Value;
            var kind = row["kind"].Length > 0 ? row["kind"] : "organization";
            Office[] offices = row["start"].Length > 0 || row["end"].Length > 0
                ? [new Office(code, "user", ActorDictionary.ParseDate(row["start"]), ActorDictionary.ParseDate(row["end"]), row["comment"])]
                : [];
            var form = kind == "person" ? EntryForm.Person : EntryForm.Name;
            AddForms(d, row["names"] + "|" + name, f => new ActorEntry($"{file}:{code}", f.Words, code, name, kind, form) { Ambiguous = f.Ambiguous, Offices = offices }, overrides: true);
        }
    }

    /// <summary>User JSON: <c>{"entries":[{"code","name","names":[…],"kind","offices":[{"code","role","start","end"}]}]}</c>.</summary>
    public static void ReadJson(ActorDictionary d, string text, string file, ICollection<string>? problems)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problems?.Add($"{file}: not JSON: {ex.Message}");
            return;
        }
        using (json)
        {
            var entries = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement
                : json.RootElement.TryGetProperty("entries", out var e) ? e : default;
            if (entries.ValueKind != JsonValueKind.Array)
            {
                problems?.Add($"{file}: want an array of entries or {{\"entries\":[...]}}");
                return;
            }
            foreach (var item in entries.EnumerateArray())
            {
                var codeText = item.TryGetProperty("code", out var c) ? c.GetString() : null;
                if (!ActorCode.TryParse(codeText, out var code))
                {
                    problems?.Add($"{file}: not an actor code: '{codeText}'");
                    continue;
                }
                var names = item.TryGetProperty("names", out var n) && n.ValueKind == JsonValueKind.Array
                    ? n.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];
                var name = item.TryGetProperty("name", out var nm) ? nm.GetString() ?? code.Value : names.FirstOrDefault() ?? code.Value;
                var kind = item.TryGetProperty("kind", out var k) ? k.GetString() ?? "organization" : "organization";
                var offices = new List<Office>();
                if (item.TryGetProperty("offices", out var o) && o.ValueKind == JsonValueKind.Array)
                {
                    foreach (var office in o.EnumerateArray())
                    {
                        var officeCode = office.TryGetProperty("code", out var oc) && ActorCode.TryParse(oc.GetString(), out var parsed) ? parsed : code;
                        offices.Add(new Office(
                            officeCode,
                            office.TryGetProperty("role", out var r) ? r.GetString() ?? "user" : "user",
                            office.TryGetProperty("start", out var s) ? ActorDictionary.ParseDate(s.GetString() ?? string.Empty) : null,
                            office.TryGetProperty("end", out var en) ? ActorDictionary.ParseDate(en.GetString() ?? string.Empty) : null));
                    }
                }
                string? person = null;
                if (kind == "person" && offices.Count > 0)
                {
                    person = $"{file}:{name}";
                    d.AddPerson(person, name);
                    foreach (var office in offices)
                        d.AddOffice(person, office);
                }
                var form = kind == "person" ? EntryForm.Person : EntryForm.Name;
                AddForms(d, string.Join('|', names.Append(name)), f => new ActorEntry($"{file}:{code}", f.Words, code, name, kind, form)
                {
                    Ambiguous = f.Ambiguous,
                    Person = person,
                    Offices = person is null ? offices : [],
                }, overrides: true);
            }
        }
    }

    private readonly record struct Form(string[] Words, bool Ambiguous);

    private static void AddForms(ActorDictionary d, string cell, Func<Form, ActorEntry> make, bool overrides = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in Split(cell))
        {
            var ambiguous = raw.EndsWith('?');
            var text = ambiguous ? raw[..^1] : raw;
            if (text.Length == 0 || !seen.Add(text))
                continue;
            var words = ActorDictionary.Words(text);
            if (words.Length == 0)
                continue;
            var entry = make(new Form(words, ambiguous));
            if (overrides)
                d.Override(entry);
            else
                d.Add(entry);
            // "U.S" before a comma is tokenized "U" "." "S": abbreviations also match letter by letter.
            if (text.Contains('.', StringComparison.Ordinal) && text.Length <= 8 && !text.Contains(' ', StringComparison.Ordinal))
            {
                var letters = SplitAbbreviation(text);
                if (!letters.SequenceEqual(words))
                    d.Add(make(new Form(letters, ambiguous)));
            }
        }
    }

    private static string[] SplitAbbreviation(string text)
    {
        var parts = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
                continue;
            }
            if (word.Length > 0)
                parts.Add(word.ToString());
            word.Clear();
            parts.Add(ch.ToString());
        }
        if (word.Length > 0)
            parts.Add(word.ToString());
        return [.. parts];
    }

    internal static string[] Split(string cell) =>
        cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal sealed class Row
    {
        private readonly Dictionary<string, int> _columns;
        private readonly string[] _cells;

        public Row(Dictionary<string, int> columns, string[] cells, string line, string headerLine)
        {
            _columns = columns;
            _cells = cells;
            Line = line;
            HeaderLine = headerLine;
        }

        public string Line { get; }

        public string HeaderLine { get; }

        public bool Has(string column) => _columns.ContainsKey(column);

        public string this[string column] =>
            _columns.TryGetValue(column, out var i) && i < _cells.Length ? _cells[i].Trim() : string.Empty;
    }

    internal static IEnumerable<Row> Rows(TextReader reader)
    {
        Dictionary<string, int>? columns = null;
        var header = string.Empty;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.TrimEnd('\r').Split('\t');
            if (columns is null)
            {
                header = line;
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < cells.Length; i++)
                    columns[cells[i].Trim()] = i;
                continue;
            }
            yield return new Row(columns, cells, line, header);
        }
    }
}
