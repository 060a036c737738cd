using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Registry.Data.Abstractions;
using Registry.Search;
using Registry.Search.Indexing;

namespace Registry.Api.Health;

/// <summary>
/// Ready when search answers with the whole catalogue: not while the index is being rebuilt or reconciled at
/// start, and not while the outbox lags past <see cref="SearchOptions.ReadyMaxPending"/> items or
/// <see cref="SearchOptions.ReadyMaxLag"/> of age (searches would miss recent changes). The description says which.
/// </summary>
internal sealed class SearchIndexHealthCheck(
    SearchIndexState state, IServiceScopeFactory scopes, IOptions<SearchOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        switch (state.Phase)
        {
            case SearchIndexPhase.Starting:
                return HealthCheckResult.Unhealthy("Chỉ mục tìm kiếm đang khởi động (search index starting)");
            case SearchIndexPhase.Rebuilding:
                return HealthCheckResult.Unhealthy("Đang dựng lại chỉ mục tìm kiếm từ kho (search index rebuilding from the store)");
            case SearchIndexPhase.Reconciling:
                return HealthCheckResult.Unhealthy("Đang đối chiếu chỉ mục tìm kiếm với kho (search index reconciling with the store)");
        }
        try
        {
            return await LagAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Không đọc được hàng đợi chỉ mục (search outbox unreadable)", ex);
        }
    }

    private async Task<HealthCheckResult> LagAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var pending = await outbox.PendingCountAsync(ct);
        var oldest = pending == 0 ? null : await outbox.OldestPendingAsync(ct);
        var age = oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        var limits = options.Value;
        var seconds = age.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        if (pending > limits.ReadyMaxPending || age > limits.ReadyMaxLag)
        {
            return HealthCheckResult.Unhealthy(
                $"Chỉ mục tìm kiếm chậm: {pending} thay đổi chờ, cũ nhất {seconds} s (search index lagging: {pending} changes pending, oldest {seconds} s; " +
                $"limits {limits.ReadyMaxPending} and {limits.ReadyMaxLag.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        }
        return HealthCheckResult.Healthy($"Chỉ mục tìm kiếm sẵn sàng, {pending} thay đổi chờ (search index ready, {pending} changes pending)");
    }
}
