namespace Registry.Api.Exports;

/// <summary>The media types of the exports, named once for the endpoints, the DCAT catalogue and compression.</summary>
public static class ExportMediaTypes
{
    /// <summary>
    /// JSON Lines, one record v1 per line. Neither <c>application/x-ndjson</c> nor <c>application/jsonl</c> is
    /// registered with IANA; this is the one the export serves and its OpenAPI contract declares, and the one
    /// common tools (Elasticsearch, jq pipelines, pandas) recognise.
    /// </summary>
    public const string JsonLines = "application/x-ndjson";

    public const string Csv = "text/csv";
}
