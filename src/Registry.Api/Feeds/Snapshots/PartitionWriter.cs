using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Snapshots;

/// <summary>One month's gzip JSON Lines file being written, with its count, update range and fingerprint.</summary>
internal sealed class PartitionWriter : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly IncrementalHash _fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int _count;
    private DateTimeOffset _from = DateTimeOffset.MaxValue;
    private DateTimeOffset _to = DateTimeOffset.MinValue;
    private bool _finished;

    public PartitionWriter(string path)
    {
        Path = path;
        _file = File.Create(path);
        _gzip = new GZipStream(_file, CompressionLevel.Optimal);
    }

    public string Path { get; }

    public void Add(TaskRecord record)
    {
        _gzip.Write(JsonSerializer.SerializeToUtf8Bytes(record, RegistryJson.Options));
        _gzip.Write(NewLine);
        _fingerprint.AppendData(Encoding.UTF8.GetBytes($"{record.Id}|{record.UpdatedAt?.UtcTicks}\n"));
        var updated = record.UpdatedAt ?? DateTimeOffset.UnixEpoch;
        if (updated < _from) _from = updated;
        if (updated > _to) _to = updated;
        _count++;
    }

    /// <summary>Flushes and closes the file; returns what the manifest says about it.</summary>
    public (int Count, DateTimeOffset From, DateTimeOffset To, string Fingerprint) Finish()
    {
        _finished = true;
        _gzip.Dispose();
        _file.Dispose();
        return (_count, _from, _to, Convert.ToHexStringLower(_fingerprint.GetHashAndReset()));
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _gzip.Dispose();
            _file.Dispose();
            if (File.Exists(Path)) File.Delete(Path);
        }
        _fingerprint.Dispose();
    }
}
