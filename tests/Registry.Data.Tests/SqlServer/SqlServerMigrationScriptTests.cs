using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Registry.Data.Tests.SqlServer;

/// <summary>The SQL Server migrations, checked without a server: generated scripts must parse as T-SQL.</summary>
public sealed class SqlServerMigrationScriptTests
{
    private static SqlServerRegistryDbContext Context() => new SqlServerRegistryDbContextDesignFactory().CreateDbContext([]);

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void The_full_migration_script_parses_as_TSql_with_no_errors(MigrationsSqlGenerationOptions options)
    {
        using var db = Context();
        var script = db.GetService<IMigrator>().GenerateScript(options: options);

        var batches = TSql.SplitBatches(script);

        Assert.True(batches.Count >= 2, $"expected the history-table batch and the migration batch, got {batches.Count}");
        Assert.All(batches, batch => Assert.Empty(TSql.Errors(batch)));
        foreach (var table in new[] { "Tasks", "TaskFields", "Investigators", "TaskOutputs", "Organizations", "AuditEntries", "Outbox", "ApiKeys", "ImportJobs" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }
        Assert.Contains("CREATE UNIQUE INDEX [IX_Tasks_Code]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Organizations_NormalizedName]", script);
        if (options == MigrationsSqlGenerationOptions.Idempotent) Assert.Contains("IF NOT EXISTS", script);
    }

    [Fact]
    public void A_broken_batch_is_caught_by_the_parser()
    {
        Assert.NotEmpty(TSql.Errors("CREATE TABLE [Tasks] ([Id] bigint NOT NULL,"));
    }

    [Fact]
    public void Both_providers_migrations_match_the_model()
    {
        using var sqlServer = Context();
        using var sqlite = new SqliteRegistryDbContextDesignFactory().CreateDbContext([]);

        Assert.False(sqlServer.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqlServerRegistryDbContext");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteRegistryDbContext");
        Assert.Equal(sqlite.Database.GetMigrations().Count(), sqlServer.Database.GetMigrations().Count());
    }
}
