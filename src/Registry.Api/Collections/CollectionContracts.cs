using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Catalog;
using Registry.Data.Collections;

namespace Registry.Api.Collections;

/// <summary>Query of GET /collections.</summary>
public sealed record CollectionListQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    [FromQuery(Name = "cursor")]
    [Description("Opaque cursor from meta.nextCursor of the previous page; omit for the first page.")]
    public string? Cursor { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Collections per page, 1–200 (default 25).")]
    public int? PageSize { get; init; }
}

/// <summary>Collections, latest date first; each with the number of its published tasks.</summary>
public sealed record CollectionListResponse(CatalogListMeta Meta, IReadOnlyList<CollectionSummary> Results);

/// <summary>What a write did, in words, and the collection as it now stands (curator view).</summary>
/// <param name="Outcome">created, updated, unchanged or deleted.</param>
/// <param name="Message">The outcome in Vietnamese, then English.</param>
/// <param name="Collection">The collection after the write; absent after a delete.</param>
public sealed record CollectionWriteResponse(string Outcome, string Message, CollectionRecord? Collection);
