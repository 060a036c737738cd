namespace Registry.Api.Hosting;

/// <summary>
/// A background pass run at start (so a service that was down past a deadline catches up at once) and then every
/// <see cref="Interval"/> on the injected clock. A failed pass is logged by exception type only (its message may carry
/// personal data) and tried again at the next round; nothing is lost by waiting. With a <paramref name="lease"/> a
/// pass runs only on the instance holding it, so several instances never run the same pass at once.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger, SingletonLease? lease = null) : BackgroundService
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
                if (lease is null || await lease.HoldAsync(stoppingToken)) await PassAsync(stoppingToken);
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (lease is not null) await ReleaseQuietlyAsync(lease, logger, cancellationToken);
    }

    /// <summary>Gives a lease up at stop; a failure only means another instance waits for it to run out.</summary>
    internal static async Task ReleaseQuietlyAsync(SingletonLease lease, ILogger logger, CancellationToken ct)
    {
        try
        {
            await lease.ReleaseAsync(ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not release the {Lease} lease at stop ({ExceptionType}); another instance takes it over when it runs out",
                lease.Name, ex.GetType().Name);
        }
    }
}
