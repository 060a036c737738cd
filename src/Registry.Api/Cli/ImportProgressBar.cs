using System.Diagnostics;
using System.Globalization;
using Registry.Data.Import;

namespace Registry.Api.Cli;

/// <summary>
/// Text progress of an import on stderr: rows done/total, percent, rows per second. On a terminal the line is
/// redrawn with '\r'; when redirected, plain lines are written at most once a second, at each phase change and at
/// the end. The first pass does not know the row count yet, so its percentage is how far into the file it has read.
/// </summary>
internal sealed class ImportProgressBar(TextWriter output, Stream file, bool interactive) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _fileLength = file.CanSeek ? file.Length : 0;
    private string? _phase;
    private TimeSpan _phaseStart;
    private TimeSpan? _lastPrinted;
    private int _rowsRead;
    private int _total;
    private string _current = "";
    private string _printed = "";

    public void Report(ImportProgress value)
    {
        if (value.Phase != _phase) StartPhase(value.Phase);
        _rowsRead = value.RowsRead;
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
    public void Finish()
    {
        if (_phase is null) return;
        if (interactive) output.WriteLine();
        else if (_current != _printed) Print();
    }

    private void StartPhase(string phase)
    {
        if (_phase is not null) Finish();
        // The checking pass has read every row by the time the writing pass starts: that is the total.
        if (_phase == "checking") _total = _rowsRead;
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
