namespace Registry.Api.Feeds.Snapshots;

/// <summary>
/// <c>manifest.json</c>: what a mirror downloads first. Partitions hold the public records whose
/// <c>updatedAt</c> falls in a month; a record moves to a newer partition when it changes.
/// </summary>
/// <param name="OutboxSequence">The change sequence at the start of the run: a mirror replays
/// <c>/api/v1/changes</c> from here (or harvests OAI-PMH from <paramref name="GeneratedAt"/>) to catch up.</param>
/// <param name="Withdrawn">Ids of withdrawn tasks, which no partition holds, so a mirror can delete them.</param>
public sealed record SnapshotManifest(
    int Version,
    DateTimeOffset GeneratedAt,
    long OutboxSequence,
    int TotalCount,
    string License,
    string ChangesUrl,
    IReadOnlyList<SnapshotPartition> Partitions,
    IReadOnlyList<string> Withdrawn);

/// <param name="Month">yyyy-MM of the records' updatedAt (UTC).</param>
/// <param name="Fingerprint">SHA-256 over the partition's (id, updatedAt) pairs; the job rewrites the file only when it changes.</param>
public sealed record SnapshotPartition(
    string Month,
    string File,
    string Url,
    DateTimeOffset UpdatedFrom,
    DateTimeOffset UpdatedTo,
    int Count,
    long Bytes,
    string Sha256,
    string Fingerprint);
