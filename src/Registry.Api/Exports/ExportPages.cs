using System.Runtime.CompilerServices;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Exports;

/// <summary>Walks every hit of a search by cursor, a page at a time, so an export holds one page in memory.</summary>
public static class ExportPages
{
    /// <summary>The engine's largest page (it clamps larger requests).</summary>
    public const int PageSize = SearchRequest.MaxPageSize;

    /// <summary>The public records of every matching task, in the search's order. Contacts and the security
    /// classification are stripped again here (the index already holds the public view: defence in depth).</summary>
    public static async IAsyncEnumerable<TaskRecord> StreamAsync(ISearchIndex index, SearchRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = request with { PageSize = PageSize, Facets = [], Highlight = false, Cursor = null };
        while (true)
        {
            var result = await index.SearchAsync(page, ct);
            foreach (var hit in result.Hits)
            {
                if (hit.Record.Visibility is Visibility.Draft or Visibility.Withdrawn) continue;
                yield return TaskRecordProjection.ForPublic(hit.Record);
            }

            if (result.NextCursor is null || result.Hits.Count == 0) yield break;
            page = page with { Cursor = result.NextCursor };
        }
    }
}
