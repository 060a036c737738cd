using Microsoft.Extensions.Options;
using Registry.Data.Leases;
using Registry.Search;

namespace Registry.Api.Hosting;

/// <summary>
/// The embedded Lucene index cannot be shared: the outbox indexer leases each change to ONE instance, so with two
/// instances over one database each Lucene index would miss the changes the other took, and searches would differ
/// from instance to instance. An instance on Lucene therefore claims the database for itself (the
/// <see cref="LeaseName"/> lease, renewed while it runs), and a second instance over the same database is refused at
/// start with a message saying what to do: Elasticsearch, which all instances share. An instance on Elasticsearch
/// only checks that no Lucene instance holds the claim (its indexer would take changes that instance's index needs).
/// </summary>
public sealed class EmbeddedIndexClaim(IWorkerLeaseStore store, InstanceIdentity identity, IOptions<SearchOptions> search, TimeProvider clock,
    ILogger<EmbeddedIndexClaim> logger) : BackgroundService
{
    public const string LeaseName = "embedded-search-index";
    private static readonly TimeSpan LeaseFor = SingletonLease.DefaultLeaseFor;
    private WorkerLeaseGrant? _grant;

    private bool Embedded => search.Value.Provider == SearchProvider.Lucene;

    /// <summary>Called at start, after migrations: takes the claim (Lucene) or checks it is free (Elasticsearch); throws when refused.</summary>
    public async Task ClaimAsync(CancellationToken ct)
    {
        if (Embedded)
        {
            _grant = await store.TryAcquireAsync(LeaseName, identity.Owner("lucene"), LeaseFor, ct);
            if (_grant is not null) return;
        }
        var holder = await store.FindAsync(LeaseName, ct);
        if (holder is null || holder.Until < clock.GetUtcNow()) return;
        throw new SharedEmbeddedIndexException(holder, Embedded, (int)Math.Ceiling((holder.Until - clock.GetUtcNow()).TotalSeconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (_grant is not null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LeaseFor / 3, clock, stoppingToken);
                var renewed = await store.RenewAsync(_grant, LeaseFor, stoppingToken);
                if (renewed is null)
                {
                    // Taken over while this process stalled past the lease: keep serving, and take it back when free.
                    logger.LogError("The {Lease} claim was taken over by another instance; two instances now index the same outbox into separate Lucene indexes", LeaseName);
                    renewed = await store.TryAcquireAsync(LeaseName, identity.Owner("lucene"), LeaseFor, stoppingToken);
                }
                _grant = renewed ?? _grant;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Could not renew the {Lease} claim ({ExceptionType}); retrying", LeaseName, ex.GetType().Name);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_grant is not { } grant) return;
        try
        {
            await store.ReleaseAsync(grant, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not release the {Lease} claim at stop ({ExceptionType}); it runs out within a minute", LeaseName, ex.GetType().Name);
        }
    }
}

/// <summary>A second instance over a database whose embedded index another instance keeps; the host stops with this message.</summary>
public sealed class SharedEmbeddedIndexException(WorkerLeaseHolder holder, bool embedded, int seconds) : Exception(
    (embedded
        ? "Một phiên bản Registry khác đang dùng cơ sở dữ liệu này với chỉ mục Lucene nhúng; chỉ mục nhúng không chia sẻ được giữa nhiều phiên bản. " +
          "Để chạy nhiều phiên bản, đặt Registry:Search:Provider=Elasticsearch cho mọi phiên bản "
        : "Một phiên bản Registry khác đang dùng cơ sở dữ liệu này với chỉ mục Lucene nhúng, nên không thể thêm phiên bản dùng Elasticsearch. " +
          "Đặt Registry:Search:Provider=Elasticsearch cho mọi phiên bản ") +
    $"(another Registry instance, {holder.Owner}, uses this database with the embedded Lucene index, which cannot be shared: " +
    "to run several instances, set Registry:Search:Provider=Elasticsearch on every instance. " +
    $"If that instance has stopped, its claim runs out within {seconds} s)")
{
    public WorkerLeaseHolder Holder { get; } = holder;
}
