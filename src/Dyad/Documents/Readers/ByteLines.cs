namespace Dyad.Documents.Readers;

/// <summary>
/// Reads a stream line by line as bytes, so that one line's bad encoding is that line's problem only and its
/// number is exact. A line over the limit is skipped to its end without being held in memory.
/// </summary>
internal sealed class ByteLines : IDisposable
{
    private readonly Stream _stream;
    private readonly int _max;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _position;
    private int _length;
    private byte[] _line = new byte[1024];
    private bool _first = true;

    public ByteLines(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _max = maxLineBytes;
    }

    /// <summary>
    /// The next line without its line break (and without a UTF-8 byte-order mark on the first line);
    /// false at the end. <paramref name="length"/> is the line's full length, over the limit when it was cut.
    /// </summary>
    public bool Next(out ReadOnlySpan<byte> line, out long length)
    {
        var kept = 0;
        length = 0;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _stream.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    line = _line.AsSpan(Finish(kept, ref length, out var last), last);
                    return any;
                }
            }
            any = true;
            var rest = _buffer.AsSpan(_position, _length - _position);
            var newline = rest.IndexOf((byte)'\n');
            var piece = newline < 0 ? rest : rest[..newline];
            length += piece.Length;
            var room = Math.Min(piece.Length, Math.Max(0, _max - kept));
            if (room > 0)
            {
                if (kept + room > _line.Length)
                    Array.Resize(ref _line, Math.Max(_line.Length * 2, kept + room));
                piece[..room].CopyTo(_line.AsSpan(kept));
                kept += room;
            }
            if (newline < 0)
            {
                _position = _length;
                continue;
            }
            _position += newline + 1;
            line = _line.AsSpan(Finish(kept, ref length, out var count), count);
            return true;
        }
    }

    /// <summary>Where the line starts in the buffer and how long it is, without a CR before the LF or a first-line BOM.</summary>
    private int Finish(int kept, ref long length, out int count)
    {
        var start = 0;
        count = kept;
        if (count > 0 && _line[count - 1] == '\r' && length == kept)
        {
            count--;
            length--;
        }
        if (_first && count >= 3 && _line[0] == 0xEF && _line[1] == 0xBB && _line[2] == 0xBF)
        {
            start = 3;
            count -= 3;
            length -= 3;
        }
        _first = false;
        return start;
    }

    public void Dispose() => _stream.Dispose();
}
