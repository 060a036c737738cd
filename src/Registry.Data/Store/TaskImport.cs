using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Registry.Data.Abstractions;
using Registry.Data.Entities;
using Registry.Data.Records;

namespace Registry.Data.Store;

/// <summary>
/// One import, one transaction (<see cref="ITaskStore.ImportAsync"/>). Every batch of the file is written into the
/// same open transaction, so a crash, a failed batch or a file-level error at the last row leaves nothing behind,
/// and nothing is read twice: the checks of a batch see the batches before it. Run through the provider's execution
/// strategy, so SQL Server's retry-on-failure replays the whole pass, and once more after a lost organization race.
/// </summary>
/// <remarks>
/// The price is that the import holds the write lock for its whole length: on SQLite other writers wait (up to the
/// connection's 30 s busy timeout) while readers go on (WAL); on SQL Server the rows it touches stay locked until
/// the commit. docs/import.md says so.
/// </remarks>
internal sealed class TaskImport(IDbContextFactory<RegistryDbContext> factory, TimeProvider clock)
{
    public Task<bool> RunAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct) =>
        OrganizationRace.RetryOnceAsync(() => RunOnceAsync(run, options, pass, ct));

    private async Task<bool> RunOnceAsync(ImportRun run, ImportOptions options, Func<IImportSession, CancellationToken, Task<ImportTotals?>> pass,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var session = new TaskBatchWriter(db, run, options, clock);
            if (options.DryRun)
            {
                await pass(session, ct);
                return false;
            }
            await RelaxSyncAsync(db, ct);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var totals = await pass(session, ct);
                if (totals is null || !session.Writing) return false; // disposing the transaction rolls it back
                // Like an unchanged row, an import that changed nothing leaves no trace.
                if (totals.Created + totals.Updated > 0) await BulkInsert.InsertAsync(db, [FileEntry(run, options, totals)], ct);
                await transaction.CommitAsync(ct);
                return true;
            }
            finally
            {
                await RestoreCacheAsync(db);
            }
        });
    }

    /// <summary>The import's own audit entry: the file it read, how, and what it did.</summary>
    private AuditEntry FileEntry(ImportRun run, ImportOptions options, ImportTotals totals)
    {
        var changes = new JsonObject
        {
            ["format"] = run.Format,
            ["fileName"] = run.FileName,
            ["bytes"] = run.Bytes,
            ["sha256"] = run.Sha256,
            ["skipInvalid"] = options.SkipInvalid,
            ["rows"] = totals.Rows,
            ["created"] = totals.Created,
            ["updated"] = totals.Updated,
            ["unchanged"] = totals.Unchanged,
            ["rejected"] = totals.Rejected,
        };
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = run.Actor.Name,
            Action = AuditAction.ImportFile,
            EntityId = run.Id,
            ChangesJson = changes.ToJsonString(RegistryJson.Options),
        };
    }

    /// <summary>
    /// SQLite only: the database runs in WAL mode (set at start-up), where synchronous=NORMAL skips the fsync of every
    /// commit (checkpoints still sync). A power cut can lose the last commits but never corrupts the file or splits a
    /// transaction. The setting belongs to the connection and cannot change inside a transaction, so the connection is
    /// opened here and stays open (EF closes it with the context) for the transaction that follows.
    /// </summary>
    private static async Task RelaxSyncAsync(RegistryDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        // A large import inserts into indexes keyed by random public ids: with SQLite's default 2 MB page cache most
        // of those inserts re-read their index page from the file. The import's connection gets a larger cache while
        // it runs (pages are only allocated as used), and the default back before it returns to the pool.
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536;", ct); // 64 MiB; SQLite's default is 2,000 KiB
    }

    private static async Task RestoreCacheAsync(RegistryDbContext db)
    {
        if (!db.Database.IsSqlite()) return;
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000;");
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            // A broken connection is not returned to the pool in use; the import's own error is the one to report.
        }
    }
}
