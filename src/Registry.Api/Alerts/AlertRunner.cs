using System.Globalization;
using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Api.Web.Localization;
using Registry.Data.Alerts;
using Registry.Data.Catalog;
using Registry.Search.Model;

namespace Registry.Api.Alerts;

/// <summary>
/// Matches active subscriptions against the durable change log. Each subscription keeps a cursor (the last change
/// sequence it was matched against); a run reads the changes after it, up to what the search index already holds,
/// runs the subscription's search restricted to those tasks, and advances the cursor together with queueing the mail
/// in one transaction, so a crash never sends twice nor skips. Nothing matched: the cursor moves, no mail.
/// With several instances the runs happen on the one holding the <see cref="LeaseName"/> lease (the cursor's
/// compare-and-set would keep a second runner from queueing a mail twice, but not from searching everything twice).
/// </summary>
internal sealed partial class AlertRunner(IAlertStore store, ISearchIndex index, AlertTokens tokens, AlertLinks links,
    IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertRunner> logger, SingletonLeases leases) : BackgroundService
{
    public const string LeaseName = "alerts";
    private readonly SingletonLease _lease = leases.For(LeaseName);

    /// <summary>Changes one subscription takes in one run; the rest wait for the next run.</summary>
    public const int MaxChangesPerRun = 5000;
    private const int MaxSearchPages = 25;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRunFailed(logger, ex.GetType().Name);
            }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await PeriodicWorker.ReleaseQuietlyAsync(_lease, logger, cancellationToken);
    }

    /// <summary>
    /// One pass over every due subscription, when this instance holds the lease (checked again before each
    /// subscription, so a pass longer than a lease renews it or stops); returns how many mails it queued.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (!await _lease.HoldAsync(ct)) return 0;
        var o = options.Value;
        var now = clock.GetUtcNow();
        var deleted = await store.DeletePendingBeforeAsync(now.AddDays(-o.ConfirmationDays), ct);
        if (deleted > 0) LogDeletedPending(logger, deleted, o.ConfirmationDays);
        var horizon = await store.IndexedHorizonAsync(ct);
        var queued = 0;
        foreach (var subscription in await store.ActiveAsync(ct))
        {
            if (!AlertSchedule.IsDue(subscription, now, o.DigestHour)) continue;
            if (!await _lease.HoldAsync(ct)) break;
            try
            {
                if (subscription.LastSequence >= horizon)
                {
                    // A digest slot with nothing new still counts as run: what comes later waits for the next slot.
                    if (subscription.Frequency != AlertFrequency.Immediate)
                        await store.AdvanceAsync(subscription.PublicId, subscription.LastSequence, subscription.LastSequence, null, ct);
                    continue;
                }
                if (await RunAsync(subscription, horizon, ct)) queued++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The cursor did not move: the same changes are matched again at the next run.
                LogSubscriptionFailed(logger, subscription.PublicId, ex);
            }
        }
        return queued;
    }

    private async Task<bool> RunAsync(AlertSubscriptionView subscription, long horizon, CancellationToken ct)
    {
        var changes = await store.ChangesAsync(subscription.LastSequence, horizon, MaxChangesPerRun, ct);
        var upTo = changes.Count == MaxChangesPerRun ? changes[^1].Sequence : horizon;
        // A task's last change decides: one withdrawn since is not announced; first publication in the period makes it new.
        var tasks = changes.GroupBy(c => c.TaskId, StringComparer.Ordinal)
            .Where(g => g.Last().Kind != PublicChangeKind.Withdrawn)
            .Select(g => (Id: g.Key, IsNew: g.Any(c => c.Kind == PublicChangeKind.Created), First: g.Min(c => c.Sequence), Since: g.Min(c => c.At)))
            .ToList();
        if (tasks.Count == 0)
        {
            await store.AdvanceAsync(subscription.PublicId, subscription.LastSequence, upTo, null, ct);
            return false;
        }

        var hits = await MatchAsync(subscription.Search, tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal), tasks.Min(t => t.Since), ct);
        var items = tasks.Where(t => hits.ContainsKey(t.Id))
            .OrderByDescending(t => t.IsNew).ThenBy(t => t.First)
            .Select(t => new AlertItem(hits[t.Id].Record, t.IsNew))
            .ToList();
        if (items.Count == 0)
        {
            await store.AdvanceAsync(subscription.PublicId, subscription.LastSequence, upTo, null, ct);
            return false;
        }

        var max = options.Value.MaxTasksPerMail;
        var lang = AlertMails.LanguageOf(subscription.Language);
        var mail = AlertMails.Alert(subscription, AlertSubscriptions.Describe(subscription.Search, lang), items.Take(max).ToList(),
            Math.Max(0, items.Count - max), links, tokens.Unsubscribe(subscription.PublicId, subscription.TokenSalt));
        var advanced = await store.AdvanceAsync(subscription.PublicId, subscription.LastSequence, upTo, mail, ct);
        if (advanced) LogQueued(logger, subscription.PublicId, items.Count);
        return advanced;
    }

    /// <summary>
    /// The subscription's search, restricted to tasks updated since the oldest change (a superset of the changed
    /// tasks), then intersected with them. A relaxed answer (some words missing) is not a match for an alert.
    /// </summary>
    private async Task<Dictionary<string, SearchHit>> MatchAsync(string search, IReadOnlySet<string> ids, DateTimeOffset since, CancellationToken ct)
    {
        var request = AlertSearch.ToRequest(search, out _);
        var floor = since.AddSeconds(-1);
        var own = request.Filters.Applied.FirstOrDefault(a => a.Filter == SearchFilters.UpdatedSince)?.Values.FirstOrDefault()?.Number;
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(search)
            .Where(p => !p.Key.Equals(SearchFilters.UpdatedSince.Name, StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("q", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));
        var filters = SearchFilterSet.Parse(kept.Append(KeyValuePair.Create(SearchFilters.UpdatedSince.Name,
            (string?)Later(own, floor).ToString("o", CultureInfo.InvariantCulture))), out _);
        var found = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        var page = request with { Filters = filters, PageSize = SearchRequest.MaxPageSize, Facets = [], Highlight = false, Cursor = null };
        for (var i = 0; i < MaxSearchPages; i++)
        {
            var result = await index.SearchAsync(page, ct);
            if (result.Relaxed) break;
            foreach (var hit in result.Hits.Where(h => ids.Contains(h.Id))) found[hit.Id] = hit;
            if (found.Count == ids.Count || result.NextCursor is null) break;
            page = page with { Cursor = result.NextCursor };
        }
        return found;
    }

    /// <summary>The subscriber's own updatedSince (unix ms) when it is later than the run's floor, else the floor.</summary>
    private static DateTimeOffset Later(long? own, DateTimeOffset floor) =>
        own is { } ms && DateTimeOffset.FromUnixTimeMilliseconds(ms) > floor ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : floor;

    [LoggerMessage(Level = LogLevel.Error, Message = "The alert run failed with {ExceptionType}; it runs again shortly")]
    private static partial void LogRunFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert subscription {Id} could not be matched; its changes are matched again at the next run")]
    private static partial void LogSubscriptionFailed(ILogger logger, string id, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert for subscription {Id} queued with {Count} tasks")]
    private static partial void LogQueued(ILogger logger, string id, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} alert subscriptions not confirmed within {Days} days")]
    private static partial void LogDeletedPending(ILogger logger, int count, int days);
}
