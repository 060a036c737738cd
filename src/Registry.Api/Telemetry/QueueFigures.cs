using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Data.Mail;
using Registry.Data.Telemetry;
using Registry.Data.Webhooks;
using G = Registry.Data.Telemetry.RegistryTelemetry.Gauges;

namespace Registry.Api.Telemetry;

/// <summary>
/// The queue gauges: outbox, mail and webhook figures read from the database every
/// <see cref="TelemetryOptions.FiguresRefreshSeconds"/> and kept here, so a scrape (or many) never reaches the
/// database. Ages are computed at observation time from the oldest item's timestamp, so they grow between reads as a
/// stuck queue's would. A failed read keeps the last figures and shows in <c>registry.telemetry.figures_age</c>.
/// </summary>
internal sealed class QueueFigures : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<QueueFigures> _logger;
    private readonly TimeSpan _interval;
    private readonly Meter _meter;
    private volatile Snapshot? _outbox;
    private volatile MailQueueStatus? _mail;
    private volatile WebhookQueueStatus? _webhooks;
    private long _readAtTicks;

    public QueueFigures(IServiceScopeFactory scopes, IMeterFactory meters, IOptions<TelemetryOptions> options, TimeProvider clock, ILogger<QueueFigures> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        _interval = TimeSpan.FromSeconds(options.Value.FiguresRefreshSeconds);
        _meter = meters.Create(RegistryTelemetry.Name);
        _meter.CreateObservableGauge(G.OutboxPending, () => Observe(_outbox, o => o.Pending), "{item}", "Search outbox items not yet applied to the index");
        _meter.CreateObservableGauge(G.OutboxOldestAge, () => ObserveAge(_outbox?.OldestAt, _outbox), "s", "Age of the oldest search outbox item not yet applied");
        _meter.CreateObservableGauge(G.MailPending, () => Observe(_mail, m => m.Unsent), "{mail}", "Mails waiting to be sent");
        _meter.CreateObservableGauge(G.MailOldestAge, () => ObserveAge(_mail?.OldestUnsentAt, _mail), "s", "Age of the oldest mail waiting to be sent");
        _meter.CreateObservableGauge(G.MailGivenUp, () => Observe(_mail, m => m.GivenUp), "{mail}", "Mails given up (kept as log rows)");
        _meter.CreateObservableGauge(G.WebhookPending, () => Observe(_webhooks, w => w.Pending), "{delivery}", "Webhook deliveries waiting for an attempt");
        _meter.CreateObservableGauge(G.WebhookRetrying, () => Observe(_webhooks, w => w.Retrying), "{delivery}", "Pending webhook deliveries that failed at least once");
        _meter.CreateObservableGauge(G.WebhookFailed, () => Observe(_webhooks, w => w.Failed), "{delivery}", "Webhook deliveries whose every attempt failed");
        _meter.CreateObservableGauge(G.WebhookOldestAge, () => ObserveAge(_webhooks?.OldestPendingAt, _webhooks), "s", "Age of the oldest delivery waiting for an active subscriber");
        _meter.CreateObservableGauge(G.WebhookPausedSubscribers, () => Observe(_webhooks, w => w.PausedSubscribers), "{subscriber}", "Paused webhook subscribers");
        _meter.CreateObservableGauge(G.FiguresAge, ObserveFiguresAge, "s", "Seconds since the queue figures were last read");
    }

    private sealed record Snapshot(int Pending, DateTimeOffset? OldestAt);

    /// <summary>Reads every figure once now (the loop does this each interval; tests call it to skip the wait).</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ok = await TryAsync("outbox", async () =>
        {
            var outbox = services.GetRequiredService<IOutboxStore>();
            var pending = await outbox.PendingCountAsync(ct);
            _outbox = new Snapshot(pending, pending == 0 ? null : await outbox.OldestPendingAsync(ct));
        });
        ok &= await TryAsync("mail", async () => _mail = await services.GetRequiredService<IMailQueueStore>().StatusAsync(ct));
        ok &= await TryAsync("webhooks", async () => _webhooks = await services.GetRequiredService<IWebhookStore>().StatusAsync(ct));
        if (ok) Interlocked.Exchange(ref _readAtTicks, _clock.GetUtcNow().UtcTicks);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshAsync(stoppingToken);
            try
            {
                await Task.Delay(_interval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private async Task<bool> TryAsync(string what, Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception ex)
        {
            // Type only: a database error's message may quote row values.
            _logger.LogWarning("Reading the {Queue} figures for telemetry failed: {ExceptionType}", what, ex.GetType().Name);
            return false;
        }
    }

    private static IEnumerable<Measurement<long>> Observe<T>(T? figures, Func<T, long> value) where T : class =>
        figures is null ? [] : [new Measurement<long>(value(figures))];

    private IEnumerable<Measurement<double>> ObserveAge(DateTimeOffset? oldest, object? figures) =>
        figures is null ? [] : [new Measurement<double>(oldest is { } at ? Math.Max(0, (_clock.GetUtcNow() - at).TotalSeconds) : 0)];

    private IEnumerable<Measurement<double>> ObserveFiguresAge()
    {
        var ticks = Interlocked.Read(ref _readAtTicks);
        return ticks == 0 ? [] : [new Measurement<double>((_clock.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond)];
    }
}
