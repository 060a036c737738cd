using GraphQL;
using GraphQL.Types;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Tasks;

/// <summary><c>facets(names)</c> on a connection: counts over every match of the connection's search.</summary>
public static class FacetResolver
{
    public static async Task<object?> ResolveAsync(IResolveFieldContext context, SearchRequest scope)
    {
        var names = context.GetArgument<List<string>>("names").Distinct().ToList();
        if (names.Count == 0) return Array.Empty<KeyValuePair<string, IReadOnlyList<FacetBucket>>>();
        var index = context.RequestServices!.GetRequiredService<ISearchIndex>();
        var result = await index.SearchAsync(scope with { Facets = names, PageSize = 1, Cursor = null }, context.CancellationToken);
        return names.Select(n => KeyValuePair.Create(n, result.Facets.GetValueOrDefault(n) ?? [])).ToList();
    }
}

/// <summary>Facet names, generated from <see cref="SearchFacets.All"/> so the schema follows the search model.</summary>
public sealed class FacetNameType : EnumerationGraphType
{
    public FacetNameType()
    {
        Name = "FacetName";
        Description = "Nhóm đếm (a facet).";
        foreach (var facet in SearchFacets.All) Add(facet.Name, facet.Name, facet.Description);
    }
}

public sealed class FacetType : ObjectGraphType<KeyValuePair<string, IReadOnlyList<FacetBucket>>>
{
    public FacetType()
    {
        Name = "Facet";
        Field<NonNullGraphType<FacetNameType>>("name").Description("Tên nhóm (facet name).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetBucketType>>>>("buckets")
            .Description("Giá trị và số lượng, nhiều nhất trước (values with counts, most frequent first).").Resolve(c => c.Source.Value);
    }
}

public sealed class FacetBucketType : ObjectGraphType<FacetBucket>
{
    public FacetBucketType()
    {
        Name = "FacetBucket";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Giá trị dùng để lọc (the value to filter by).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Tên hiển thị tiếng Việt (Vietnamese label).").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<LongGraphType>>("count").Description("Số nhiệm vụ (how many tasks).").Resolve(c => c.Source.Count);
    }
}
