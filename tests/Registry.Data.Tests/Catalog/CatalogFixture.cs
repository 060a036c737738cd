using Microsoft.Extensions.DependencyInjection;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Catalog;

/// <summary>
/// A fresh SQLite store per test (xunit makes one test-class instance per test), because the catalogue services
/// aggregate over the whole store: counts must be exact, not "at least".
/// </summary>
public abstract class CatalogTestBase : IAsyncLifetime
{
    protected static readonly Actor Curator = new("curator-1", ApiRole.Curator);

    protected SqliteHarness Store { get; } = new();
    protected IOrganizationDirectory Organizations => Store.Services.GetRequiredService<IOrganizationDirectory>();
    protected ITaskStatistics Statistics => Store.Services.GetRequiredService<ITaskStatistics>();
    protected ICoverageReport Coverage => Store.Services.GetRequiredService<ICoverageReport>();
    protected IChangeFeed Changes => Store.Services.GetRequiredService<IChangeFeed>();

    public Task InitializeAsync() => Store.InitializeAsync();

    public Task DisposeAsync() => Store.DisposeAsync();

    /// <summary>Creates a task with the given visibility (withdrawn: created published, then withdrawn) and returns its id.</summary>
    protected async Task<string> SeedAsync(Visibility visibility, Func<TaskRecord, TaskRecord>? shape = null)
    {
        var record = TestRecords.Valid() with { Visibility = visibility == Visibility.Withdrawn ? Visibility.Published : visibility };
        if (shape is not null) record = shape(record);
        var created = await Store.Tasks.CreateAsync(record, Curator);
        Assert.Equal(WriteStatus.Created, created.Status);
        Store.Clock.Advance(TimeSpan.FromMinutes(1));
        if (visibility == Visibility.Withdrawn)
        {
            var withdrawn = await Store.Tasks.SetVisibilityAsync(created.Task!.Id, Visibility.Withdrawn, "Trùng lặp", null, Curator);
            Assert.Equal(WriteStatus.Ok, withdrawn.Status);
            Store.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return created.Task!.Id;
    }

    protected static Func<TaskRecord, TaskRecord> At(string organization) =>
        r => r with { HostOrganization = r.HostOrganization! with { Name = organization } };

    protected static Func<TaskRecord, TaskRecord> Budget(long total, long state) =>
        r => r with { Budget = new BudgetRecord { TotalVnd = total, StateBudgetVnd = state } };

    protected static Func<TaskRecord, TaskRecord> Both(params Func<TaskRecord, TaskRecord>[] shapes) =>
        r => shapes.Aggregate(r, (acc, s) => s(acc));
}
