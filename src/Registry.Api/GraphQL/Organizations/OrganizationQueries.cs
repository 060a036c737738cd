using GraphQL;
using GraphQL.Types;
using Registry.Api.Catalog;
using Registry.Api.GraphQL.Common;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>
/// The organization fields of <c>Query</c>, over the directory REST's <c>/organizations</c> reads: the same public
/// organizations, the same name matching (case and diacritics folded), the same order and counts.
/// </summary>
public static class OrganizationQueries
{
    public static ObjectGraphType AddOrganizationQueries(this ObjectGraphType query)
    {
        query.Field<OrganizationGraphType>("organization").Description("Một tổ chức chủ trì theo id (a host organization by id).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "Mã công khai (public id).")
            .Resolve(ById);
        query.Field<OrganizationConnectionType>("organizations")
            .Description("Tổ chức chủ trì có nhiệm vụ đã công bố, theo tên (host organizations with published tasks, by name).")
            .Argument<StringGraphType>("query", "Một phần tên, có dấu hoặc không dấu (part of the name, with or without diacritics).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ endCursor của trang trước (endCursor of the previous page).")
            .ResolveAsync(SearchAsync);
        return query;
    }

    private static object? ById(IResolveFieldContext context) =>
        OrganizationLoaders.Of(context).OrganizationById.Load(context.GetArgument<string>("id")).Then(o => o is null ? null : ToRef(o));

    private static async Task<object?> SearchAsync(IResolveFieldContext context)
    {
        var first = Paging.First(context);
        var after = Paging.After(context, PageCursor.Organizations);
        var text = context.GetArgument<string?>("query");
        if (text is { Length: > OrganizationSearchQuery.MaxQueryLength })
        {
            throw RegistryError.Invalid("query", $"query tối đa {OrganizationSearchQuery.MaxQueryLength} ký tự (query: at most {OrganizationSearchQuery.MaxQueryLength} characters).");
        }

        var skip = after?.Offset ?? 0;
        OrganizationPage page;
        try
        {
            // A cursor inside a page reads that page again from its start and drops what comes before the cursor.
            page = await context.RequestServices!.GetRequiredService<IOrganizationDirectory>()
                .SearchAsync(text, after?.PageStart, skip + first, context.CancellationToken);
        }
        catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
        {
            throw Paging.BadCursor();
        }

        var shown = page.Results.Skip(skip).ToList();
        var known = OrganizationLoaders.Of(context).OrganizationById;
        foreach (var o in shown) known.Prime(o.Id, o);
        var nodes = shown.Select(ToRef).ToList();
        var (cursors, end) = PageCursor.Of(PageCursor.Organizations, after?.PageStart, skip, nodes.Count, page.NextCursor);
        return new OrganizationConnection(nodes, new PageInfo(page.NextCursor is not null, after is not null, cursors.FirstOrDefault(), end), page.Count);
    }

    private static OrganizationRef ToRef(OrganizationSummary o) =>
        new() { Id = o.Id, Name = o.Name, Type = o.Type, Province = o.Province, Commune = o.Commune, Ror = o.Ror };
}
