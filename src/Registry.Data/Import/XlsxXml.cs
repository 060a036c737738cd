using System.Text;
using System.Xml;

namespace Registry.Data.Import;

/// <summary>
/// A forward-only reader over one part of a workbook that cannot be made to recurse, expand entities, fetch
/// anything or hold more than a bounded amount of text: no DTD, no resolver, element depth checked on every node,
/// text read in chunks and cut off at a caller's limit. Elements are matched by local name, so strict and
/// transitional OOXML namespaces both work.
/// </summary>
internal sealed class XlsxXml : IDisposable
{
    private readonly XmlReader _reader;
    private readonly string _part;
    private readonly int _maxDepth;
    private readonly char[] _chunk = new char[4096];

    public XlsxXml(Stream partStream, string part, ImportReadLimits limits)
    {
        _part = part;
        _maxDepth = limits.MaxXmlDepth;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = limits.MaxDecompressedBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        // Strict UTF-8, BOM or not (what Excel writes): XlsxPartStream's tag scan relies on it.
        var text = new StreamReader(partStream, new UTF8Encoding(true, throwOnInvalidBytes: true), false, 1 << 14);
        _reader = XmlReader.Create(text, settings);
    }

    public XmlReader Reader => _reader;

    /// <summary>The next node, refusing nesting deeper than the limit before anything is built from it.</summary>
    public bool Read()
    {
        if (!_reader.Read()) return false;
        if (_reader.Depth > _maxDepth)
            throw ImportReadLimits.TooLarge(
                $"Phần '{_part}' của tệp Excel lồng nhau quá {_maxDepth} cấp; hãy mở và lưu lại bằng Excel",
                $"part '{_part}' nests elements more than {_maxDepth} deep; re-save the file in Excel");
        return true;
    }

    public bool IsStart(string localName) => _reader.NodeType == XmlNodeType.Element && _reader.LocalName == localName;

    public bool IsEnd(string localName) => _reader.NodeType == XmlNodeType.EndElement && _reader.LocalName == localName;

    /// <summary>Moves to the first element with this local name; false when the part ends first.</summary>
    public bool ReadTo(string localName)
    {
        while (Read())
            if (IsStart(localName)) return true;
        return false;
    }

    /// <summary>An attribute by local name whatever its namespace prefix (r:id and id alike), or null.</summary>
    public string? Attribute(string localName, bool prefixed = false)
    {
        if (!_reader.MoveToFirstAttribute()) return null;
        try
        {
            do
            {
                if (_reader.LocalName == localName && (_reader.Prefix.Length > 0) == prefixed) return _reader.Value;
            } while (_reader.MoveToNextAttribute());
            return null;
        }
        finally
        {
            _reader.MoveToElement();
        }
    }

    /// <summary>
    /// Appends the text of the element the reader is on (its &lt;t&gt; children and their runs, not phonetic
    /// &lt;rPh&gt; hints) and leaves the reader on its end tag. More than <paramref name="maxChars"/> characters refuse the file.
    /// </summary>
    public void ReadText(StringBuilder into, int maxChars, bool textOnlyInT = true)
    {
        if (_reader.IsEmptyElement) return;
        var depth = _reader.Depth;
        var inT = !textOnlyInT;
        var skipDepth = -1;
        while (Read() && _reader.Depth > depth)
        {
            if (_reader.NodeType == XmlNodeType.Element && skipDepth < 0 && _reader.LocalName == "rPh" && !_reader.IsEmptyElement)
                skipDepth = _reader.Depth;
            else if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == skipDepth) skipDepth = -1;
            else if (_reader.NodeType == XmlNodeType.Element && _reader.LocalName == "t") inT = !_reader.IsEmptyElement;
            else if (_reader.NodeType == XmlNodeType.EndElement && _reader.LocalName == "t") inT = !textOnlyInT;
            else if (skipDepth < 0 && inT && _reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA
                         or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                AppendValue(into, maxChars);
        }
    }

    private void AppendValue(StringBuilder into, int maxChars)
    {
        int read;
        while ((read = _reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (into.Length + read > maxChars)
                throw ImportReadLimits.TooLarge(
                    $"Một ô trong phần '{_part}' dài hơn {maxChars:N0} ký tự",
                    $"a cell in part '{_part}' holds more than {maxChars:N0} characters");
            into.Append(_chunk, 0, read);
        }
    }

    public void Dispose() => _reader.Dispose();
}
