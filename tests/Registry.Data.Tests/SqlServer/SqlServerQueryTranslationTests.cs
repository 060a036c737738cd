using Registry.Data.Store;

namespace Registry.Data.Tests.SqlServer;

/// <summary>
/// Every query builder the stores use, translated by the SQL Server provider with no server (<c>ToQueryString()</c>)
/// and parsed as T-SQL. Covered: TaskQueries.Full, ById, ByCode, ByIds, ByCodes, CodeTakenBy, CodeHeldByOther,
/// PublishedPage (first page and after a cursor), Published, RowsAfter,
/// OrganizationsByNormalizedNames; TaskBatchQueries.WithOrganization, WithOrganizationByKeys, Fields, Investigators, Outputs, Coverage; OutboxQueries.Leasable, LeaseBatch, LeasedWith, HeldBy, Pending, MaxSequence;
/// ApiKeyQueries.All, ByName, ById, ActiveByName, ActiveByPrefix. The statements that are not plain queries
/// (ExecuteUpdate, counts, Any, Max) are captured from the real store methods in <see cref="SqlServerStoreStatementTests"/>.
/// </summary>
public sealed class SqlServerQueryTranslationTests : IDisposable
{
    private readonly SqlServerRegistryDbContext _db = new SqlServerRegistryDbContextDesignFactory().CreateDbContext([]);
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Queries() => new(Builders().Keys);

    private static Dictionary<string, Func<RegistryDbContext, IQueryable<object>>> Builders() => new()
    {
        ["TaskQueries.Full"] = db => TaskQueries.Full(db),
        ["TaskQueries.ById"] = db => TaskQueries.ById(db, "t0123456789ab"),
        ["TaskQueries.ByCode"] = db => TaskQueries.ByCode(db, "ĐT-2024-01"),
        ["TaskQueries.ByIds"] = db => TaskQueries.ByIds(db, ["t0123456789ab", "t0123456789ac"]),
        ["TaskQueries.ByCodes"] = db => TaskQueries.ByCodes(db, ["ĐT-2024-01", "ĐT-2024-02"]),
        ["TaskQueries.CodeTakenBy"] = db => TaskQueries.CodeTakenBy(db, "ĐT-2024-01", 7),
        ["TaskQueries.CodeHeldByOther"] = db => TaskQueries.CodeHeldByOther(db, "ĐT-2024-01", "t0123456789ab"),
        ["TaskQueries.PublishedPage first"] = db => TaskQueries.PublishedPage(db, null, null, 21),
        ["TaskQueries.PublishedPage after"] = db => TaskQueries.PublishedPage(db, Now, 42, 21),
        ["TaskQueries.Published"] = db => TaskQueries.Published(db),
        ["TaskQueries.RowsAfter"] = db => TaskQueries.RowsAfter(db, 42, 500),
        ["TaskBatchQueries.WithOrganization"] = db => TaskBatchQueries.WithOrganization(db, ["t0123456789ab", "t0123456789ac"]),
        ["TaskBatchQueries.WithOrganizationByKeys"] = db => TaskBatchQueries.WithOrganizationByKeys(db, [1L, 2L]),
        ["TaskBatchQueries.Fields"] = db => TaskBatchQueries.Fields(db, [1L, 2L]),
        ["TaskBatchQueries.Investigators"] = db => TaskBatchQueries.Investigators(db, [1L, 2L]),
        ["TaskBatchQueries.Outputs"] = db => TaskBatchQueries.Outputs(db, [1L, 2L]),
        ["TaskBatchQueries.Coverage"] = db => TaskBatchQueries.Coverage(db, [1L, 2L]),
        ["TaskQueries.OrganizationsByNormalizedNames"] = db => TaskQueries.OrganizationsByNormalizedNames(db, ["trường đại học hùng vương"]),
        ["OutboxQueries.Leasable"] = db => OutboxQueries.Leasable(db, Now),
        ["OutboxQueries.LeaseBatch"] = db => OutboxQueries.LeaseBatch(db, Now, 50),
        ["OutboxQueries.LeaseBatch saves only"] = db => OutboxQueries.LeaseBatch(db, Now, 50, interactiveOnly: true),
        ["OutboxQueries.LeasedWith"] = db => OutboxQueries.LeasedWith(db, Guid.NewGuid()),
        ["OutboxQueries.HeldBy"] = db => OutboxQueries.HeldBy(db, "instance-a", [1L, 2L]),
        ["OutboxQueries.Pending"] = db => OutboxQueries.Pending(db),
        ["OutboxQueries.MaxSequence"] = db => OutboxQueries.MaxSequence(db).Select(s => (object)s!),
        ["ApiKeyQueries.All"] = db => ApiKeyQueries.All(db),
        ["ApiKeyQueries.ByName"] = db => ApiKeyQueries.ByName(db, "curator"),
        ["ApiKeyQueries.ById"] = db => ApiKeyQueries.ById(db, 3),
        ["ApiKeyQueries.ActiveByName"] = db => ApiKeyQueries.ActiveByName(db, "curator"),
        ["ApiKeyQueries.ActiveByPrefix"] = db => ApiKeyQueries.ActiveByPrefix(db, "rk_AbCdE"),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Translates_to_valid_TSql(string name)
    {
        // Split queries (tasks with their children) end with an English note after the first statement.
        var sql = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(Builders()[name](_db))
            .Split("This LINQ query is being executed in split-query mode")[0];

        Assert.Contains("SELECT", sql);
        Assert.Empty(TSql.Errors(sql));
    }

    [Fact]
    public void The_published_page_orders_by_publication_time_and_id_with_a_keyset_condition()
    {
        var sql = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(TaskQueries.PublishedPage(_db, Now, 42, 21));

        Assert.Contains("ORDER BY [t].[PublishedAt] DESC, [t].[Id] DESC", sql);
        Assert.Contains("[t].[PublishedAt] <", sql);
        Assert.DoesNotContain("OFFSET", sql);
    }

    [Fact]
    public void The_lease_batch_takes_the_oldest_rows_and_rechecks_that_they_are_free()
    {
        var sql = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(OutboxQueries.LeaseBatch(_db, Now, 50));

        Assert.Contains("SELECT TOP(50)", sql);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(sql, @"\[LeaseUntil\] IS NULL").Count);
    }

    public void Dispose() => _db.Dispose();
}
