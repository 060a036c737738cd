using Registry.Data.Inquiries;

namespace Registry.Api.Inquiries;

/// <summary>
/// Erases the business's contact details (and need) of inquiries older than
/// <c>Registry:Inquiries:PersonalDataRetentionDays</c>, at start and then hourly, on the injected clock. A failed
/// pass is logged and tried again at the next tick; nothing is lost by waiting.
/// </summary>
public sealed class InquiryRetentionWorker(IInquiryStore store, TimeProvider clock, ILogger<InquiryRetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns how many inquiries were erased (0 after a failure, which is logged).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            var erased = await store.ErasePersonalDataAsync(ct);
            if (erased > 0) logger.LogInformation("Erased the contact details of {Count} inquiries past the retention period", erased);
            return erased;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Erasing expired inquiry contact details failed; retrying in {Interval}", Interval);
            return 0;
        }
    }
}
