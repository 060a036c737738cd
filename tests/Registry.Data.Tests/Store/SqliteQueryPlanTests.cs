using Microsoft.EntityFrameworkCore;
using Registry.Data.Store;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Store;

/// <summary>
/// The catalogue streams (the search rebuild at first start, the reconciliation at every start, the feeds'
/// snapshots) page through every task. Each page must walk the primary key: with visibility in the WHERE clause
/// SQLite planned the (Visibility, PublishedAt, Id) index and a sort of every published task per page, so a start
/// over a million tasks read about a million index entries for each page of 500 and the rebuild crawled.
/// </summary>
public sealed class SqliteQueryPlanTests(SqliteHarness store) : IClassFixture<SqliteHarness>
{
    [Fact]
    public async Task The_catalogue_walk_reads_the_primary_key_in_order_without_a_sort()
    {
        var plan = await PlanAsync(TaskQueries.RowsAfter(store.NewContext(), 500_000, 500));

        Assert.Contains("INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("IX_Tasks_Visibility", plan);
    }

    [Fact]
    public async Task A_page_of_published_tasks_is_loaded_by_internal_key()
    {
        var plan = await PlanAsync(TaskBatchQueries.PublishedWithOrganizationByKeys(store.NewContext(), [1L, 2L, 3L]));

        Assert.Contains("PRIMARY KEY", plan);
        Assert.DoesNotContain("SCAN t ", plan + " ");
    }

    private static async Task<string> PlanAsync<T>(IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await command.Connection!.OpenAsync();
        try
        {
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            return string.Join("\n", lines);
        }
        finally
        {
            await command.Connection.CloseAsync();
        }
    }
}
