using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// The real host with a seeded catalogue: three organizations with 20 published tasks each (two outputs per task),
/// plus, in the first organization, one draft and one withdrawn task. Every SQL command is counted.
/// </summary>
public class GraphQLApiFactory : RegistryApiFactory, IAsyncLifetime
{
    public const string ContactEmailDomain = "lienhe.example.vn";
    public static readonly string[] Organizations = ["Viện Khoa học Nông Lâm nghiệp miền núi phía Bắc", "Trường Đại học Hùng Vương", "Công ty Cổ phần Chè Phú Thọ"];

    public SqlCommandCounter Commands { get; } = new();
    public List<string> PublishedIds { get; } = [];
    public string DraftId { get; private set; } = "";
    public string WithdrawnId { get; private set; } = "";
    public string WithdrawnCode { get; private set; } = "";

    protected override void ConfigureServices(IServiceCollection services)
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        RegistryDbContextOptions.UseSqlite(options, RegistryDbContextOptions.SqliteConnectionString(DataDirectory));
        options.AddInterceptors(Commands);
        services.AddSingleton<IDbContextFactory<RegistryDbContext>>(new CountingContextFactory(options.Options));
    }

    public async Task InitializeAsync()
    {
        var store = Services.GetRequiredService<ITaskStore>();
        for (var i = 0; i < 60; i++)
        {
            var record = Task(i, Organizations[i % 3]) with { Visibility = Visibility.Published };
            PublishedIds.Add((await store.CreateAsync(record, Actor.Seeder)).Task!.Id);
        }

        DraftId = (await store.CreateAsync(Task(100, Organizations[0]) with { Title = "Nhiệm vụ nháp bí ẩn về chè" }, Actor.Seeder)).Task!.Id;
        var withdrawn = (await store.CreateAsync(Task(101, Organizations[0]) with { Visibility = Visibility.Published }, Actor.Seeder)).Task!;
        await store.SetVisibilityAsync(withdrawn.Id, Visibility.Withdrawn, "Trùng lặp với nhiệm vụ khác", null, Actor.Seeder);
        (WithdrawnId, WithdrawnCode) = (withdrawn.Id, withdrawn.Record.Code!);
        await WaitForIndexAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => System.Threading.Tasks.Task.CompletedTask;

    /// <summary>Waits until the background indexer has applied every change (so searches see the seeded tasks).</summary>
    public async Task WaitForIndexAsync()
    {
        var outbox = Services.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 300 && await outbox.PendingCountAsync() > 0; i++) await System.Threading.Tasks.Task.Delay(50);
        Assert.Equal(0, await outbox.PendingCountAsync());
    }

    public ISearchIndex Index => Services.GetRequiredService<ISearchIndex>();

    private static TaskRecord Task(int i, string organization) => new TaskRecordBuilder().With(r => r with
    {
        Title = $"Nghiên cứu chọn tạo giống chè chất lượng cao số {i}",
        HostOrganization = new OrganizationRef { Name = organization, Type = OrganizationType.ResearchInstitute, Province = "Phú Thọ" },
        PrincipalInvestigator = new PersonRecord { Name = $"Nguyễn Văn Chủ Nhiệm {i}", AcademicTitle = "TS.", Role = "Chủ nhiệm", Email = $"cn{i}@{ContactEmailDomain}", Phone = $"0988{i:D6}" },
        Members = [new PersonRecord { Name = $"Trần Thị Thành Viên {i}", AcademicTitle = "ThS.", Role = "Thành viên", Email = $"tv{i}@{ContactEmailDomain}", Phone = $"0977{i:D6}" }],
        StartDate = new DateOnly(2020 + i % 5, 1 + i % 12, 1),
        Budget = new BudgetRecord { TotalVnd = 1_000_000_000 + i * 10_000_000L, StateBudgetVnd = 900_000_000 },
        Outputs =
        [
            new OutputRecord { Type = OutputType.Process, Title = $"Quy trình nhân giống chè {i}", Transferable = true },
            new OutputRecord { Type = OutputType.Publication, Title = $"Bài báo khoa học về chè {i}", Identifier = $"10.1000/che.{i}" },
        ],
    }).Build();

    /// <summary>POSTs a GraphQL request and returns the status and the raw body (to check what is and is not written).</summary>
    public static async Task<(HttpStatusCode Status, string Body, JsonElement Json)> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var payload = JsonSerializer.Serialize(new { query, variables });
        var response = await client.PostAsync("/graphql", new StringContent(payload, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, JsonDocument.Parse(body).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, string Body, JsonElement Json)> QueryAsync(string query, object? variables = null) =>
        PostAsync(Anonymous(), query, variables);

    private sealed class CountingContextFactory(DbContextOptions<SqliteRegistryDbContext> options) : IDbContextFactory<RegistryDbContext>
    {
        public RegistryDbContext CreateDbContext() => new SqliteRegistryDbContext(options);
    }
}

/// <summary>
/// Counts the SQL commands the host runs, except the background workers' polling (the indexer's outbox, the mail
/// sender, the webhook fan-out and deliveries, the alert runner, the retention sweeps, the singleton leases), which may fall inside a request.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    /// <summary>Tables only background workers read or write; no GraphQL read touches them.</summary>
    private static readonly string[] BackgroundTables =
        ["\"Outbox\"", "\"MailQueue\"", "\"WebhookCursors\"", "\"WebhookDeliveries\"", "\"WebhookSubscribers\"", "\"WebhookAttempts\"",
         "\"AlertSubscriptions\"", "\"ChangeLog\"", "\"Feedback\"", "\"Inquiries\"", "\"WorkerLeases\""];

    private readonly List<string> _commands = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate) return _commands.ToList();
    }

    /// <summary>Commands run while <paramref name="action"/> ran (background polling left out).</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> action)
    {
        int before;
        lock (_gate) before = _commands.Count;
        await action();
        lock (_gate) return _commands.Skip(before).Where(c => !BackgroundTables.Any(t => c.Contains(t, StringComparison.Ordinal))).ToList();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        lock (_gate) _commands.Add(command.CommandText);
    }
}
