using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real host over its own temporary data directory, with demo seeding off and every log line collected.
/// One instance per writing test class (IClassFixture); the classes that only read share one (<see cref="ReadOnlyHost"/>).
/// </summary>
public class RegistryApiFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "rk_test_bootstrap_admin_key_0123456789";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("registry-e2e-").FullName;

    public CollectingLoggerProvider Logs { get; } = new();

    /// <summary>Configuration a test class adds or overrides (e.g. seeding on).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> AllSettings
    {
        get
        {
            var all = new Dictionary<string, string?>
            {
                ["Registry:DataDirectory"] = DataDirectory,
                ["Registry:SeedDemoData"] = "false",
                ["Registry:Auth:BootstrapAdminKey"] = AdminKey,
            };
            foreach (var (key, value) in Settings) all[key] = value;
            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in AllSettings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>Lets a test class replace a service (e.g. a store that fails) after the standard ones.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Waits (bounded) until the outbox indexer has completed every change. An item completes only after the index
    /// commit and the output cache eviction that follows it, so a test that reads from the cache after a write starts
    /// from a settled cache instead of racing the background eviction.
    /// </summary>
    public async Task WaitForOutboxDrainedAsync()
    {
        var outbox = Services.GetRequiredService<Registry.Data.Abstractions.IOutboxStore>();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (await outbox.PendingCountAsync() == 0) return;
            await Task.Delay(25);
        }

        Assert.Fail("The outbox indexer did not drain the outbox within 10 s.");
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient Admin() => WithKey(AdminKey);

    private readonly Lazy<Task<string>> _curatorKey;

    public RegistryApiFactory() => _curatorKey = new Lazy<Task<string>>(() => CreateKeyAsync("curator"));

    public async Task<HttpClient> CuratorAsync() => WithKey(await _curatorKey.Value);

    /// <summary>Creates a key through the admin endpoint, as an operator would.</summary>
    public async Task<string> CreateKeyAsync(string role) => (await CreateNamedKeyAsync(role)).Key;

    public async Task<(string Name, string Key)> CreateNamedKeyAsync(string role)
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/apikeys", new { name = $"{role}-{Guid.NewGuid():N}", role });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKey>();
        return (created!.Name, created.Key);
    }

    private sealed record CreatedKey(string Name, string Key);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on some systems; the OS temp cleaner takes it later.
        }
    }

    public static MediaTypeHeaderValue Json => new("application/json");
}
