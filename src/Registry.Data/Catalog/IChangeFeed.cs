namespace Registry.Data.Catalog;

/// <summary>Public-relevant changes in commit order, for incremental sync; drafts never appear.</summary>
public interface IChangeFeed
{
    /// <summary>
    /// Changes after <paramref name="since"/> (from the beginning when empty), oldest first. The page's
    /// <see cref="ChangePage.NextCursor"/> is always set, also when nothing changed, so a client can poll with it.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not produced by this method.</exception>
    Task<ChangePage> ReadAsync(string? since, int pageSize, CancellationToken ct = default);
}

/// <param name="Id">Public id of the task.</param>
public sealed record PublicChange(long Sequence, string Id, PublicChangeKind Change, DateTimeOffset At);

/// <param name="HasMore">More changes are already waiting after this page.</param>
public sealed record ChangePage(IReadOnlyList<PublicChange> Changes, string NextCursor, bool HasMore);
