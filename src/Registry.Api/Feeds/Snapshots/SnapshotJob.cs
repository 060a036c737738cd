using Microsoft.Extensions.Options;

namespace Registry.Api.Feeds.Snapshots;

/// <summary>Writes the snapshot on start when missing, then every <see cref="FeedsOptions.SnapshotSettings.Interval"/>.</summary>
internal sealed class SnapshotJob(SnapshotWriter writer, IOptions<FeedsOptions> options, IHostApplicationLifetime lifetime, ILogger<SnapshotJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Snapshots;
        if (!settings.Enabled) return;
        // Wait until the store is migrated and seeded (RegistryStartup runs before ApplicationStarted).
        await WhenStarted(stoppingToken);
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (first) await writer.EnsureAsync(stoppingToken);
                else await writer.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Không ghi được bản sao: {ExceptionType}; sẽ thử lại (snapshot run failed; will retry next interval)", ex.GetType().Name);
            }
            first = false;
            await Task.Delay(settings.Interval, stoppingToken);
        }
    }

    private Task WhenStarted(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}
