using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port) over a temporary data directory, seeded with
/// <see cref="WebCorpus"/> through the store, started once for every test in the collection.
/// </summary>
public sealed class WebHostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("registry-web-").FullName;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Public ids by task code, for tests that open a task directly.</summary>
    public IReadOnlyDictionary<string, string> Ids { get; private set; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Registry:DataDirectory", _dataDirectory);
        builder.UseSetting("Registry:SeedDemoData", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public async Task InitializeAsync()
    {
        UseKestrel();
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        Ids = await SeedAsync();
        await WaitForIndexAsync(WebCorpus.Published.Count);
    }

    /// <summary>A client of the Kestrel server that does not follow redirects or keep cookies between tests.</summary>
    public HttpClient Http(string? acceptLanguage = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };
        if (acceptLanguage is not null) client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    private async Task<IReadOnlyDictionary<string, string>> SeedAsync()
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITaskStore>();
        var ids = new Dictionary<string, string>();
        async Task<string> Create(TaskRecord record, Visibility visibility, string? reason = null)
        {
            var created = await store.CreateAsync(record, Actor.Seeder);
            Assert.True(created.Succeeded, $"Seeding {record.Code} failed: {created.Status} {string.Join("; ", created.Errors?.Select(e => e.Message) ?? [])}");
            var id = created.Task!.Id;
            if (visibility != Visibility.Draft)
            {
                if (visibility == Visibility.Withdrawn) await store.SetVisibilityAsync(id, Visibility.Published, null, null, Actor.Seeder);
                var changed = await store.SetVisibilityAsync(id, visibility, reason, null, Actor.Seeder);
                Assert.True(changed.Succeeded, $"Setting {record.Code} to {visibility} failed: {changed.Status}");
            }
            return ids[record.Code!] = id;
        }
        foreach (var record in WebCorpus.Published) await Create(record, Visibility.Published);
        await Create(WebCorpus.Draft, Visibility.Draft);
        await Create(WebCorpus.Withdrawn, Visibility.Withdrawn, WebCorpus.WithdrawalReason);
        return ids;
    }

    /// <summary>The outbox indexer works in the background: wait until it has caught up with the seeded tasks.</summary>
    private async Task WaitForIndexAsync(int expected)
    {
        var index = Services.GetRequiredService<ISearchIndex>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await index.CountAsync() != expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The search index holds {await index.CountAsync()} tasks after 60 s; expected {expected}.");
            await Task.Delay(100);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebHostFixture>
{
    public const string Name = "web host";
}
