using Microsoft.EntityFrameworkCore;

namespace Registry.Data.Webhooks;

internal sealed partial class WebhookStore
{
    /// <summary>
    /// On SQL Server concurrent writers can commit outbox identities out of order, so rows younger than this are held
    /// back (and everything after them), as the change feed does: the cursor never passes a sequence that commits late.
    /// SQLite serialises writers, so what it reads is final.
    /// </summary>
    public static readonly TimeSpan SettleWindow = Catalog.ChangeFeed.SettleWindow;

    /// <summary>
    /// One transaction: read outbox rows after the cursor, move the cursor past them with a conditional UPDATE (of two
    /// instances racing, the second finds the cursor moved and writes nothing), and insert the deliveries. A crash
    /// before the commit leaves both untouched; the unique (subscriber, event id) index is the last guard.
    /// </summary>
    public async Task<int> FanOutAsync(int max, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var last = await db.Set<WebhookCursor>().AsNoTracking().Where(c => c.Name == WebhookCursor.FanOut)
                .Select(c => c.LastSequence).SingleAsync(ct);
            var rows = await SettledAsync(db, last, max, ct);
            if (rows.Count == 0) return 0;

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var next = rows[^1].Sequence;
            var moved = await db.Set<WebhookCursor>().Where(c => c.Name == WebhookCursor.FanOut && c.LastSequence == last)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, next), ct);
            if (moved == 0) return 0;

            var eventful = rows.Where(r => r.Events is not null).ToList();
            if (eventful.Count > 0)
            {
                var subscribers = await db.Set<WebhookSubscriber>().AsNoTracking().ToListAsync(ct);
                if (subscribers.Count > 0)
                {
                    var tasks = await WebhookTaskFacts.LoadAsync(db, eventful.Select(r => r.TaskId).Distinct().ToList(), ct);
                    var matchers = subscribers.Select(s => new WebhookMatcher(s)).ToList();
                    db.Set<WebhookDelivery>().AddRange(WebhookDeliveryFactory.For(eventful, matchers, tasks, clock.GetUtcNow(), fromStart: true));
                    await db.SaveChangesAsync(ct);
                }
            }
            await transaction.CommitAsync(ct);
            return rows.Count;
        });
    }

    private async Task<List<OutboxEvents>> SettledAsync(RegistryDbContext db, long after, int max, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Sequence > after).OrderBy(o => o.Sequence).Take(max)
            .Select(o => new OutboxEvents(o.Sequence, o.TaskId, o.Events, o.CreatedAt)).ToListAsync(ct);
        if (db.Database.IsSqlite()) return rows;
        var settled = clock.GetUtcNow() - SettleWindow;
        var firstYoung = rows.FindIndex(r => r.CreatedAt > settled);
        return firstYoung >= 0 ? rows[..firstYoung] : rows;
    }

    public async Task<long> FanOutPositionAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Set<WebhookCursor>().Where(c => c.Name == WebhookCursor.FanOut).Select(c => c.LastSequence).SingleAsync(ct);
    }
}
