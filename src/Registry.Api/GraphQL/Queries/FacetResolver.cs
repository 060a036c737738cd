using GraphQL;
using Registry.Search.Model;

namespace Registry.Api.GraphQL.Queries;

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
