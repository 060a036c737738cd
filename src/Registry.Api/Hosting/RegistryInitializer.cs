using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Demo;

namespace Registry.Api.Hosting;

/// <summary>Shared by the web host and the command-line verbs, so both see a migrated store.</summary>
public static class RegistryInitializer
{
    /// <summary>Migrates the store, creates the bootstrap admin key when configured, and seeds the demo when asked.</summary>
    public static async Task InitializeAsync(IServiceProvider services, bool seedDemoData, CancellationToken ct)
    {
        await services.InitializeRegistryDataAsync(ct);
        if (!seedDemoData) return;

        var options = services.GetRequiredService<IOptions<RegistryApiOptions>>().Value;
        var seeded = await DemoSeeder.SeedIfEmptyAsync(
            services.GetRequiredService<ITaskStore>(), services.GetRequiredService<ITaskCatalog>(), options.DemoTaskCount, ct);
        if (seeded > 0)
        {
            await DemoCollections.SeedIfEmptyAsync(services.GetRequiredService<Registry.Data.Collections.ICollectionStore>(),
                services.GetRequiredService<ITaskCatalog>(), ct);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegistryInitializer))
                .LogInformation("Đã tạo {Count} nhiệm vụ mẫu trong kho trống (seeded {Count} demo tasks into the empty store)", seeded, seeded);
        }
    }
}
