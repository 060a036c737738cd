using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Http;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Catalog;

/// <summary>GET /organizations, /organizations/{id}, /organizations/{id}/tasks: only what published tasks reveal.</summary>
public static class OrganizationsApi
{
    public const string Tag = "Organizations";

    public static void MapOrganizationsApi(this IEndpointRouteBuilder v1)
    {
        var orgs = v1.MapGroup("/organizations").WithTags(Tag);

        orgs.MapGet("/", Search)
            .WithName("ListOrganizations")
            .WithSummary("Tìm tổ chức chủ trì (search host organizations)")
            .WithDescription("Organizations hosting at least one published task, by name (case- and diacritic-insensitive contains), ordered by name, with cursor paging. pageSize 1–200, default 25.")
            .ProducesValidationProblem()
            .RejectUnknownQueryParameters();

        orgs.MapGet("/{id}", Get)
            .WithName("GetOrganization")
            .WithSummary("Một tổ chức chủ trì (an organization, with totals)")
            .WithDescription("The organization with the count and budget sums of its published tasks. 404 when unknown or when none of its tasks is published.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RejectUnknownQueryParameters();

        orgs.MapGet("/{id}/tasks", Tasks)
            .WithName("ListOrganizationTasks")
            .WithSummary("Nhiệm vụ đã công bố của một tổ chức (an organization's published tasks)")
            .WithDescription("Published tasks only, newest publication first, cursor paging (pageSize 1–200, default 25). Withdrawn tasks and drafts never appear.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RejectUnknownQueryParameters();
    }

    public static async Task<Results<Ok<OrganizationListResponse>, ProblemHttpResult>> Search(
        [AsParameters] OrganizationSearchQuery query, IOrganizationDirectory directory, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(query.PageSize, OrganizationSearchQuery.MaxPageSize) is { } bad) return bad;
        if (query.Q is { Length: > OrganizationSearchQuery.MaxQueryLength })
        {
            return Problems.ApiProblems.Validation("q",
                $"q tối đa {OrganizationSearchQuery.MaxQueryLength} ký tự (q: at most {OrganizationSearchQuery.MaxQueryLength} characters).");
        }
        var size = query.PageSize ?? OrganizationSearchQuery.DefaultPageSize;
        try
        {
            var page = await directory.SearchAsync(query.Q, NullIfEmpty(query.Cursor), size, ct);
            var results = page.Results.Select(o => new OrganizationView(o.Id, o.Name, o.Type, o.Province, o.Commune, o.PublishedTaskCount) { Ror = o.Ror }).ToList();
            return TypedResults.Ok(new OrganizationListResponse(new CatalogListMeta(page.Count, page.NextCursor, size), results));
        }
        catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    public static async Task<Results<Ok<OrganizationDetailView>, ProblemHttpResult>> Get(
        string id, IOrganizationDirectory directory, CancellationToken ct)
    {
        var o = await directory.FindAsync(id, ct);
        if (o is null) return CatalogProblems.OrganizationNotFound();
        return TypedResults.Ok(new OrganizationDetailView(o.Id, o.Name, o.Type, o.Province, o.Commune, o.PublishedTaskCount,
            o.BudgetTotalVnd, o.StateBudgetVnd, o.LatestPublishedAt, $"/api/v1/organizations/{Uri.EscapeDataString(o.Id)}/tasks") { Ror = o.Ror });
    }

    public static async Task<Results<Ok<OrganizationTaskListResponse>, ProblemHttpResult>> Tasks(
        string id, [AsParameters] OrganizationTasksQuery query, IOrganizationDirectory directory, CancellationToken ct)
    {
        if (CatalogProblems.CheckPageSize(query.PageSize, OrganizationSearchQuery.MaxPageSize) is { } bad) return bad;
        var size = query.PageSize ?? OrganizationSearchQuery.DefaultPageSize;
        try
        {
            var page = await directory.ListPublishedTasksAsync(id, NullIfEmpty(query.Cursor), size, ct);
            if (page is null) return CatalogProblems.OrganizationNotFound();
            return TypedResults.Ok(new OrganizationTaskListResponse(new CatalogListMeta(page.Count, page.NextCursor, size), page.Results));
        }
        catch (FormatException) // InvalidCursorException, or base64url the decoder refused outright
        {
            return CatalogProblems.Cursor("cursor");
        }
    }

    internal static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
