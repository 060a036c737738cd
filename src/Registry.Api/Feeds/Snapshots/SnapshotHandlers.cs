using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using Registry.Api.Problems;

namespace Registry.Api.Feeds.Snapshots;

/// <summary>Serves the manifest and the partition files with ETags (their SHA-256) and range requests.</summary>
public static partial class SnapshotHandlers
{
    public static async Task<IResult> Manifest(HttpContext http, SnapshotWriter writer, CancellationToken ct)
    {
        await writer.EnsureFreshAsync(ct);
        var info = new FileInfo(writer.ManifestPath);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.File(info.FullName, "application/json; charset=utf-8", lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"m{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\""));
    }

    public static async Task<IResult> File(string file, HttpContext http, SnapshotWriter writer, CancellationToken ct)
    {
        if (!PartitionName().IsMatch(file))
            return ApiProblems.Create(ProblemKind.NotFound, "Không có tệp này; xem /snapshots/manifest.json (no such snapshot file; see the manifest).");
        await writer.EnsureFreshAsync(ct);
        var manifest = await writer.ReadManifestAsync(ct);
        var partition = manifest?.Partitions.FirstOrDefault(p => p.File == file);
        var path = Path.Combine(writer.Directory, file);
        if (partition is null || !System.IO.File.Exists(path))
            return ApiProblems.Create(ProblemKind.NotFound, "Không có tệp này; xem /snapshots/manifest.json (no such snapshot file; see the manifest).");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.File(path, "application/gzip", file, lastModified: System.IO.File.GetLastWriteTimeUtc(path),
            entityTag: new EntityTagHeaderValue($"\"{partition.Sha256}\""), enableRangeProcessing: true);
    }

    [GeneratedRegex(@"^tasks-\d{4}-\d{2}\.jsonl\.gz$")]
    private static partial Regex PartitionName();
}
