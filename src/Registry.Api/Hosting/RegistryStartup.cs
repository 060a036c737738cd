using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Abstractions;

namespace Registry.Api.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrates the store, bootstraps the admin key and seeds the demo
/// catalogue when asked; then prints where the service listens. Being the first hosted service, it is also built
/// first, and building it takes the <see cref="DataDirectoryLock"/> before any other service opens the index.
/// </summary>
internal sealed class RegistryStartup(
    IServiceProvider services, IOptions<RegistryApiOptions> options, IHostApplicationLifetime lifetime, IServer server,
    DataDirectoryLock dataDirectory) : IHostedService
{
    /// <summary>Held for the host's life; released when the container disposes it.</summary>
    public DataDirectoryLock DataDirectory { get; } = dataDirectory;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RegistryInitializer.InitializeAsync(services, options.Value.SeedDemoData, cancellationToken);
        await ReleaseDeadLeasesAsync(cancellationToken);
        await EarlierLeases.ReleaseAsync(services, services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryStartup>(), cancellationToken);
        await services.GetRequiredService<Forms.FormSigningKey>().EnsureAsync(cancellationToken);
        // Hosted services are singletons: this is the instance that renews the claim once started.
        if (services.GetServices<IHostedService>().OfType<EmbeddedIndexClaim>().SingleOrDefault() is { } claim) await claim.ClaimAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(PrintAddresses);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Behind the lock no other process uses a SQLite outbox kept inside the data directory, so a lease still held was
    /// held by a process that died (kill -9, power cut): its items are freed now rather than after the lease expires
    /// minutes later. A SQLite file shared by several instances (<c>Registry:Database:SqlitePath</c>) is not behind
    /// this lock: there another instance's leases are live and are left to run out.
    /// </summary>
    private async Task ReleaseDeadLeasesAsync(CancellationToken ct)
    {
        var data = services.GetRequiredService<IOptions<RegistryDataOptions>>().Value;
        if (!DataDirectory.Held || data.Database.ProviderKind != DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(data.Database.SqlitePath)) return;
        var released = await services.GetRequiredService<IOutboxStore>().ReleaseAllLeasesAsync(ct);
        if (released > 0)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryStartup>().LogInformation(
                "Đã giải phóng {Count} mục hàng đợi chỉ mục của tiến trình trước (released {Count} search outbox items leased by a previous process)", released, released);
        }
    }

    private void PrintAddresses()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0) return;
        var first = addresses.First();
        var line = $"Registry đang chạy tại {string.Join(", ", addresses)} (Registry is running) — API {first}/api/v1/tasks, Swagger {first}/swagger, health {first}/health/ready";
        // With JSON logs every line on the console is a JSON object, so the banner goes through the logger.
        if (services.GetRequiredService<IOptions<Registry.Api.Telemetry.RegistryLoggingOptions>>().Value.Json)
            services.GetRequiredService<ILoggerFactory>().CreateLogger<RegistryStartup>().LogInformation("{Banner}", line);
        else Console.WriteLine(line);
    }
}
