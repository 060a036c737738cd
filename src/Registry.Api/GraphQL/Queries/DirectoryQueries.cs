using GraphQL;
using Registry.Api.GraphQL.Loaders;
using Registry.Api.GraphQL.Types;
using Registry.Data;
using Registry.Data.Reference;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Queries;

/// <summary><c>organizations</c> and <c>fields</c>.</summary>
public static class DirectoryQueries
{
    public static async Task<object?> OrganizationsAsync(IResolveFieldContext context)
    {
        var first = Paging.First(context);
        var afterText = context.GetArgument<string?>("after");
        OrganizationCursor? after = null;
        if (afterText is not null && !OrganizationCursor.TryDecode(afterText, out after))
        {
            throw RegistryError.Invalid("after", "Con trỏ không hợp lệ; hãy dùng đúng endCursor của trang trước (invalid cursor; pass endCursor unchanged).");
        }

        var query = context.GetArgument<string?>("query");
        var normalized = string.IsNullOrWhiteSpace(query) ? null : OrganizationNames.Normalize(query);
        var (page, more, total) = await context.RequestServices!.GetRequiredService<OrganizationReads>()
            .PageAsync(normalized, after, first, context.CancellationToken);
        var end = page.Count == 0 ? null : new OrganizationCursor(page[^1].SortKey!, page[^1].Id).Encode();
        var start = page.Count == 0 ? null : new OrganizationCursor(page[0].SortKey!, page[0].Id).Encode();
        return new OrganizationConnection(page, new PageInfo(more, after is not null, start, end), total);
    }

    /// <summary>The classification tree with counts of published tasks, from one engine query (field and sector facets).</summary>
    public static async Task<object?> FieldsAsync(IResolveFieldContext context)
    {
        var index = context.RequestServices!.GetRequiredService<ISearchIndex>();
        var result = await index.SearchAsync(new SearchRequest { Facets = [SearchFacets.Field.Name, SearchFacets.Sector.Name], PageSize = 1 }, context.CancellationToken);
        var counts = result.Facets.Values.SelectMany(b => b).GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.First().Count);
        return FieldsOfScience.Fields.Select(f => new FieldNode(f, counts.GetValueOrDefault(f.Code),
            FieldsOfScience.Sectors.Where(s => s.ParentCode == f.Code)
                .Select(s => new FieldNode(s, counts.GetValueOrDefault(s.Code), [])).ToList())).ToList();
    }
}
