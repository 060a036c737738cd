using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;

namespace Registry.Data.Tests.Infrastructure;

/// <summary>
/// A store wired exactly as the host wires it (<c>AddRegistryData</c> + <c>InitializeRegistryDataAsync</c>), with a
/// controllable clock and a sink that keeps every log line, so tests can prove what was (not) logged.
/// </summary>
public abstract class StoreHarness : IAsyncLifetime
{
    private ServiceProvider? _services;

    public TestClock Clock { get; } = new();
    public LogSink Logs { get; } = new();
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized");
    public ITaskStore Tasks => Services.GetRequiredService<ITaskStore>();
    public ITaskCatalog Catalog => Services.GetRequiredService<ITaskCatalog>();
    public IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();
    public IApiKeyStore Keys => Services.GetRequiredService<IApiKeyStore>();
    public IPublicCatalog PublicCatalog => Services.GetRequiredService<IPublicCatalog>();
    public IImportJobStore ImportJobs => Services.GetRequiredService<IImportJobStore>();

    protected abstract IDictionary<string, string?> Settings();

    internal RegistryDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();

    public virtual async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddRegistryData(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await _services.InitializeRegistryDataAsync(CancellationToken.None);
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }
}

/// <summary>A fresh SQLite database in its own temporary data directory.</summary>
public sealed class SqliteHarness : StoreHarness
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Registry:DataDirectory"] = DataDirectory,
        ["Registry:Auth:BootstrapAdminKey"] = "rk_bootstrap-key-for-tests-0001",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A live SQL Server from <c>REGISTRY_TEST_SQLSERVER</c>; the suites using it are skipped without it.</summary>
public sealed class SqlServerHarness : StoreHarness
{
    public const string EnvironmentVariable = "REGISTRY_TEST_SQLSERVER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : null;

    protected override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Registry:Database:Provider"] = "SqlServer",
        ["ConnectionStrings:Registry"] = ConnectionString,
        ["Registry:Auth:BootstrapAdminKey"] = "rk_bootstrap-key-for-tests-0001",
    };

    public override Task InitializeAsync() => ConnectionString is null ? Task.CompletedTask : base.InitializeAsync();
}

/// <summary>A clock the test moves by hand; starts at a fixed instant.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow() { lock (_lock) return _now; }

    public void Advance(TimeSpan by) { lock (_lock) _now += by; }
}

/// <summary>Keeps every formatted log message (with exception text) written through the container's loggers.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new SinkLogger(_lines, categoryName);

    public void Dispose() { }

    private sealed class SinkLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
    }
}
