using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cards;

/// <summary>
/// Its own host (Kestrel, temporary data directory) because the card tests update a task, which the shared web
/// corpus must not see: a task with every Vietnamese vowel and tone, a hostile title, one to update, a draft and a withdrawn task.
/// </summary>
public sealed class CardHostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string VowelsCode = "ĐT-2024-77701-PT";
    public const string HostileCode = "ĐT-2024-77702-PT";
    public const string ChangingCode = "ĐT-2024-77703-PT";
    /// <summary>An ordinary task with a plain summary: the card docs/communication.md shows.</summary>
    public const string TeaCode = WebCorpus.TeaCode;

    /// <summary>Every Vietnamese vowel (and đ) with every tone, lower and upper case, precomposed.</summary>
    public const string VowelsTitle = "Đề tài ả ạ á à ã ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ é è ẻ ẽ ẹ ế ề ể ễ ệ í ì ỉ ĩ ị ó ò ỏ õ ọ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ đ Ấ Ầ Ẩ Ẫ Ậ Ớ Ờ Ở Ỡ Ợ Ự Ữ";
    public const string HostileTitle = "\"Trích\" & <script>alert('x')</script> #1 – dòng một\ndòng hai\r\n?a=b&c=d %20";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("registry-card-").FullName;

    public string BaseUrl { get; private set; } = "";
    public Dictionary<string, string> Ids { get; } = new();

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
        var template = WebCorpus.Published[0];
        await CreateAsync(template with { Code = VowelsCode, Title = VowelsTitle }, Visibility.Published);
        await CreateAsync(template with { Code = HostileCode, Title = HostileTitle }, Visibility.Published);
        await CreateAsync(template with { Code = ChangingCode, Title = "Nhiệm vụ sẽ được sửa" }, Visibility.Published);
        await CreateAsync(WebCorpus.Published.Single(t => t.Code == WebCorpus.TeaCode), Visibility.Published);
        await CreateAsync(WebCorpus.Draft, Visibility.Draft);
        await CreateAsync(WebCorpus.Withdrawn, Visibility.Withdrawn);
    }

    public HttpClient Http() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Stores a new version of a task, as a curator's edit would.</summary>
    public async Task UpdateAsync(string code, Func<TaskRecord, TaskRecord> change)
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITaskStore>();
        var stored = await store.FindByIdAsync(Ids[code]);
        Assert.NotNull(stored);
        var result = await store.UpdateAsync(Ids[code], change(stored!.Record) with { Id = null, Visibility = null }, null, Actor.Seeder);
        Assert.True(result.Succeeded, $"Updating {code} failed: {result.Status} {string.Join("; ", result.Errors?.Select(e => e.Message) ?? [])}");
    }

    private async Task CreateAsync(TaskRecord record, Visibility visibility)
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ITaskStore>();
        var created = await store.CreateAsync(record, Actor.Seeder);
        Assert.True(created.Succeeded, $"Seeding {record.Code} failed: {created.Status} {string.Join("; ", created.Errors?.Select(e => e.Message) ?? [])}");
        var id = created.Task!.Id;
        if (visibility != Visibility.Draft)
        {
            await store.SetVisibilityAsync(id, Visibility.Published, null, null, Actor.Seeder);
            if (visibility == Visibility.Withdrawn) await store.SetVisibilityAsync(id, visibility, WebCorpus.WithdrawalReason, null, Actor.Seeder);
        }
        Ids[record.Code!] = id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
