using System.Diagnostics;
using System.Globalization;
using Registry.Data.Import;

namespace Registry.Api.Cli;

/// <summary>
/// Text progress of an import on stderr: rows done/total, percent, rows per second. On a terminal the line is
/// redrawn with '\r'; when redirected, plain lines are written at most once a second, at each phase change and at
/// the end. The import reads the file once, so the row count is known only at the end: until then the percentage is
/// how far into the file the reader has gone, and the last line gives the rows out of the total.
/// </summary>
internal sealed class ImportProgressBar(TextWriter output, Stream file, bool interactive) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _fileLength = file.CanSeek ? file.Length : 0;
    private string? _phase;
    private TimeSpan _phaseStart;
    private TimeSpan? _lastPrinted;
    private int _total;
    private string _current = "";
    private string _printed = "";
    private ImportProgress? _last;

    public void Report(ImportProgress value)
    {
        if (value.Phase != _phase) StartPhase(value.Phase);
        _last = value;
        _current = Render(value);
        if (interactive)
        {
            output.Write("\r" + _current);
        }
        else if (_lastPrinted is null || _clock.Elapsed - _lastPrinted >= TimeSpan.FromSeconds(1))
        {
            Print();
        }
    }

    /// <summary>Ends the display: a newline on a terminal, the final numbers when redirected.</summary>
    /// <param name="rows">The file's rows, once the report gives them: the last line then shows done/total.</param>
    public void Finish(int rows = 0)
    {
        if (_phase is null) return;
        if (rows > 0 && _last is { } last && last.Phase != "checking")
        {
            _total = rows;
            _current = Render(last with { RowsDone = rows });
            if (interactive) output.Write("\r" + _current);
        }
        if (interactive) output.WriteLine();
        else if (_current != _printed) Print();
    }

    private void StartPhase(string phase)
    {
        if (_phase is not null) Finish();
        _phase = phase;
        _phaseStart = _clock.Elapsed;
        _lastPrinted = null;
    }

    private void Print()
    {
        output.WriteLine(_current);
        _printed = _current;
        _lastPrinted = _clock.Elapsed;
    }

    private string Render(ImportProgress value)
    {
        var writing = value.Phase != "checking" && _total > 0;
        var fraction = writing
            ? (double)value.RowsDone / _total
            : _fileLength > 0 ? Math.Min(1, (double)file.Position / _fileLength) : 0;
        var filled = (int)Math.Round(fraction * Width);
        var seconds = Math.Max((_clock.Elapsed - _phaseStart).TotalSeconds, 0.001);
        var label = value.Phase == "checking" ? "Kiểm tra (checking)" : "Ghi (writing)";
        var counts = writing ? $"{N(value.RowsDone)}/{N(_total)}" : $"{N(value.RowsDone)}/?";
        return $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {counts} dòng (rows) " +
               $"{(fraction * 100).ToString("0", CultureInfo.InvariantCulture)}% {N((int)(value.RowsDone / seconds))} dòng/s (rows/s)";
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
