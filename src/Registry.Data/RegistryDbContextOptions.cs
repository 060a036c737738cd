using Microsoft.EntityFrameworkCore;

namespace Registry.Data;

/// <summary>Provider set-up shared by the host, the design-time factories and the tests.</summary>
internal static class RegistryDbContextOptions
{
    public const string MigrationsHistoryTable = "__RegistryMigrations";

    public static DbContextOptionsBuilder<SqliteRegistryDbContext> UseSqlite(
        DbContextOptionsBuilder<SqliteRegistryDbContext> builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable));

    public static DbContextOptionsBuilder<SqlServerRegistryDbContext> UseSqlServer(
        DbContextOptionsBuilder<SqlServerRegistryDbContext> builder, string connectionString) =>
        builder.UseSqlServer(connectionString, o =>
        {
            o.MigrationsHistoryTable(MigrationsHistoryTable);
            // Every write is a single SaveChanges, so a transient failure can safely be retried as a whole.
            o.EnableRetryOnFailure(maxRetryCount: 5);
        });

    /// <summary>The SQLite connection string for the data directory's <c>registry.db</c>.</summary>
    public static string SqliteConnectionString(string dataDirectory) => SqliteFileConnectionString(Path.Combine(dataDirectory, "registry.db"));

    /// <summary>The SQLite connection string for one database file.</summary>
    public static string SqliteFileConnectionString(string file) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
}
