using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Registry.Data;

/// <summary>
/// Creates the provider's context as a <see cref="RegistryDbContext"/>. The provider is read from the validated
/// options when first needed, so a configuration mistake surfaces as the options' own message at start.
/// </summary>
internal sealed class RegistryDbContextFactory : IDbContextFactory<RegistryDbContext>
{
    private readonly Lazy<Func<RegistryDbContext>> _create;

    public RegistryDbContextFactory(IOptions<RegistryDataOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _create = new Lazy<Func<RegistryDbContext>>(() => Build(options.Value, loggerFactory));
    }

    public RegistryDbContext CreateDbContext() => _create.Value();

    private static Func<RegistryDbContext> Build(RegistryDataOptions options, ILoggerFactory? loggerFactory)
    {
        switch (options.Database.ProviderKind)
        {
            case DatabaseProvider.SqlServer:
            {
                var builder = new DbContextOptionsBuilder<SqlServerRegistryDbContext>();
                RegistryDbContextOptions.UseSqlServer(builder, options.Database.ConnectionString!);
                if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
                var built = builder.Options;
                return () => new SqlServerRegistryDbContext(built);
            }
            default:
            {
                var builder = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
                RegistryDbContextOptions.UseSqlite(builder, RegistryDbContextOptions.SqliteFileConnectionString(options.SqliteFileFullPath));
                if (loggerFactory is not null) builder.UseLoggerFactory(loggerFactory);
                var built = builder.Options;
                return () => new SqliteRegistryDbContext(built);
            }
        }
    }
}
