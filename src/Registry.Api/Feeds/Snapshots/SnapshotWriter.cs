using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Abstractions;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Snapshots;

/// <summary>
/// Writes the bulk snapshot under <c>&lt;DataDirectory&gt;/snapshots</c>: one gzip JSON Lines file per update month
/// of public records (withdrawn and drafts excluded), and the manifest. Two passes over the catalogue keep memory
/// flat: the first fingerprints each month, the second rewrites only months whose fingerprint changed.
/// Files are replaced atomically (write to a temp file, then move), so readers never see half a file.
/// </summary>
public sealed class SnapshotWriter(IPublicCatalog catalog, IOutboxStore outbox, IOptions<RegistryDataOptions> data, TimeProvider clock, ILogger<SnapshotWriter> logger)
{
    public const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Indented = new(RegistryJson.Options) { WriteIndented = true };
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Directory => Path.Combine(data.Value.DataDirectoryFullPath, "snapshots");

    public string ManifestPath => Path.Combine(Directory, ManifestName);

    public static string FileName(string month) => $"tasks-{month}.jsonl.gz";

    /// <summary>Runs when no manifest exists yet (first start, or a request arriving before the job).</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (File.Exists(ManifestPath)) return;
        await RunAsync(ct);
    }

    /// <summary>
    /// Before serving: runs when no manifest exists, or when a task left the public catalogue (withdrawn, or back to
    /// draft) since the manifest was written, so a withdrawal never stays downloadable until the next interval. Only
    /// the months that changed are rewritten. The check is one query on the indexed <c>UpdatedAt</c>; it looks
    /// <see cref="Overlap"/> further back because a write stamped just before a run may commit after the run read.
    /// </summary>
    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        var manifest = await ReadManifestAsync(ct);
        if (manifest is not null && !await catalog.AnyLeftPublicSinceAsync(manifest.GeneratedAt - Overlap, ct)) return;
        await RunAsync(ct);
    }

    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(1);

    public async Task<SnapshotManifest> RunAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var generatedAt = clock.GetUtcNow();
            // Taken before reading, so replaying changes from here can only repeat, never miss, a change.
            var sequence = await outbox.CurrentSequenceAsync(ct);
            var previous = await ReadManifestAsync(ct);
            var fingerprints = await FingerprintAsync(ct);
            var stale = fingerprints.Keys.Where(m => previous?.Partitions.FirstOrDefault(p => p.Month == m) is not { } p
                || p.Fingerprint != fingerprints[m] || !File.Exists(Path.Combine(Directory, p.File))).ToHashSet();
            var written = stale.Count > 0 ? await WriteMonthsAsync(stale, ct) : [];
            // A month emptied between the two passes has neither a new file nor an old entry: it is left out.
            var partitions = fingerprints.Keys.Order(StringComparer.Ordinal)
                .Select(m => written.GetValueOrDefault(m) ?? (stale.Contains(m) ? null : previous!.Partitions.First(p => p.Month == m)))
                .OfType<SnapshotPartition>().ToList();
            var manifest = new SnapshotManifest(1, generatedAt, sequence, partitions.Sum(p => p.Count), OaiLicence,
                "/api/v1/changes", partitions, await catalog.ListWithdrawnIdsAsync(ct));
            await WriteAtomicallyAsync(ManifestPath, s => JsonSerializer.SerializeAsync(s, manifest, Indented, ct));
            DeleteOrphans(partitions);
            logger.LogInformation("Bản sao: {Written}/{Total} phân vùng được ghi lại (snapshot: {Written} of {Total} partitions rewritten)",
                written.Count, partitions.Count, written.Count, partitions.Count);
            return manifest;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<SnapshotManifest?> ReadManifestAsync(CancellationToken ct)
    {
        if (!File.Exists(ManifestPath)) return null;
        await using var stream = File.OpenRead(ManifestPath);
        return await JsonSerializer.DeserializeAsync<SnapshotManifest>(stream, RegistryJson.Options, ct);
    }

    private const string OaiLicence = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP, ghi nguồn Sở KH&CN tỉnh Phú Thọ (open data, free reuse with attribution)";

    private static string MonthOf(TaskRecord r) =>
        (r.UpdatedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Pass 1: each month's fingerprint from the (id, updatedAt) pairs, in the catalogue's stable order.</summary>
    private async Task<Dictionary<string, string>> FingerprintAsync(CancellationToken ct)
    {
        var hashes = new Dictionary<string, IncrementalHash>();
        await foreach (var r in catalog.StreamPublishedAsync(ct))
        {
            var month = MonthOf(r);
            if (!hashes.TryGetValue(month, out var hash)) hashes[month] = hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes($"{r.Id}|{r.UpdatedAt?.UtcTicks}\n"));
        }
        var result = hashes.ToDictionary(h => h.Key, h => Convert.ToHexStringLower(h.Value.GetHashAndReset()));
        foreach (var hash in hashes.Values) hash.Dispose();
        return result;
    }

    /// <summary>Pass 2: rewrites the stale months, one open gzip stream per stale month.</summary>
    private async Task<Dictionary<string, SnapshotPartition>> WriteMonthsAsync(HashSet<string> months, CancellationToken ct)
    {
        var writers = new Dictionary<string, PartitionWriter>();
        try
        {
            await foreach (var r in catalog.StreamPublishedAsync(ct))
            {
                var month = MonthOf(r);
                if (!months.Contains(month)) continue;
                if (!writers.TryGetValue(month, out var w)) writers[month] = w = new PartitionWriter(Path.Combine(Directory, FileName(month) + ".tmp"));
                w.Add(r);
            }
            var result = new Dictionary<string, SnapshotPartition>();
            foreach (var (month, w) in writers)
            {
                var target = Path.Combine(Directory, FileName(month));
                var (count, from, to, fingerprint) = w.Finish();
                File.Move(w.Path, target, overwrite: true);
                string sha;
                await using (var read = File.OpenRead(target)) sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
                result[month] = new SnapshotPartition(month, FileName(month), "/snapshots/" + FileName(month), from, to, count, new FileInfo(target).Length, sha, fingerprint);
            }
            return result;
        }
        finally
        {
            foreach (var w in writers.Values) w.Dispose();
        }
    }

    private void DeleteOrphans(IReadOnlyList<SnapshotPartition> partitions)
    {
        var keep = partitions.Select(p => p.File).ToHashSet();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "tasks-*.jsonl.gz"))
            if (!keep.Contains(Path.GetFileName(file))) File.Delete(file);
    }

    private static async Task WriteAtomicallyAsync(string path, Func<Stream, Task> write)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp)) await write(stream);
        File.Move(temp, path, overwrite: true);
    }
}
