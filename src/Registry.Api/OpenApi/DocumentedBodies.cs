namespace Registry.Api.OpenApi;

/// <summary>The OAI-PMH 2.0 arguments of a POST /oai form (the handler reads the form itself; this documents it).</summary>
/// <param name="Verb">Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords or GetRecord.</param>
/// <param name="MetadataPrefix">oai_dc or oai_cerif_openaire.</param>
/// <param name="Identifier">oai:registry.phutho.gov.vn:&lt;id&gt;.</param>
/// <param name="From">Lower bound of the datestamp, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.</param>
/// <param name="Until">Upper bound of the datestamp, same granularity as from.</param>
/// <param name="Set">A setSpec from ListSets.</param>
/// <param name="ResumptionToken">The previous answer's resumption token; exclusive.</param>
public sealed record OaiPmhArguments(string Verb, string? MetadataPrefix, string? Identifier, string? From, string? Until, string? Set, string? ResumptionToken);

/// <summary>GET /embed/tasks.json: what the embed widget draws (built by <c>EmbedHandlers.Json</c>).</summary>
/// <param name="Total">Published tasks matching the search.</param>
/// <param name="MoreUrl">The search page with every result.</param>
public sealed record EmbedTaskList(long Total, string MoreUrl, IReadOnlyList<EmbedTaskItem> Items);

/// <param name="Url">The task's page.</param>
/// <param name="Organization">Host organization's name.</param>
/// <param name="Status">Status label in Vietnamese.</param>
/// <param name="PlainSummary">Tóm tắt phổ thông: the item's text in the widget, null when the task has none.</param>
public sealed record EmbedTaskItem(string Id, string? Title, string Url, string? Code, string? Organization, int? StartYear, int? EndYear, string? Status,
    string? PlainSummary);

/// <summary>GET /oembed: an oEmbed 1.0 "rich" answer (https://oembed.com, §2.3.4).</summary>
/// <param name="Html">An iframe showing the embed.</param>
public sealed record OEmbedResponse(
    string Version,
    string Type,
    string Title,
    [property: System.Text.Json.Serialization.JsonPropertyName("provider_name")] string ProviderName,
    [property: System.Text.Json.Serialization.JsonPropertyName("provider_url")] string ProviderUrl,
    [property: System.Text.Json.Serialization.JsonPropertyName("cache_age")] int CacheAge,
    string Html,
    int Width,
    int Height);
