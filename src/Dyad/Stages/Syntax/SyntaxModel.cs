using System.IO.Compression;
using System.Text;
using Dyad.Documents;

namespace Dyad.Stages.Syntax;

/// <summary>
/// A trained tagger, lemmatizer and dependency parser for English. <see cref="Default"/> is the model trained on
/// Universal Dependencies English EWT that ships with the library. Safe to use from many threads at once.
/// </summary>
public sealed class SyntaxModel
{
    private const string Magic = "DYADSYN2";
    private const string ResourceName = "Dyad.Syntax.en.model";

    private readonly Tagger _tagger;
    private readonly Lemmatizer _lemmatizer;
    private readonly DependencyParser _parser;
    private readonly string[] _upos;
    private readonly string[] _xpos;

    [ThreadStatic]
    private static Workspace? _workspace;

    internal SyntaxModel(Tagger tagger, Lemmatizer lemmatizer, DependencyParser parser, string description)
    {
        _tagger = tagger;
        _lemmatizer = lemmatizer;
        _parser = parser;
        Description = description;
        _upos = [.. tagger.Tags.Select(t => t.Split('|')[0])];
        _xpos = [.. tagger.Tags.Select(t => t.Split('|')[^1])];
    }

    /// <summary>The model shipped with the library (loaded on first use).</summary>
    public static SyntaxModel Default => LazyDefault.Value;

    private static readonly Lazy<SyntaxModel> LazyDefault = new(LoadDefault);

    /// <summary>What the model was trained on and when, as the trainer wrote it.</summary>
    public string Description { get; }

    internal Tagger Tagger => _tagger;

    internal DependencyParser Parser => _parser;

    internal Lemmatizer Lemmatizer => _lemmatizer;

    /// <summary>Tags, lemmatizes and parses one sentence given as its words. Never throws on odd words; an empty list gives an empty sentence.</summary>
    public ParsedSentence Parse(IReadOnlyList<string> words) => Parse(words, null);

    /// <summary>As <see cref="Parse(IReadOnlyList{string})"/>, with each word's span copied to the result.</summary>
    public ParsedSentence Parse(IReadOnlyList<string> words, IReadOnlyList<TextSpan>? spans)
    {
        ArgumentNullException.ThrowIfNull(words);
        var n = words.Count;
        if (n == 0)
            return new ParsedSentence([]);
        var ws = _workspace ??= new Workspace();
        ws.Ensure(n);
        var forms = ws.Forms;
        for (var i = 0; i < n; i++)
            forms[i] = string.IsNullOrEmpty(words[i]) ? "_" : words[i];
        _tagger.Describe(forms.AsSpan(0, n), ws.Info);
        _tagger.Tag(ws.Info, n, ws.Tags, ws.First);
        for (var i = 0; i < n; i++)
        {
            ws.WordIds[i + 1] = ws.Info[i].Lower;
            ws.TagIds[i + 1] = ws.Tags[i];
        }
        _parser.Parse(ws.State, ws.WordIds, ws.TagIds, n);
        var result = new SyntaxWord[n];
        for (var i = 0; i < n; i++)
        {
            var t = ws.Tags[i];
            var head = ws.State.Head[i + 1];
            var label = ws.State.Label[i + 1];
            var span = spans is not null && i < spans.Count ? spans[i] : default;
            result[i] = new SyntaxWord(i + 1, forms[i], _lemmatizer.Lemma(forms[i], _xpos[t]), _upos[t], _xpos[t],
                head < 0 ? 0 : head, label < 0 ? "dep" : _parser.Labels[label], span);
        }
        return new ParsedSentence(Rooted(result));
    }

    // The parser always ends with one root; this guards the invariant for callers all the same.
    private static SyntaxWord[] Rooted(SyntaxWord[] words)
    {
        var roots = 0;
        foreach (var w in words)
            roots += w.Head == 0 ? 1 : 0;
        if (roots == 1)
            return words;
        var root = Array.FindIndex(words, w => w.Head == 0);
        for (var i = 0; i < words.Length; i++)
        {
            if (root < 0)
            {
                root = i;
                words[i] = words[i] with { Head = 0, Deprel = "root" };
            }
            else if (i != root && words[i].Head == 0)
            {
                words[i] = words[i] with { Head = root + 1, Deprel = "dep" };
            }
        }
        return words;
    }

    /// <summary>The same model without the weights smaller than <paramref name="threshold"/>: smaller and faster, a little less accurate.</summary>
    public SyntaxModel Pruned(float threshold) =>
        new(new Tagger(_tagger.Tags, _tagger.Weights.Pruned(threshold), _tagger.Second?.Pruned(threshold), _tagger.Ambiguity, _tagger.Sure),
            _lemmatizer, new DependencyParser(_parser.Labels, _parser.Weights.Pruned(threshold)), Description);

    /// <summary>Writes the model (compressed).</summary>
    public void Save(Stream stream)
    {
        using var zip = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(zip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Description);
        w.Write(_tagger.Tags.Length);
        foreach (var t in _tagger.Tags)
            w.Write(t);
        WriteMap(w, _tagger.Ambiguity);
        w.Write(_tagger.Sure.Count);
        foreach (var (k, v) in _tagger.Sure.OrderBy(k => k.Key))
        {
            w.Write(k);
            w.Write7BitEncodedInt(v);
        }
        _tagger.Weights.Write(w);
        w.Write(_tagger.Second is not null);
        _tagger.Second?.Write(w);
        _lemmatizer.Write(w);
        w.Write(_parser.Labels.Length);
        foreach (var l in _parser.Labels)
            w.Write(l);
        _parser.Weights.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static SyntaxModel Load(Stream stream)
    {
        using var zip = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic)
                throw new InvalidDataException("not a Dyad syntax model");
            var description = r.ReadString();
            var tags = new string[r.ReadInt32()];
            for (var i = 0; i < tags.Length; i++)
                tags[i] = r.ReadString();
            var ambiguity = ReadMap(r);
            var sureCount = r.ReadInt32();
            var sure = new Dictionary<long, int>(sureCount);
            for (var i = 0; i < sureCount; i++)
                sure[r.ReadInt64()] = r.Read7BitEncodedInt();
            var tagWeights = WeightTable.Read(r);
            var second = r.ReadBoolean() ? WeightTable.Read(r) : null;
            var lemmatizer = Lemmatizer.Read(r);
            var labels = new string[r.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
                labels[i] = r.ReadString();
            var parseWeights = WeightTable.Read(r);
            return new SyntaxModel(new Tagger(tags, tagWeights, second, ambiguity, sure), lemmatizer, new DependencyParser(labels, parseWeights), description);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidOperationException or FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InvalidDataException("not a Dyad syntax model, or a damaged one", ex);
        }
    }

    public static SyntaxModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static SyntaxModel LoadDefault()
    {
        using var stream = typeof(SyntaxModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the library holds no syntax model ({ResourceName})");
        return Load(stream);
    }

    private static void WriteMap(BinaryWriter w, Dictionary<long, long> map)
    {
        w.Write(map.Count);
        foreach (var (k, v) in map.OrderBy(k => k.Key))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    private static Dictionary<long, long> ReadMap(BinaryReader r)
    {
        var n = r.ReadInt32();
        var map = new Dictionary<long, long>(n);
        for (var i = 0; i < n; i++)
            map[r.ReadInt64()] = r.ReadInt64();
        return map;
    }

    /// <summary>Per-thread buffers, so parsing a sentence allocates only its result.</summary>
    private sealed class Workspace
    {
        public string[] Forms = new string[64];
        public WordInfo[] Info = new WordInfo[64];
        public int[] Tags = new int[64];
        public int[] First = new int[64];
        public long[] WordIds = new long[65];
        public int[] TagIds = new int[65];
        public ParseState State = new();

        public void Ensure(int n)
        {
            if (Forms.Length >= n)
                return;
            var size = Math.Max(n, Forms.Length * 2);
            Forms = new string[size];
            Info = new WordInfo[size];
            Tags = new int[size];
            First = new int[size];
            WordIds = new long[size + 1];
            TagIds = new int[size + 1];
        }
    }
}
