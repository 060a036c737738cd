using System.Text;

namespace Registry.Data.Import;

/// <summary>
/// The shared strings table, held as one character array with offsets rather than a string per entry, so its memory
/// is its text (bounded by <see cref="ImportReadLimits.MaxSharedStringChars"/>) plus four bytes an entry.
/// </summary>
internal sealed class XlsxSharedStrings
{
    private char[] _chars = [];
    private int _length;
    private readonly List<int> _starts = [];

    public int Count => _starts.Count;

    public string this[int index]
    {
        get
        {
            var start = _starts[index];
            var end = index + 1 < _starts.Count ? _starts[index + 1] : _length;
            return new string(_chars, start, end - start);
        }
    }

    public static XlsxSharedStrings Load(XlsxXml? xml, ImportReadLimits limits)
    {
        var table = new XlsxSharedStrings();
        if (xml is null) return table;
        var text = new StringBuilder();
        while (xml.ReadTo("si"))
        {
            if (table.Count >= limits.MaxSharedStrings)
                throw ImportReadLimits.TooLarge(
                    $"Bảng chuỗi dùng chung của tệp Excel có hơn {limits.MaxSharedStrings:N0} mục; hãy chia nhỏ tệp",
                    $"the workbook's shared strings table has more than {limits.MaxSharedStrings:N0} entries; split the file");
            text.Clear();
            xml.ReadText(text, limits.MaxCellChars);
            table.Add(text, limits);
        }
        return table;
    }

    private void Add(StringBuilder text, ImportReadLimits limits)
    {
        if ((long)_length + text.Length > limits.MaxSharedStringChars)
            throw ImportReadLimits.TooLarge(
                $"Bảng chuỗi dùng chung của tệp Excel dài hơn {limits.MaxSharedStringChars:N0} ký tự; hãy chia nhỏ tệp",
                $"the workbook's shared strings hold more than {limits.MaxSharedStringChars:N0} characters; split the file");
        if (_length + text.Length > _chars.Length)
            Array.Resize(ref _chars, (int)Math.Min(limits.MaxSharedStringChars, Math.Max(_length + text.Length, Math.Max(4096L, _chars.Length * 2L))));
        text.CopyTo(0, _chars.AsSpan(_length), text.Length);
        _starts.Add(_length);
        _length += text.Length;
    }
}
