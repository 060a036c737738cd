using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.Fuzz.Tests.Infrastructure;

/// <summary>
/// The real host for one fuzz class, rate limits off (the fuzzer is one client sending thousands of requests),
/// holding a few published tasks so that feeds, OAI-PMH and pages have content to render.
/// </summary>
public class FuzzHost : RegistryApiFactory, IAsyncLifetime
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:RateLimits:AnonymousPerMinute"] = "0",
        ["Registry:RateLimits:KeyPerMinute"] = "0",
    };

    public List<TaskRecordIds> Published { get; } = [];

    public HttpClient Curator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Curator = await CuratorAsync();
        for (var i = 0; i < 3; i++) Published.Add(await CreatePublishedAsync());
    }

    /// <summary>Creates and publishes a valid task; the fuzzer's fixed points for id-based routes.</summary>
    public async Task<TaskRecordIds> CreatePublishedAsync()
    {
        var created = await Curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        created.EnsureSuccessStatusCode();
        var task = (await created.ReadAsync<TaskWriteResponse>()).Task;
        (await Curator.PostAsync($"/api/v1/tasks/{task.Id}/publish", null)).EnsureSuccessStatusCode();
        return new TaskRecordIds(task.Id!, task.Code!);
    }

    /// <summary>The process is alive and serving: the liveness probe answers.</summary>
    public async Task AssertAliveAsync()
    {
        var live = await Anonymous().GetAsync("/health/live");
        Assert.True(live.StatusCode == HttpStatusCode.OK, $"/health/live answered {(int)live.StatusCode}");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed record TaskRecordIds(string Id, string Code);
