namespace Dyad.Stages.Syntax;

/// <summary>
/// An averaged perceptron for training: multi-class, hashed features, sparse rows (a feature keeps entries only
/// for the classes it was ever updated on). Averaging uses the w - u/t form, so an update touches only its entries.
/// </summary>
internal sealed class Perceptron
{
    private readonly Dictionary<long, int> _rows = [];
    private int[] _rowOffset = new int[1024];
    private int[] _rowLength = new int[1024];
    private int[] _rowCapacity = new int[1024];
    private int[] _class = new int[1 << 16];
    private float[] _weight = new float[1 << 16];
    private double[] _update = new double[1 << 16];
    private int _used;
    private long _time = 1;

    public Perceptron(int classes) => Classes = classes;

    public int Classes { get; }

    /// <summary>Adds the current weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<long> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
                continue;
            var off = _rowOffset[row];
            for (int j = off, end = off + _rowLength[row]; j < end; j++)
                scores[_class[j]] += _weight[j];
        }
    }

    /// <summary>One training example seen: counts time for the averaging even when nothing changes.</summary>
    public void Tick() => _time++;

    /// <summary>Moves the weights toward <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<long> features, int truth, int guess)
    {
        if (truth == guess)
            return;
        foreach (var f in features)
        {
            Add(f, truth, 1f);
            Add(f, guess, -1f);
        }
    }

    private void Add(long feature, int cls, float delta)
    {
        if (!_rows.TryGetValue(feature, out var row))
        {
            row = _rows.Count;
            _rows.Add(feature, row);
            if (row == _rowOffset.Length)
            {
                Array.Resize(ref _rowOffset, row * 2);
                Array.Resize(ref _rowLength, row * 2);
                Array.Resize(ref _rowCapacity, row * 2);
            }
            _rowOffset[row] = Allocate(2);
            _rowCapacity[row] = 2;
        }
        var off = _rowOffset[row];
        var len = _rowLength[row];
        for (var j = off; j < off + len; j++)
        {
            if (_class[j] == cls)
            {
                _weight[j] += delta;
                _update[j] += _time * (double)delta;
                return;
            }
        }
        if (len == _rowCapacity[row])
        {
            var moved = Allocate(len * 2);
            Array.Copy(_class, off, _class, moved, len);
            Array.Copy(_weight, off, _weight, moved, len);
            Array.Copy(_update, off, _update, moved, len);
            off = _rowOffset[row] = moved;
            _rowCapacity[row] = len * 2;
        }
        _class[off + len] = cls;
        _weight[off + len] = delta;
        _update[off + len] = _time * (double)delta;
        _rowLength[row] = len + 1;
    }

    private int Allocate(int n)
    {
        if (_used + n > _class.Length)
        {
            var size = Math.Max(_class.Length * 2, _used + n);
            Array.Resize(ref _class, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _update, size);
        }
        var at = _used;
        _used += n;
        return at;
    }

    public int Features => _rows.Count;

    /// <summary>The averaged weights, dropping those smaller than <paramref name="threshold"/> in magnitude.</summary>
    public WeightTable Average(float threshold)
    {
        var features = new List<(long, int[], float[])>();
        var cls = new List<int>();
        var ws = new List<float>();
        foreach (var (key, row) in _rows)
        {
            cls.Clear();
            ws.Clear();
            var off = _rowOffset[row];
            for (var j = off; j < off + _rowLength[row]; j++)
            {
                var avg = (float)(_weight[j] - _update[j] / _time);
                if (Math.Abs(avg) >= threshold)
                {
                    cls.Add(_class[j]);
                    ws.Add(avg);
                }
            }
            if (cls.Count > 0)
                features.Add((key, cls.ToArray(), ws.ToArray()));
        }
        features.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new WeightTable(Classes, features);
    }
}
