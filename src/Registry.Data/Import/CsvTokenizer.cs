using System.Text;

namespace Registry.Data.Import;

/// <summary>
/// A small RFC 4180 reader: quoted fields with doubled quotes and embedded newlines, CRLF / LF / CR line ends.
/// Reads through a fixed buffer, so memory stays constant whatever the file size (one row at a time), and a record
/// is bounded in columns, field length and total length (<see cref="ImportReadLimits"/>): an unterminated quote or a
/// line of a million delimiters is refused as soon as it passes a limit, not read to the end.
/// </summary>
internal sealed class CsvTokenizer(TextReader reader, ImportReadLimits limits)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _length;
    private int _pos;
    private bool _eof;

    /// <summary>Set by <see cref="SniffDelimiterAsync"/>: ',' or ';'.</summary>
    public char Delimiter { get; private set; } = ',';

    /// <summary>Picks ',' or ';', whichever occurs more often outside quotes on the first line.</summary>
    public async Task SniffDelimiterAsync(CancellationToken ct)
    {
        int commas = 0, semicolons = 0, offset = 0; // offset is relative to _pos, which a refill moves
        var quoted = false;
        while (true)
        {
            if (_pos + offset >= _length && (_eof || !await FillAsync(ct, keepFrom: _pos))) break;
            var c = _buffer[_pos + offset++];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c is '\n' or '\r') break;
        }
        Delimiter = semicolons > commas ? ';' : ',';
    }

    /// <summary>The next record's cells, or null at the end of the input.</summary>
    /// <param name="row">The record's row number, for messages.</param>
    public async Task<List<string>?> ReadRowAsync(int row, CancellationToken ct)
    {
        if (!await EnsureAsync(ct)) return null;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var length = 0;
        // "_pos < _length ||" first: the await (a call and a state machine step) is paid only when the buffer runs out.
        while (_pos < _length || await EnsureAsync(ct))
        {
            var c = _buffer[_pos++];
            if (++length > limits.MaxRecordChars) throw RecordTooLong(row);
            if (cell.Length > limits.MaxCellChars) throw CellTooLong(row, cells.Count);
            if (quoted)
            {
                if (c != '"') { cell.Append(c); continue; }
                if ((_pos < _length || await EnsureAsync(ct)) && _buffer[_pos] == '"') { cell.Append('"'); _pos++; }
                else quoted = false;
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == Delimiter)
            {
                if (cells.Count + 1 >= limits.MaxColumns) throw TooManyColumns(row);
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r')
            {
                if ((_pos < _length || await EnsureAsync(ct)) && _buffer[_pos] == '\n') _pos++;
                break;
            }
            else if (c == '\n') break;
            else cell.Append(c);
        }
        if (cell.Length > limits.MaxCellChars) throw CellTooLong(row, cells.Count);
        cells.Add(cell.ToString());
        return cells;
    }

    private ImportFileException RecordTooLong(int row) => ImportReadLimits.TooLarge(
        $"Dòng {row} dài hơn {limits.MaxRecordChars:N0} ký tự; hãy kiểm tra dấu ngoặc kép chưa đóng",
        $"row {row} is longer than {limits.MaxRecordChars:N0} characters; look for an unclosed quote");

    private ImportFileException CellTooLong(int row, int column) => ImportReadLimits.TooLarge(
        $"Dòng {row}, cột {column + 1}: ô dài hơn {limits.MaxCellChars:N0} ký tự; hãy kiểm tra dấu ngoặc kép chưa đóng",
        $"row {row}, column {column + 1}: the cell is longer than {limits.MaxCellChars:N0} characters; look for an unclosed quote");

    private ImportFileException TooManyColumns(int row) => ImportReadLimits.TooLarge(
        $"Dòng {row} có hơn {limits.MaxColumns} cột; hãy xoá các cột thừa",
        $"row {row} has more than {limits.MaxColumns} columns; delete the extra columns");

    private async ValueTask<bool> EnsureAsync(CancellationToken ct) =>
        _pos < _length || (!_eof && await FillAsync(ct, keepFrom: _pos) && _pos < _length);

    /// <summary>Moves unread chars (from <paramref name="keepFrom"/>) to the front and reads more after them.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken ct, int keepFrom)
    {
        var kept = _length - keepFrom;
        if (kept == _buffer.Length) return false; // a first line longer than the buffer: sniff with what we have
        Array.Copy(_buffer, keepFrom, _buffer, 0, kept);
        _length = kept;
        _pos -= keepFrom;
        var read = await reader.ReadAsync(_buffer.AsMemory(_length), ct);
        if (read == 0) { _eof = true; return false; }
        _length += read;
        return true;
    }
}
