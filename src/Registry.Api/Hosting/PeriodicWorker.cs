namespace Registry.Api.Hosting;

/// <summary>
/// A background pass run at start (so a service that was down past a deadline catches up at once) and then every
/// <see cref="Interval"/> on the injected clock. A failed pass is logged by exception type only (its message may carry
/// personal data) and tried again at the next round; nothing is lost by waiting.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the pass does, for the log.</summary>
    protected abstract string Name { get; }

    protected abstract Task PassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("{Worker} failed: {ExceptionType}; retrying in {Interval}", Name, ex.GetType().Name, Interval);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
