using Microsoft.Extensions.Options;

namespace Registry.Data;

/// <summary>The store's settings, bound from the <c>Registry</c> section (and <c>ConnectionStrings:Registry</c>).</summary>
public sealed class RegistryDataOptions
{
    public const string SectionName = "Registry";
    public const string ConnectionStringName = "Registry";

    /// <summary>Where the SQLite file (and other embedded state) lives. Relative paths resolve against the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseSettings Database { get; set; } = new();

    /// <summary>Seed the demo catalogue into an empty store at start.</summary>
    public bool SeedDemoData { get; set; } = true;

    public AuthSettings Auth { get; set; } = new();

    /// <summary><see cref="DataDirectory"/> as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    /// <summary>The SQLite file in full: <see cref="DatabaseSettings.SqlitePath"/>, else <c>registry.db</c> in the data directory.</summary>
    public string SqliteFileFullPath => string.IsNullOrWhiteSpace(Database.SqlitePath)
        ? Path.Combine(DataDirectoryFullPath, "registry.db")
        : Path.GetFullPath(Database.SqlitePath.Trim());

    public sealed class DatabaseSettings
    {
        /// <summary><c>Sqlite</c> (default, embedded) or <c>SqlServer</c>.</summary>
        public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

        /// <summary>Filled from <c>ConnectionStrings:Registry</c>; required for SQL Server.</summary>
        public string? ConnectionString { get; set; }

        /// <summary>
        /// The SQLite file; empty for <c>&lt;DataDirectory&gt;/registry.db</c>. Set it when several instances on one
        /// machine, each with its own data directory, share one embedded database (docs/operations-instances.md).
        /// Relative paths resolve against the current directory.
        /// </summary>
        public string? SqlitePath { get; set; }

        public DatabaseProvider ProviderKind =>
            Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw new InvalidOperationException($"Unknown Registry:Database:Provider '{Provider}'");
    }

    public sealed class AuthSettings
    {
        /// <summary>When set and no API key exists, an admin key "bootstrap-admin" with this value is created at start.</summary>
        public string? BootstrapAdminKey { get; set; }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Start-up checks with messages that say which setting to fix and how.</summary>
internal sealed class RegistryDataOptionsValidator : IValidateOptions<RegistryDataOptions>
{
    public const int MinBootstrapKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, RegistryDataOptions options)
    {
        var failures = new List<string>();
        var provider = options.Database.Provider;
        var known = Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind);
        if (!known)
        {
            failures.Add($"Registry:Database:Provider = '{provider}' không hợp lệ: dùng 'Sqlite' hoặc 'SqlServer' " +
                "(unknown database provider: set Registry:Database:Provider to Sqlite or SqlServer)");
        }
        if (known && kind == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            failures.Add("Registry:Database:Provider là SqlServer nhưng thiếu ConnectionStrings:Registry " +
                "(SQL Server needs a connection string: set ConnectionStrings:Registry, e.g. env ConnectionStrings__Registry)");
        }
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Registry:DataDirectory trống (Registry:DataDirectory is empty: set a folder path, default 'data')");
        }
        else if (options.DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Registry:DataDirectory '{options.DataDirectory}' không phải đường dẫn hợp lệ (not a valid path)");
        }
        if (options.Database.SqlitePath is { } sqlite && !string.IsNullOrWhiteSpace(sqlite)
            && (sqlite.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || sqlite.Trim().EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(sqlite.Trim())))
        {
            failures.Add($"Registry:Database:SqlitePath '{sqlite}' không phải đường dẫn tệp hợp lệ (not a valid file path: name the SQLite file, e.g. /srv/registry/registry.db)");
        }
        if (options.Auth.BootstrapAdminKey is { } key && key.Trim().Length is > 0 and < MinBootstrapKeyLength)
        {
            failures.Add($"Registry:Auth:BootstrapAdminKey quá ngắn: cần ít nhất {MinBootstrapKeyLength} ký tự " +
                $"(bootstrap admin key too short: use at least {MinBootstrapKeyLength} random characters)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
