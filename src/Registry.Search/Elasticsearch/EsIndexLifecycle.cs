using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Transport.Products.Elasticsearch;
using Registry.Search.Analysis;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Versioned indexes behind one alias: finds the live index, creates the first one when the alias is missing,
/// and swaps the alias to a rebuilt index while deleting the old one in a single atomic
/// <c>POST /_aliases</c> (<c>add</c> + <c>remove_index</c>), so readers never see a half-built or empty alias.
/// </summary>
/// <param name="vietnameseWords">Indexes get the plugin's sub-fields (<see cref="EsVietnameseWords"/>).</param>
internal sealed class EsIndexLifecycle(ElasticsearchClient client, IndexNames names, SynonymDictionary synonyms, bool vietnameseWords = false)
{
    public IndexNames Names => names;

    /// <summary>The layout marker this engine writes and expects.</summary>
    public string Layout { get; } = EsIndexDefinition.LayoutOf(vietnameseWords);

    /// <summary>The indexes the alias points to (normally one), empty when the alias does not exist.</summary>
    public async Task<IReadOnlyList<string>> AliasedIndexesAsync(CancellationToken ct)
    {
        var response = await client.Indices.GetAliasAsync(new GetAliasRequest((Names)names.Alias), ct);
        if (response.ApiCallDetails?.HttpStatusCode == 404) return [];
        Ensure(response, "đọc alias (get alias)");
        return (response.Aliases?.Keys ?? []).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Returns the live index, creating the first versioned index with the alias when there is none. When two
    /// instances raced and both created one, everyone keeps the oldest and the newer one is deleted. A live index of
    /// another text layout (<see cref="Layout"/>) would answer wrongly: it is replaced by an empty
    /// index of this layout, which the start-up bootstrap then fills from the store (as the Lucene engine does), and
    /// <paramref name="replaced"/> names the layout it had.
    /// </summary>
    public async Task<string> EnsureAsync(Action<string, string>? replaced, CancellationToken ct)
    {
        var live = await AliasedIndexesAsync(ct);
        if (live.Count == 0)
        {
            var first = names.NextVersion();
            var create = EsIndexDefinition.Create(first, synonyms, bulkLoad: false, vietnameseWords);
            create.Aliases = new Dictionary<Name, Alias> { [names.Alias] = new Alias() };
            var created = await client.Indices.CreateAsync(create, ct);
            if (!created.IsValidResponse && created.ElasticsearchServerError?.Error?.Type != "resource_already_exists_exception")
                Ensure(created, $"tạo chỉ mục (create index) {first}");
            live = await AliasedIndexesAsync(ct);
        }
        if (live.Count == 0) throw new ElasticsearchIndexException($"Alias '{names.Alias}' is still missing after creating the first index.");
        if (live.Count > 1)
            await SwapAsync(live[0], live.Skip(1).ToList(), ct);
        var layout = await LayoutAsync(live[0], ct);
        if (layout == Layout) return live[0];
        var fresh = await CreateNextAsync(live[0], bulkLoad: false, ct);
        await SwapAsync(fresh, [live[0]], ct);
        replaced?.Invoke(live[0], layout ?? "none");
        return fresh;
    }

    /// <summary>The text layout recorded in the index's mapping, or null for an index made before the marker.</summary>
    private async Task<string?> LayoutAsync(string index, CancellationToken ct)
    {
        var response = await client.Indices.GetMappingAsync(new GetMappingRequest(index), ct);
        Ensure(response, $"đọc mapping (get mapping) {index}");
        var meta = response.Mappings?.Values.FirstOrDefault()?.Mappings?.Meta;
        return meta is not null && meta.TryGetValue(EsIndexDefinition.LayoutKey, out var value) ? value?.ToString() : null;
    }

    /// <summary>Creates an empty versioned index, without the alias (a rebuild or a reset fills it first).</summary>
    public async Task<string> CreateNextAsync(string? current, bool bulkLoad, CancellationToken ct)
    {
        var name = names.NextVersion(current);
        Ensure(await client.Indices.CreateAsync(EsIndexDefinition.Create(name, synonyms, bulkLoad, vietnameseWords), ct), $"tạo chỉ mục (create index) {name}");
        return name;
    }

    /// <summary>Restores the live refresh interval after a bulk load and makes everything loaded searchable.</summary>
    public async Task PrepareForSwapAsync(string index, CancellationToken ct)
    {
        var settings = new PutIndicesSettingsRequest(index, new IndexSettings { RefreshInterval = EsIndexDefinition.LiveRefreshInterval });
        Ensure(await client.Indices.PutSettingsAsync(settings, ct), $"đặt refresh_interval (put settings) {index}");
        Ensure(await client.Indices.RefreshAsync(new RefreshRequest(index), ct), $"refresh {index}");
    }

    /// <summary>Points the alias at <paramref name="target"/> and deletes <paramref name="old"/>, atomically.</summary>
    public async Task SwapAsync(string target, IReadOnlyList<string> old, CancellationToken ct)
    {
        var actions = new List<IndexUpdateAliasesAction> { new AddAction { Index = target, Alias = names.Alias } };
        actions.AddRange(old.Where(o => o != target).Select(o => (IndexUpdateAliasesAction)new RemoveIndexAction { Index = o }));
        Ensure(await client.Indices.UpdateAliasesAsync(new UpdateAliasesRequest { Actions = actions }, ct), $"chuyển alias (swap alias) → {target}");
    }

    /// <summary>Deletes an abandoned build; a missing index is fine.</summary>
    public async Task DeleteAsync(string index, CancellationToken ct)
    {
        var response = await client.Indices.DeleteAsync(new DeleteIndexRequest(index), ct);
        if (response.ApiCallDetails?.HttpStatusCode != 404) Ensure(response, $"xoá chỉ mục (delete index) {index}");
    }

    internal static void Ensure(ElasticsearchResponse response, string what)
    {
        if (response.IsValidResponse) return;
        var reason = response.ElasticsearchServerError?.Error?.Reason ?? response.ApiCallDetails?.OriginalException?.Message ?? "unknown error";
        throw new ElasticsearchIndexException(
            $"Elasticsearch: {what} thất bại (failed), HTTP {response.ApiCallDetails?.HttpStatusCode?.ToString() ?? "no response"}: {reason}");
    }
}
