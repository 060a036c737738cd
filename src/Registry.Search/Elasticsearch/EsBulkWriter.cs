using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Transport.Products.Elasticsearch;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Sends index/delete operations in batches. A request answered 429 or 5xx (or not answered) is retried whole;
/// items rejected with 429 or 5xx inside a successful request are retried alone; each retry waits twice as long
/// as the one before. Any other item failure (a mapping error) stops the write with the reason.
/// </summary>
internal sealed class EsBulkWriter(ElasticsearchClient client, int batchSize, int maxRetries, TimeSpan firstDelay,
    Func<TimeSpan, CancellationToken, Task> delay)
{
    /// <summary>
    /// Sends <paramref name="operations"/> in requests of at most the configured batch size (however large the
    /// outbox batch), in order. Only the last request carries <paramref name="refresh"/>: a refresh makes every
    /// earlier operation of the shard visible too, so waiting for one per request would only add a second each.
    /// </summary>
    public async Task WriteAsync(string index, IReadOnlyList<IBulkOperation> operations, Refresh? refresh, CancellationToken ct)
    {
        var batches = operations.Chunk(batchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
            await WriteBatchAsync(index, batches[i], i == batches.Count - 1 ? refresh : null, ct);
    }

    private async Task WriteBatchAsync(string index, IReadOnlyList<IBulkOperation> batch, Refresh? refresh, CancellationToken ct)
    {
        var pending = batch;
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.BulkAsync(new BulkRequest(index) { Operations = new BulkOperationsCollection(pending), Refresh = refresh }, ct);
            var status = response.ApiCallDetails?.HttpStatusCode;
            if (response.ApiCallDetails?.HasSuccessfulStatusCode != true)
            {
                if (!IsTransient(status) || attempt >= maxRetries)
                    throw Failure(index, $"HTTP {status?.ToString() ?? "no response"}: {Reason(response)}");
            }
            else
            {
                var items = response.Items?.ToList() ?? [];
                var retry = new List<IBulkOperation>();
                for (var i = 0; i < items.Count && i < pending.Count; i++)
                {
                    var item = items[i];
                    if (item.Status is >= 200 and < 300 || (item.Operation == "delete" && item.Status == 404)) continue;
                    if (IsTransient(item.Status) && attempt < maxRetries) { retry.Add(pending[i]); continue; }
                    throw Failure(index, $"document '{item.Id}' ({item.Status}): {item.Error?.Type} {item.Error?.Reason}");
                }
                if (retry.Count == 0) return;
                pending = retry;
            }
            await delay(firstDelay * Math.Pow(2, attempt), ct);
        }
    }

    /// <summary>Too many requests, or the cluster (or a proxy before it) failing for now.</summary>
    internal static bool IsTransient(int? status) => status is null or 429 or >= 500;

    private static string Reason(ElasticsearchResponse response) =>
        response.ElasticsearchServerError?.Error?.Reason ?? response.ApiCallDetails?.OriginalException?.Message ?? "unknown error";

    private static ElasticsearchIndexException Failure(string index, string detail) =>
        new($"Ghi vào chỉ mục Elasticsearch '{index}' thất bại (bulk write failed): {detail}");
}

/// <summary>Elasticsearch refused or failed a request; the indexer retries the outbox later.</summary>
public sealed class ElasticsearchIndexException(string message) : Exception(message);
