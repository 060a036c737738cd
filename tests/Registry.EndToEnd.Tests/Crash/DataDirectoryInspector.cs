using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Search.Lucene;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>
/// Reads a data directory from outside while a service may run on it: the store through SQLite (WAL readers do
/// not block the writer) and the index as last committed on disk (what survives the next kill), never a process's memory.
/// </summary>
public static class DataDirectoryInspector
{
    /// <summary>A task as stored: its code, whether it is published, and its change time in ms (the index's version).</summary>
    public sealed record StoredTask(string Id, string Code, bool Published, long UpdatedAtMs);

    public static async Task<(IReadOnlyList<StoredTask> Tasks, int PendingOutbox)> ReadStoreAsync(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:DataDirectory"] = dataDirectory })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddRegistryData(configuration).BuildServiceProvider();
        var factory = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.Tasks.AsNoTracking()
            .Select(t => new { t.PublicId, t.Code, t.Visibility, t.UpdatedAt })
            .ToListAsync();
        var pending = await services.GetRequiredService<IOutboxStore>().PendingCountAsync();
        return (rows.Select(r => new StoredTask(r.PublicId, r.Code, r.Visibility == Visibility.Published, r.UpdatedAt.ToUnixTimeMilliseconds())).ToList(), pending);
    }

    /// <summary>Task id to change time (ms) of every document in the index's last commit.</summary>
    public static Dictionary<string, long> ReadCommittedIndex(string dataDirectory)
    {
        using var directory = FSDirectory.Open(Path.Combine(dataDirectory, "index"));
        using var reader = DirectoryReader.Open(directory);
        return LuceneSearchIndex.ReadIndexed(reader);
    }
}
