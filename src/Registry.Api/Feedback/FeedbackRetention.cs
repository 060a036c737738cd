using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Data.Feedback;

namespace Registry.Api.Feedback;

/// <summary>Applies the retention rule once: feedback older than the configured period loses its personal data.</summary>
public sealed class FeedbackRetention(IFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider clock)
{
    public TimeSpan Period => TimeSpan.FromDays(options.Value.PersonalDataRetentionDays);

    public Task<FeedbackSweep> SweepOnceAsync(CancellationToken ct = default) => store.SweepAsync(clock.GetUtcNow() - Period, ct);
}

/// <summary>
/// Runs the retention sweep at start and then every <see cref="FeedbackOptions.SweepIntervalMinutes"/>
/// (<see cref="PeriodicWorker"/>), on one instance at a time.
/// </summary>
public sealed class FeedbackRetentionWorker(FeedbackRetention retention, IOptions<FeedbackOptions> options, TimeProvider clock,
    ILogger<FeedbackRetentionWorker> logger, SingletonLeases? leases = null) : PeriodicWorker(clock, logger, leases?.For(LeaseName))
{
    public const string LeaseName = "feedback-retention";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes);

    protected override string Name => "Feedback retention sweep";

    protected override async Task PassAsync(CancellationToken ct)
    {
        var sweep = await retention.SweepOnceAsync(ct);
        if (sweep.Erased + sweep.Deleted > 0)
        {
            logger.LogInformation("Feedback retention: erased personal data of {Erased}, deleted {Deleted}", sweep.Erased, sweep.Deleted);
        }
    }
}
