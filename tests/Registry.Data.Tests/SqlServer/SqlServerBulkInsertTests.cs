using Microsoft.EntityFrameworkCore;
using Registry.Data.Entities;
using Registry.Data.Store;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.SqlServer;

/// <summary>The multi-row INSERTs of import batches, built for SQL Server and parsed as T-SQL.</summary>
public sealed class SqlServerBulkInsertTests
{
    [Fact]
    public void Bulk_inserts_of_every_appended_table_are_valid_TSql_within_the_parameter_limit()
    {
        using var db = new SqlServerRegistryDbContextDesignFactory().CreateDbContext([]);
        var org = new HostOrganization { Id = 5, Name = "Trường Đại học Hùng Vương", NormalizedName = "trường đại học hùng vương", PublicId = "o0123456789ab" };
        var tasks = Enumerable.Range(0, 40).Select(_ =>
        {
            var task = new ScienceTask { PublicId = PublicIds.NewTaskId(), Version = 1, HostOrganizationId = 5 };
            TaskMapper.ApplyContent(task, TestRecords.Valid(), org);
            return task;
        }).ToList();

        Check(db, tasks, expectColumns: "[ApprovalDecisionNumber]");
        Check(db, tasks.SelectMany(t => t.Fields).ToList(), expectColumns: "[FieldCode]");
        Check(db, tasks.SelectMany(t => t.Investigators).ToList(), expectColumns: "[Email]");
        Check(db, tasks.SelectMany(t => t.Outputs).ToList(), expectColumns: "[Transferable]");
        Check(db, [new AuditEntry { Actor = "importer", EntityId = "t0123456789ab", ChangesJson = "{}" }], expectColumns: "[ChangesJson]");
        Check(db, [new OutboxEntry { TaskId = "t0123456789ab" }], expectColumns: "[DueAt]");
    }

    private static void Check<T>(RegistryDbContext db, IReadOnlyList<T> rows, string expectColumns) where T : class
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        BulkInsert.Build(db, rows.Take(10).ToList(), command);

        Assert.StartsWith("INSERT INTO [", command.CommandText);
        Assert.Contains(expectColumns, command.CommandText);
        Assert.DoesNotContain("[Id]", command.CommandText.Split("VALUES")[0]);
        Assert.True(command.Parameters.Count <= 2100);
        Assert.Empty(TSql.Errors(command.CommandText));
    }
}
