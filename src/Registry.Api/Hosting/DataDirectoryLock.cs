using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Search;

namespace Registry.Api.Hosting;

/// <summary>
/// One writer per embedded data directory. The SQLite database and the Lucene index are files that one process
/// must own: two hosts on one directory would both index the same outbox into their own index and drift apart.
/// The host holds <c>registry.lock</c> open with <see cref="FileShare.None"/> for its whole life (on Linux and
/// macOS .NET turns that into an exclusive <c>flock</c>, which another process, or another open in this one, cannot
/// take; the OS drops it when the process dies, even by <c>kill -9</c>, so a crash never leaves it stale). With SQL
/// Server and Elasticsearch nothing embedded is shared and no lock is taken: several instances may run.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "registry.lock";

    /// <summary>How long to wait for a lock that is being released (a host in this process shutting down).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1.5);

    private readonly FileStream? _file;

    public DataDirectoryLock(IOptions<RegistryDataOptions> data, IOptions<SearchOptions> search)
    {
        Directory = data.Value.DataDirectoryFullPath;
        var embedded = data.Value.Database.ProviderKind == DatabaseProvider.Sqlite || search.Value.Provider == SearchProvider.Lucene;
        if (!embedded) return;
        System.IO.Directory.CreateDirectory(Directory);
        _file = Take(Path.Combine(Directory, FileName), Directory);
    }

    /// <summary>The data directory, in full.</summary>
    public string Directory { get; }

    /// <summary>False with SQL Server and Elasticsearch (nothing to protect).</summary>
    public bool Held => _file is not null;

    private static FileStream Take(string path, string directory)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(100);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw new DataDirectoryLockedException(directory);
            }
        }
    }

    public void Dispose() => _file?.Dispose();
}

/// <summary>Another process holds the data directory; the host or verb stops with <see cref="Exception.Message"/> and exit code 1.</summary>
public sealed class DataDirectoryLockedException(string directory) : Exception(
    $"Thư mục dữ liệu '{directory}' đang được một tiến trình Registry khác sử dụng; dừng tiến trình đó hoặc đặt Registry:DataDirectory " +
    $"sang thư mục khác (data directory '{directory}' is in use by another Registry process; stop it or set Registry:DataDirectory " +
    "to another directory)")
{
    public string Directory { get; } = directory;

    /// <summary>The lock failure inside <paramref name="error"/> (the host may wrap it), or null.</summary>
    public static DataDirectoryLockedException? Find(Exception? error) => error switch
    {
        null => null,
        DataDirectoryLockedException locked => locked,
        AggregateException many => many.InnerExceptions.Select(Find).FirstOrDefault(e => e is not null),
        _ => Find(error.InnerException),
    };
}
