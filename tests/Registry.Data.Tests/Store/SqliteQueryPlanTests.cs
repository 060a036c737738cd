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

    /// <summary>The plan SQLite chose with three ids (the primary key) is not the one it chose with ten or more
    /// (the visibility index) while visibility was in the WHERE clause; so the ids come in a realistic number.</summary>
    [Fact]
    public async Task A_page_of_tasks_is_loaded_by_internal_key()
    {
        var keys = Enumerable.Range(1, 500).Select(i => (long)i).ToList();

        var plan = await PlanAsync(TaskBatchQueries.WithOrganizationByKeys(store.NewContext(), keys));

        Assert.Contains("SEARCH t USING INTEGER PRIMARY KEY", plan);
        Assert.DoesNotContain("IX_Tasks_Visibility", plan);
    }

    [Fact]
    public async Task The_indexer_loads_its_batch_by_public_id()
    {
        var ids = Enumerable.Range(1, 1000).Select(i => $"t{i:D12}").ToList();

        var plan = await PlanAsync(TaskBatchQueries.WithOrganization(store.NewContext(), ids));

        Assert.Contains("IX_Tasks_PublicId", plan);
        Assert.DoesNotContain("IX_Tasks_Visibility", plan);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("investigators")]
    [InlineData("outputs")]
    [InlineData("coverage")]
    public async Task Child_rows_are_found_by_task_key(string table)
    {
        var keys = Enumerable.Range(1, 1000).Select(i => (long)i).ToList();
        var db = store.NewContext();

        var plan = table switch
        {
            "fields" => await PlanAsync(TaskBatchQueries.Fields(db, keys)),
            "investigators" => await PlanAsync(TaskBatchQueries.Investigators(db, keys)),
            "outputs" => await PlanAsync(TaskBatchQueries.Outputs(db, keys)),
            _ => await PlanAsync(TaskBatchQueries.Coverage(db, keys)),
        };

        Assert.Contains("(TaskId=?)", plan);
        Assert.DoesNotContain("SCAN", plan);
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
