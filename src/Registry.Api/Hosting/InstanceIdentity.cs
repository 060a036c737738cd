using System.Security.Cryptography;

namespace Registry.Api.Hosting;

/// <summary>
/// Who this process is, for the leases it takes in the shared database. An instance is a data directory: its id is
/// generated once into <c>&lt;DataDirectory&gt;/instance-id</c>, so a restart is the same instance. Every lease owner
/// starts with that id, then the machine, the process and a random part, so two processes never share an owner.
/// </summary>
public sealed class InstanceIdentity
{
    public const string FileName = "instance-id";

    private readonly DataDirectoryLock _dataDirectory;

    public InstanceIdentity(DataDirectoryLock dataDirectory)
    {
        _dataDirectory = dataDirectory;
        Id = ReadOrCreate(dataDirectory.Directory);
        var process = $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        Process = process.Length > 150 ? process[..150] : process;
    }

    /// <summary>The instance: stable across restarts on one data directory.</summary>
    public string Id { get; }

    /// <summary>This process of the instance.</summary>
    public string Process { get; }

    /// <summary>What every lease owner of this instance starts with.</summary>
    public string OwnerPrefix => Id + "/";

    /// <summary>The owner name for one worker of this process (<paramref name="worker"/> is for the operator reading the table).</summary>
    public string Owner(string worker) => $"{OwnerPrefix}{Process}:{worker}";

    /// <summary>
    /// True when no earlier process of this instance can still be running: this process holds the data directory's
    /// exclusive lock, so whatever that instance's earlier processes leased was left by a process that died, and can
    /// be freed at once instead of when it runs out. Without the lock (SQL Server and Elasticsearch) this cannot be
    /// known, and leases simply run out.
    /// </summary>
    public bool EarlierProcessesAreGone => _dataDirectory.Held;

    private static string ReadOrCreate(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (TryRead(path) is { } existing) return existing;
        Directory.CreateDirectory(directory);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, "i" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process on this directory wrote it first: use its id.
        }
        finally
        {
            File.Delete(temp);
        }
        return TryRead(path) ?? throw new InvalidOperationException($"{path} must hold this instance's id; delete it to have a new one made");
    }

    private static string? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var id = File.ReadAllText(path).Trim();
        return id.Length is > 0 and <= 40 && id.All(char.IsAsciiLetterOrDigit) ? id : null;
    }
}
