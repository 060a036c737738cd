using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Data;
using Registry.Data.Telemetry;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>
/// Drives webhooks from the outbox: fans new outbox rows out into deliveries (the cursor moves in the same
/// transaction), then leases due deliveries and sends them, a few at a time. Whatever one attempt throws is that
/// attempt's failure, never the host's. Safe with several instances: the fan-out cursor moves by compare-and-set
/// (and runs on the instance holding the <see cref="FanOutLease"/> lease, so the others do not read the same rows
/// for nothing), deliveries are leased row by row with this process as owner. A stop in the middle gives this
/// process's leases back; a crash leaves them to run out (or to be freed when the same instance starts again, see
/// <see cref="EarlierLeases"/>), so the delivery is attempted again and arrives with the same event id.
/// </summary>
public sealed class WebhookWorker(
    IWebhookStore store, WebhookSender sender, IOptions<WebhookOptions> options, InstanceIdentity identity, SingletonLeases leases,
    TimeProvider clock, ILogger<WebhookWorker> logger) : BackgroundService
{
    public const string FanOutLease = "webhook-fanout";
    private const int FanOutBatch = 500;
    private readonly string _owner = identity.Owner("webhooks");
    private readonly SingletonLease _fanOut = leases.For(FanOutLease);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!options.Value.Enabled) return;
        await PeriodicWorker.ReleaseQuietlyAsync(_fanOut, logger, cancellationToken);
        try
        {
            await store.ReleaseLeasesOwnedAsync(_owner, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not give back this process's webhook deliveries at stop ({ExceptionType}); they are sent when their leases run out", ex.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await FanOutAsync(stoppingToken) | await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Type only: a database error's message may quote row values.
                logger.LogError("Webhook worker round failed with {ExceptionType}", ex.GetType().Name);
            }
            if (!busy)
            {
                try
                {
                    await Task.Delay(poll, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> FanOutAsync(CancellationToken ct)
    {
        if (!await _fanOut.HoldAsync(ct)) return false;
        var read = await store.FanOutAsync(FanOutBatch, ct);
        return read == FanOutBatch;
    }

    private async Task<bool> DeliverDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var leaseFor = o.Timeout * 2 + TimeSpan.FromSeconds(30);
        var due = await store.LeaseDueAsync(_owner, o.Concurrency * 4, leaseFor, ct);
        if (due.Count == 0) return false;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency, CancellationToken = ct },
            async (delivery, token) => await AttemptAsync(delivery, token));
        return true;
    }

    private async Task AttemptAsync(LeasedWebhookDelivery delivery, CancellationToken ct)
    {
        var o = options.Value;
        // The subscriber's id and the event type: the URL may carry the partner's token, and its HTTP span redacts it.
        using var activity = RegistryTelemetry.Source.StartActivity("webhook deliver");
        activity?.SetTag("registry.webhook.subscription", delivery.SubscriptionId);
        activity?.SetTag("registry.webhook.event_type", delivery.EventType);
        activity?.SetTag("registry.webhook.attempt", delivery.Attempts + 1);
        WebhookAttemptOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(delivery, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The body could not be built (database unavailable): a failed attempt, retried like any other.
            outcome = new WebhookAttemptOutcome(false, null, 0, $"Lỗi nội bộ khi chuẩn bị gửi (internal error preparing the delivery): {ex.GetType().Name}");
        }
        var retryAt = clock.GetUtcNow() + WebhookBackoff.Delay(delivery.Attempts + 1, o.FirstRetrySeconds, o.MaxRetrySeconds, Random.Shared.NextDouble());
        var recorded = await store.RecordAttemptAsync(_owner, delivery.Id, outcome, new WebhookFailurePolicy(retryAt, o.MaxAttempts, o.PauseAfterFailures), ct);
        activity?.SetTag("http.response.status_code", outcome.StatusCode);
        if (!outcome.Succeeded) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        RegistryTelemetry.WebhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Succeeded ? "delivered" : "failed"));
        if (!recorded) logger.LogWarning("Webhook delivery {DeliveryId} lost its lease before its attempt was recorded", delivery.Id);
        else if (outcome.Succeeded) logger.LogInformation("Webhook {EventId} delivered to {Subscription} ({Status})", delivery.EventId, delivery.SubscriptionId, outcome.StatusCode);
        // The status only: the error holds the start of the receiver's answer, which the delivery log keeps for admins.
        else logger.LogWarning("Webhook {EventId} to {Subscription} failed ({Status})", delivery.EventId, delivery.SubscriptionId, outcome.StatusCode?.ToString() ?? "no answer");
    }
}
