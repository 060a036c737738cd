using Microsoft.Extensions.Options;
using Registry.Data.Feedback;

namespace Registry.Api.Feedback;

/// <summary>Applies the retention rule once: feedback older than the configured period loses its personal data.</summary>
public sealed class FeedbackRetention(IFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public TimeSpan Period => TimeSpan.FromDays(options.Value.PersonalDataRetentionDays);

    public Task<FeedbackSweep> SweepOnceAsync(CancellationToken ct = default) => store.SweepAsync(clock.GetUtcNow() - Period, ct);
}

/// <summary>
/// Runs the retention sweep at start (so a service that was down past a deadline erases at once) and then every
/// <see cref="FeedbackOptions.SweepIntervalMinutes"/>. A failed sweep is logged and tried again at the next round.
/// </summary>
public sealed class FeedbackRetentionWorker(FeedbackRetention retention, IOptions<FeedbackOptions> options, TimeProvider clock,
    ILogger<FeedbackRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sweep = await retention.SweepOnceAsync(stoppingToken);
                if (sweep.Erased + sweep.Deleted > 0)
                {
                    logger.LogInformation("Feedback retention: erased personal data of {Erased}, deleted {Deleted}", sweep.Erased, sweep.Deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Feedback retention sweep failed: {ExceptionType}", ex.GetType().Name);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
