using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Catalog;

/// <summary>
/// EF implementation of <see cref="IChangeFeed"/>. On SQL Server, concurrent writers can commit identity values out
/// of order, so rows younger than <see cref="SettleWindow"/> are held back (and everything after them), so a client
/// never skips a sequence that commits late. SQLite serialises writers, so its log is final as soon as it is read.
/// </summary>
internal sealed class ChangeFeed(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock) : IChangeFeed
{
    public const int MaxPageSize = 1000;
    public static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(5);

    public async Task<ChangePage> ReadAsync(string? since, int pageSize, CancellationToken ct = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var after = string.IsNullOrEmpty(since) ? 0 : CatalogCursors.DecodeChange(since);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await ChangeQueries.After(db, after, size + 1).ToListAsync(ct);
        var hasMore = rows.Count > size;
        var page = rows.Take(size).ToList();
        if (!db.Database.IsSqlite())
        {
            var settled = clock.GetUtcNow() - SettleWindow;
            var firstYoung = page.FindIndex(r => r.At > settled);
            if (firstYoung >= 0)
            {
                page = page[..firstYoung];
                hasMore = true;
            }
        }
        var last = page.Count > 0 ? page[^1].Sequence : after;
        var changes = page.Select(r => new PublicChange(r.Sequence, r.TaskId, r.Change, r.At)).ToList();
        return new ChangePage(changes, CatalogCursors.EncodeChange(last), hasMore);
    }
}
