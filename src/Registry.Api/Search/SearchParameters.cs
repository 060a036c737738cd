using Registry.Api.Http;
using Registry.Search.Model;

namespace Registry.Api.Search;

/// <summary>The query parameters of the task search and the exports, built from the declared filter, facet and sort lists.</summary>
public static class SearchParameters
{
    public const string Query = "q";
    public const string Facets = "facets";
    public const string Sort = "sort";
    public const string Cursor = "cursor";
    public const string PageSize = "pageSize";
    public const string Select = "select";
    public const string Highlight = "highlight";

    /// <summary>Shared by the search and the exports: free text, every filter of <see cref="SearchFilters.All"/>, sort.</summary>
    public static readonly IReadOnlyList<QueryParameter> Common =
    [
        new(Query, "string", "Từ khóa, có hoặc không dấu; cú pháp lạ được tìm như văn bản (free text, with or without diacritics; \"phrases\", -exclude; odd syntax is searched as text).", "chuyển đổi số"),
        .. SearchFilters.All.Select(f => new QueryParameter(f.Name, OpenApiType(f.Kind),
            f.Description + (f.MultiValued ? " Nhiều giá trị: lặp lại hoặc ngăn bằng dấu phẩy (several values: repeat or comma-separate; OR-ed)." : "")
            + (f.Kind == FilterKind.Enum ? $" Giá trị (values): {string.Join(" | ", f.AllowedValues!)}." : ""),
            f.Example)),
        new(Sort, "string", $"Sắp xếp (sort): {string.Join(", ", SearchSort.Names)}; tiền tố '-' giảm dần (mặc định), '+' tăng dần ('-' descending, the default; '+' ascending). Without q, relevance means newest first.", "-newest"),
    ];

    /// <summary>The search endpoint's parameters: <see cref="Common"/> plus paging, facets, select and highlight.</summary>
    public static readonly IReadOnlyList<QueryParameter> Search =
    [
        .. Common,
        new(Facets, "string", $"Các facet cần đếm, ngăn bằng dấu phẩy (facets to count, comma-separated): {string.Join(", ", SearchFacets.All.Select(f => f.Name))}. " +
            "Mỗi facet đếm với mọi bộ lọc trừ bộ lọc của chính nó, nên vẫn thấy các giá trị khác để chọn thêm (multi-select: each facet counts under every filter except its own, so level=provincial still lists the other levels; meta.count and results use every filter).", "field,level,year"),
        new(Cursor, "string", "Con trỏ meta.nextCursor của trang trước (opaque meta.nextCursor of the previous page; omit for the first page).", null),
        new(PageSize, "integer", $"Số kết quả mỗi trang, 1–{SearchRequest.MaxPageSize}, mặc định {SearchRequest.DefaultPageSize} (results per page).", "25"),
        new(Select, "string", $"Chỉ trả các trường này của bản ghi, ngăn bằng dấu phẩy (return only these top-level record fields, comma-separated; id is always included): {string.Join(", ", RecordSelection.Fields)}.", "code,title,budget"),
        new(Highlight, "boolean", "Trả đoạn trích có <mark> cho title và summary trong \"highlights\" của mỗi kết quả (return <mark> snippets of title and summary in each result's \"highlights\").", "true"),
    ];

    /// <summary>The query parameter's schema type; a date-time travels as an ISO 8601 string.</summary>
    private static string OpenApiType(FilterKind kind) => kind switch
    {
        FilterKind.IntRange => "integer",
        FilterKind.Bool => "boolean",
        _ => "string",
    };
}
