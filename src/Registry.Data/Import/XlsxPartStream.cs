namespace Registry.Data.Import;

/// <summary>All the XML inflated from one workbook so far, against <see cref="ImportReadLimits.MaxDecompressedBytes"/>.</summary>
internal sealed class InflateBudget(long max)
{
    private long _used;

    public void Spend(int bytes)
    {
        _used += bytes;
        if (_used > max)
            throw ImportReadLimits.TooLarge(
                $"Tệp Excel giải nén ra hơn {max / (1024 * 1024):N0} MB; hãy chia nhỏ tệp",
                $"the workbook inflates to more than {max / (1024 * 1024):N0} MB; split it");
    }
}

/// <summary>
/// The inflated bytes of one zip part, as the XML parser reads them. It refuses a part that inflates past its ratio
/// or the workbook's budget (a zip bomb), and a tag longer than <see cref="ImportReadLimits.MaxTagBytes"/>: the XML
/// parser keeps a whole start tag with its attributes in memory, so an endless tag would be endless memory.
/// Parts are read as UTF-8, where '&lt;', '&gt;' and quotes are always single bytes.
/// </summary>
internal sealed class XlsxPartStream(Stream inner, string part, long compressedLength, ImportReadLimits limits, InflateBudget budget)
    : Stream
{
    private readonly long _maxInflated = Math.Max(limits.RatioFreeBytes, compressedLength * limits.MaxCompressionRatio);
    private long _inflated;
    private int _tagBytes = -1; // -1: outside a tag
    private byte _quote;        // the quote an attribute value opened, or 0
    private bool _declaration;  // "<!" or "<?": a comment, CDATA or instruction, which ends only at "-->", "]]>" or "?>"
    private byte _prev1, _prev2;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _inflated += read;
        budget.Spend(read);
        if (_inflated > _maxInflated) throw Bomb(part, limits);
        ScanTags(buffer[..read]);
        return read;
    }

    internal static ImportFileException Bomb(string part, ImportReadLimits limits) => ImportReadLimits.TooLarge(
        $"Phần '{part}' của tệp Excel nén bất thường (hơn {limits.MaxCompressionRatio} lần); hãy mở và lưu lại bằng Excel",
        $"part '{part}' inflates more than {limits.MaxCompressionRatio} times its size, as a zip bomb does; re-save the file in Excel");

    private void ScanTags(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (_tagBytes < 0)
            {
                // Text between tags is most of a sheet: skip to the next '<' with a vectorised search.
                var open = bytes[i..].IndexOf((byte)'<');
                if (open < 0) return;
                i += open + 1;
                (_tagBytes, _quote, _declaration, _prev1, _prev2) = (0, 0, false, 0, 0);
                continue;
            }
            var b = bytes[i++];
            if (++_tagBytes > limits.MaxTagBytes)
                throw ImportReadLimits.TooLarge(
                    $"Phần '{part}' của tệp Excel có thẻ XML dài hơn {limits.MaxTagBytes:N0} byte",
                    $"part '{part}' holds an XML tag longer than {limits.MaxTagBytes:N0} bytes");
            if (_tagBytes == 1 && b is (byte)'!' or (byte)'?') _declaration = true;
            else if (_declaration) { if (b == (byte)'>' && EndsDeclaration()) _tagBytes = -1; }
            else if (_quote != 0) { if (b == _quote) _quote = 0; }
            else if (b is (byte)'"' or (byte)'\'') _quote = b;
            else if (b == (byte)'>') _tagBytes = -1;
            (_prev2, _prev1) = (_prev1, b);
        }
    }

    private bool EndsDeclaration() => _prev1 == (byte)'?' || (_prev1 == _prev2 && _prev1 is (byte)'-' or (byte)']');

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _inflated; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
