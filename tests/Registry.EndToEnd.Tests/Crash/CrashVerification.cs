using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>After a kill and a restart: what was acknowledged is stored, and the index on disk equals the store.</summary>
internal static class CrashVerification
{
    /// <summary>One trial's figures, for the suite's report.</summary>
    public sealed record Trial(string Kind, int Number, int KilledAfterMs, int Acknowledged, int Published, int Indexed, bool IndexEqualsStore)
    {
        public override string ToString() =>
            $"{Kind} trial {Number}: killed after {KilledAfterMs} ms, {Acknowledged} acknowledged, {Published} published in store, {Indexed} in index, index == store: {IndexEqualsStore}";
    }

    /// <param name="acknowledged">Ids or codes (per <paramref name="byCode"/>) of writes the service answered with success.</param>
    public static async Task<(int Published, int Indexed)> AssertConsistentAsync(
        ChildHost host, IReadOnlyCollection<string> acknowledged, bool byCode)
    {
        var store = await DrainedStoreAsync(host);
        var published = store.Where(t => t.Published).ToDictionary(t => t.Id, t => t.UpdatedAtMs, StringComparer.Ordinal);
        var publishedKeys = store.Where(t => t.Published).Select(t => byCode ? t.Code : t.Id).ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(a => !publishedKeys.Contains(a)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes are missing from the store, e.g. {string.Join(", ", lost.Take(5))}");

        var indexed = DataDirectoryInspector.ReadCommittedIndex(host.DataDirectory);
        var missing = published.Keys.Where(id => !indexed.ContainsKey(id)).ToList();
        var extra = indexed.Keys.Where(id => !published.ContainsKey(id)).ToList();
        var stale = published.Where(p => indexed.TryGetValue(p.Key, out var at) && at != p.Value).Select(p => p.Key).ToList();
        Assert.True(missing.Count + extra.Count + stale.Count == 0,
            $"index != store: {missing.Count} published tasks missing from the committed index, {extra.Count} extra, {stale.Count} at an older version");

        // What a user sees: the search count equals the store's published count.
        using var client = host.Client(key: null);
        var listed = await (await client.GetAsync("/api/v1/tasks?pageSize=1")).ReadJsonAsync();
        Assert.Equal(published.Count, listed.GetProperty("meta").GetProperty("count").GetInt32());
        return (published.Count, indexed.Count);
    }

    /// <summary>The store once the restarted service has applied every outbox item (each completed only after a commit).</summary>
    private static async Task<IReadOnlyList<DataDirectoryInspector.StoredTask>> DrainedStoreAsync(ChildHost host)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (tasks, pending) = await DataDirectoryInspector.ReadStoreAsync(host.DataDirectory);
            if (pending == 0) return tasks;
            Assert.True(DateTime.UtcNow < deadline, $"{pending} outbox items still pending after 60 s:\n{host.Output}");
            await Task.Delay(100);
        }
    }
}
