using Registry.Data.Collections;

namespace Registry.Data.Tests.SqlServer;

/// <summary>
/// Every query builder of the collection store, translated by the SQL Server provider with no server
/// (<c>ToQueryString()</c>) and parsed as T-SQL, as <see cref="SqlServerQueryTranslationTests"/> does for tasks.
/// </summary>
public sealed class SqlServerCollectionQueryTests : IDisposable
{
    private readonly SqlServerRegistryDbContext _db = new SqlServerRegistryDbContextDesignFactory().CreateDbContext([]);

    public static TheoryData<string> Queries() => new(Builders().Keys);

    private static Dictionary<string, Func<RegistryDbContext, IQueryable<object>>> Builders() => new()
    {
        ["CollectionQueries.ById"] = db => CollectionQueries.ById(db, "c0123456789ab"),
        ["CollectionQueries.ByIds"] = db => CollectionQueries.ByIds(db, ["c0123456789ab", "c0123456789ac"]),
        ["CollectionQueries.Page first"] = db => CollectionQueries.Page(db, null, 26),
        ["CollectionQueries.Page after"] = db => CollectionQueries.Page(db, (new DateOnly(2027, 5, 18), 42), 26),
        ["CollectionQueries.Dated"] = db => CollectionQueries.Dated(db, new DateOnly(2027, 4, 18), new DateOnly(2027, 6, 1)),
        ["CollectionQueries.TasksReferenced"] = db => CollectionQueries.TasksReferenced(db, ["t0123456789ab", "ĐT-2024-01"]),
        ["CollectionQueries.TasksByKeys"] = db => CollectionQueries.TasksByKeys(db, [1L, 2L]),
        ["CollectionQueries.Entries"] = db => CollectionQueries.Entries(db),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Translates_to_valid_TSql(string name)
    {
        var sql = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(Builders()[name](_db))
            .Split("This LINQ query is being executed in split-query mode")[0];

        Assert.Contains("SELECT", sql);
        Assert.Empty(TSql.Errors(sql));
    }

    [Fact]
    public void The_page_orders_by_date_then_id_and_counts_published_tasks_only()
    {
        var sql = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(CollectionQueries.Page(_db, null, 26));

        Assert.Contains("ORDER BY [c].[Date] DESC, [c].[Id] DESC", sql);
        Assert.Contains("N'Published'", sql);
    }

    public void Dispose() => _db.Dispose();
}
