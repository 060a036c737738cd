using System.Diagnostics;
using Registry.Data.Records;
using Registry.Data.Telemetry;
using Registry.Search.Model;

namespace Registry.Api.Telemetry;

/// <summary>
/// The engine with every read timed into <see cref="RegistryTelemetry.SearchDuration"/> and traced as a
/// <c>search …</c> activity, and every write traced (the outbox indexer's upserts, removals and commits). Span
/// attributes say how a request was shaped (kind, query length in characters, filter and facet counts, hits), never
/// what was typed: a reader may type a name or an e-mail address into the search box.
/// </summary>
internal sealed class TelemetrySearchIndex(ISearchIndex inner) : ISearchIndex
{
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct = default)
    {
        var kind = KindOf(request);
        using var activity = RegistryTelemetry.Source.StartActivity("search " + kind);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("registry.search.kind", kind);
            activity.SetTag("registry.search.query_length", request.Query?.Trim().Length ?? 0);
            activity.SetTag("registry.search.filters", request.Filters.Applied.Count);
            activity.SetTag("registry.search.facets", request.Facets.Count);
            activity.SetTag("registry.search.page_size", request.ClampedPageSize);
            activity.SetTag("registry.search.sort", request.Sort.ToString());
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await inner.SearchAsync(request, ct);
            activity?.SetTag("registry.search.total", result.Total);
            if (result.Relaxed) activity?.SetTag("registry.search.relaxed", true);
            return result;
        }
        catch (Exception e)
        {
            Failed(activity, e);
            throw;
        }
        finally
        {
            Record(kind, started);
        }
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string prefix, int max = 10, CancellationToken ct = default)
    {
        using var activity = RegistryTelemetry.Source.StartActivity("search " + RegistryTelemetry.SearchKinds.Suggest);
        activity?.SetTag("registry.search.kind", RegistryTelemetry.SearchKinds.Suggest);
        activity?.SetTag("registry.search.query_length", prefix.Length);
        return await TimedAsync(RegistryTelemetry.SearchKinds.Suggest, activity, () => inner.SuggestAsync(prefix, max, ct));
    }

    public async Task<IReadOnlyList<SearchHit>> RelatedAsync(string id, int max = 5, CancellationToken ct = default)
    {
        using var activity = RegistryTelemetry.Source.StartActivity("search " + RegistryTelemetry.SearchKinds.Related);
        activity?.SetTag("registry.search.kind", RegistryTelemetry.SearchKinds.Related);
        return await TimedAsync(RegistryTelemetry.SearchKinds.Related, activity, () => inner.RelatedAsync(id, max, ct));
    }

    public Task<long> CountAsync(CancellationToken ct = default) => inner.CountAsync(ct);

    public Task UpsertAsync(IReadOnlyCollection<TaskRecord> records, CancellationToken ct = default) =>
        TracedWriteAsync("search index upsert", records.Count, () => inner.UpsertAsync(records, ct));

    public Task RemoveAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        TracedWriteAsync("search index remove", ids.Count, () => inner.RemoveAsync(ids, ct));

    public Task ApplyAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        TracedWriteAsync("search index apply", upserts.Count + removals.Count, () => inner.ApplyAsync(upserts, removals, ct));

    public Task WriteAsync(IReadOnlyCollection<TaskRecord> upserts, IReadOnlyCollection<string> removals, CancellationToken ct = default) =>
        TracedWriteAsync("search index write", upserts.Count + removals.Count, () => inner.WriteAsync(upserts, removals, ct));

    public Task RefreshAsync(CancellationToken ct = default) => TracedWriteAsync("search index refresh", null, () => inner.RefreshAsync(ct));

    public Task FlushAsync(CancellationToken ct = default) => TracedWriteAsync("search index commit", null, () => inner.FlushAsync(ct));

    public Task ResetAsync(CancellationToken ct = default) => TracedWriteAsync("search index reset", null, () => inner.ResetAsync(ct));

    public Task<ISearchIndexBuild> BeginRebuildAsync(CancellationToken ct = default) => inner.BeginRebuildAsync(ct);

    /// <summary>The <c>kind</c> tag: words typed, facet counts only, or a plain listing.</summary>
    public static string KindOf(SearchRequest request) =>
        !string.IsNullOrWhiteSpace(request.Query) ? RegistryTelemetry.SearchKinds.Text
        : request.Facets.Count > 0 && request.ClampedPageSize <= 1 ? RegistryTelemetry.SearchKinds.Facets
        : RegistryTelemetry.SearchKinds.Browse;

    private static async Task<T> TimedAsync<T>(string kind, Activity? activity, Func<Task<T>> read)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await read();
        }
        catch (Exception e)
        {
            Failed(activity, e);
            throw;
        }
        finally
        {
            Record(kind, started);
        }
    }

    private static async Task TracedWriteAsync(string name, int? items, Func<Task> write)
    {
        using var activity = RegistryTelemetry.Source.StartActivity(name);
        if (items is { } count) activity?.SetTag("registry.search.items", count);
        try
        {
            await write();
        }
        catch (Exception e)
        {
            Failed(activity, e);
            throw;
        }
    }

    private static void Record(string kind, long started) =>
        RegistryTelemetry.SearchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Marks the span failed with the exception's type only: its message may quote what was searched.</summary>
    private static void Failed(Activity? activity, Exception e)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
        activity.SetTag("error.type", e.GetType().FullName);
    }
}
