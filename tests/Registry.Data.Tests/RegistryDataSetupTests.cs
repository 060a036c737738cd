using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;

namespace Registry.Data.Tests;

/// <summary>Configuration, start-up and readiness as the host sees them through <c>AddRegistryData</c>.</summary>
public sealed class RegistryDataSetupTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "registry-setup-" + Guid.NewGuid().ToString("N"), "nested", "data");

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRegistryData(configuration);
        return services.BuildServiceProvider();
    }

    private static string Failure(Dictionary<string, string?> settings)
    {
        using var services = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RegistryDataOptions>>().Value).Message;
    }

    [Fact]
    public void Defaults_are_sqlite_under_data_in_the_current_directory_with_demo_seeding()
    {
        using var services = Build([]);
        var options = services.GetRequiredService<IOptions<RegistryDataOptions>>().Value;

        Assert.Equal(DatabaseProvider.Sqlite, options.Database.ProviderKind);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "data"), options.DataDirectoryFullPath);
        Assert.True(options.SeedDemoData);
        Assert.Null(options.Auth.BootstrapAdminKey);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_fails_at_start_saying_what_to_set()
    {
        var message = Failure(new() { ["Registry:Database:Provider"] = "SqlServer" });

        Assert.Contains("ConnectionStrings:Registry", message);
    }

    [Fact]
    public void Sql_server_takes_the_connection_string_from_ConnectionStrings_Registry()
    {
        using var services = Build(new()
        {
            ["Registry:Database:Provider"] = "sqlserver",
            ["ConnectionStrings:Registry"] = "Server=db;Database=Registry;Integrated Security=true",
        });

        using var db = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
        Assert.IsType<SqlServerRegistryDbContext>(db);
        Assert.True(db.Database.IsSqlServer());
    }

    [Fact]
    public void An_unknown_provider_and_a_short_bootstrap_key_are_refused_with_how_to_fix()
    {
        var message = Failure(new() { ["Registry:Database:Provider"] = "Postgres", ["Registry:Auth:BootstrapAdminKey"] = "short" });

        Assert.Contains("Sqlite or SqlServer", message);
        Assert.Contains("at least 16", message);
    }

    [Fact]
    public async Task Initialize_creates_the_directory_and_a_WAL_database_and_then_the_store_is_ready()
    {
        await using var services = Build(new() { ["Registry:DataDirectory"] = _dataDirectory, ["Registry:Auth:BootstrapAdminKey"] = "rk_0123456789abcdef" });
        var health = services.GetRequiredService<RegistryStoreHealthCheck>();
        using (var scope = services.CreateScope())
        {
            Assert.IsType<SqliteRegistryDbContext>(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
        }

        await services.InitializeRegistryDataAsync(CancellationToken.None);
        await services.InitializeRegistryDataAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "registry.db")));
        await using var db = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        var keys = await services.GetRequiredService<IApiKeyStore>().ListAsync();
        Assert.Equal("bootstrap-admin", Assert.Single(keys).Name);
    }

    [Fact]
    public async Task A_missing_database_is_not_ready()
    {
        await using var services = Build(new() { ["Registry:DataDirectory"] = _dataDirectory });

        var result = await services.GetRequiredService<RegistryStoreHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("database unreachable", result.Description);
    }

    [Fact]
    public async Task A_database_with_pending_migrations_is_not_ready()
    {
        Directory.CreateDirectory(_dataDirectory);
        await using (var empty = new Microsoft.Data.Sqlite.SqliteConnection(RegistryDbContextOptions.SqliteConnectionString(_dataDirectory)))
        {
            await empty.OpenAsync();
            await using var command = empty.CreateCommand();
            command.CommandText = "CREATE TABLE Unrelated (Id INTEGER)";
            await command.ExecuteNonQueryAsync();
        }
        await using var services = Build(new() { ["Registry:DataDirectory"] = _dataDirectory });

        var result = await services.GetRequiredService<RegistryStoreHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("pending migrations", result.Description);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var root = Path.GetFullPath(Path.Combine(_dataDirectory, "..", ".."));
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
