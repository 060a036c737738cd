using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.Api.Hosting;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Instances;

/// <summary>
/// One API instance of several: its own data directory (lock, instance id, mail pickup, Lucene index), the database
/// file shared through <c>Registry:Database:SqlitePath</c>. With the embedded Lucene index two instances over one
/// database are refused (<see cref="EmbeddedIndexClaim"/>); the tests about mail, webhooks, forms and leases leave
/// that claim out, unless <paramref name="claimIndex"/>, since what they check does not go through search.
/// </summary>
public sealed class InstanceHost(string database, IDictionary<string, string?>? extra = null, bool claimIndex = false, TimeProvider? clock = null)
    : RegistryApiFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["Registry:Database:SqlitePath"] = database };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
            return settings;
        }
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        if (clock is not null) services.AddSingleton(clock);
        if (claimIndex) return;
        foreach (var claim in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EmbeddedIndexClaim)).ToList())
        {
            services.Remove(claim);
        }
    }

    /// <summary>A fresh database file for a group of instances, in its own temporary directory.</summary>
    public static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("registry-shared-db-").FullName, "registry.db");

    public static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path.GetDirectoryName(database)!, recursive: true); } catch (IOException) { }
    }
}
