using Registry.Api.Hosting;
using Registry.Data.Inquiries;

namespace Registry.Api.Inquiries;

/// <summary>
/// Erases the business's contact details (and need) of inquiries older than
/// <c>Registry:Inquiries:PersonalDataRetentionDays</c>, at start and then hourly (<see cref="PeriodicWorker"/>), on one instance at a time.
/// </summary>
public sealed class InquiryRetentionWorker(IInquiryStore store, TimeProvider clock, ILogger<InquiryRetentionWorker> logger,
    SingletonLeases? leases = null) : PeriodicWorker(clock, logger, leases?.For(LeaseName))
{
    public const string LeaseName = "inquiry-retention";

    protected override TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    protected override string Name => "Inquiry retention";

    protected override async Task PassAsync(CancellationToken ct)
    {
        var erased = await store.ErasePersonalDataAsync(ct);
        if (erased > 0) logger.LogInformation("Erased the contact details of {Count} inquiries past the retention period", erased);
    }
}
