using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Registry.Search.Lucene;

/// <summary>
/// Emits each two adjacent tokens joined by a space ("thủy lợi"), and no single tokens: what
/// <c>ShingleFilter(2, 2)</c> without unigrams produces for our streams (no stop words, so no position gaps), at a
/// fraction of its cost. The general filter keeps a window of cloned attribute states and fills gaps; this one
/// keeps the previous term's characters and start offset. Indexing runs it on four fields of every task.
/// </summary>
public sealed class AdjacentPairFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private char[] _previous = new char[32];
    private int _previousLength = -1;
    private int _previousStart;
    private char[] _current = new char[32];

    public AdjacentPairFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var length = _term.Length;
            var start = _offset.StartOffset;
            if (_previousLength < 0)
            {
                Remember(_term.Buffer, length, start);
                continue;
            }
            if (_current.Length < length) _current = new char[Math.Max(length, _current.Length * 2)];
            Array.Copy(_term.Buffer, _current, length);
            _term.SetEmpty().Append(_previous, 0, _previousLength).Append(' ').Append(_current, 0, length);
            _offset.SetOffset(_previousStart, _offset.EndOffset);
            Remember(_current, length, start);
            return true;
        }
        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _previousLength = -1;
    }

    private void Remember(char[] buffer, int length, int start)
    {
        if (_previous.Length < length) _previous = new char[Math.Max(length, _previous.Length * 2)];
        Array.Copy(buffer, _previous, length);
        _previousLength = length;
        _previousStart = start;
    }
}
