using System.Diagnostics;
using System.Globalization;

namespace Registry.Api.Cli;

/// <summary>
/// Progress of a rebuild on stderr in the import bar's style: tasks done/total, percent, tasks per second; redrawn
/// with '\r' on a terminal, plain lines at most once a second when redirected.
/// </summary>
internal sealed class ReindexProgressBar(TextWriter output, bool interactive) : IProgress<(int Done, int Total)>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastPrinted;
    private string _current = "";
    private string _printed = "";

    public void Report((int Done, int Total) value)
    {
        _current = Render(value.Done, value.Total);
        if (interactive)
        {
            output.Write("\r" + _current);
        }
        else if (_lastPrinted is null || _clock.Elapsed - _lastPrinted >= TimeSpan.FromSeconds(1))
        {
            Print();
        }
    }

    public void Finish()
    {
        if (_current.Length == 0) return;
        if (interactive) output.WriteLine();
        else if (_current != _printed) Print();
    }

    private void Print()
    {
        output.WriteLine(_current);
        _printed = _current;
        _lastPrinted = _clock.Elapsed;
    }

    private string Render(int done, int total)
    {
        var fraction = total > 0 ? Math.Min(1, (double)done / total) : 1;
        var filled = (int)Math.Round(fraction * Width);
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        return $"Lập chỉ mục (indexing) [{new string('#', filled)}{new string('.', Width - filled)}] {N(done)}/{N(total)} nhiệm vụ (tasks) " +
               $"{(fraction * 100).ToString("0", CultureInfo.InvariantCulture)}% {N((int)(done / seconds))} nhiệm vụ/s (tasks/s)";
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
