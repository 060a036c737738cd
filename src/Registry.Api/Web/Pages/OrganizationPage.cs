using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary>
/// <c>/organizations/{id}</c>: a host organization, its totals (from the directory) and the published tasks it hosts
/// with their fields (from the search engine). Only organizations hosting a published task exist for the public.
/// </summary>
public static class OrganizationPage
{
    private const int ListCount = 20;

    public static async Task<IResult> Handle(string id, HttpContext http, IOrganizationDirectory directory, ISearchIndex index, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        if (await directory.FindAsync(id, ct) is not { } org) return ErrorPages.NotFound(ctx);
        var filters = SearchFilterSet.Parse([KeyValuePair.Create("organization", (string?)id)], out var errors);
        if (errors.Count > 0) return ErrorPages.NotFound(ctx);
        var request = new SearchRequest
        {
            Filters = filters, Facets = ["field", "status"], Sort = new SearchSort(SortBy.Newest, SortDirection.Descending), PageSize = ListCount,
        };
        var result = await index.SearchAsync(request, ct);
        var name = org.Name;

        var facts = new List<Markup>();
        if (org.Type is { } type) facts.Add(Html.Of($"<dt>{ctx[T.OrgType]}</dt><dd>{ctx[EnumText.Of(type)]}</dd>"));
        if (!string.IsNullOrWhiteSpace(org.Province)) facts.Add(Html.Of($"<dt>{ctx[T.Province]}</dt><dd>{org.Province}</dd>"));
        if (!string.IsNullOrWhiteSpace(org.Commune)) facts.Add(Html.Of($"<dt>{ctx[T.Commune]}</dt><dd>{org.Commune}</dd>"));
        facts.Add(Html.Of($"<dt>{ctx[T.OrgTasks]}</dt><dd>{ctx.Format.Number(org.PublishedTaskCount)}</dd>"));
        facts.Add(Html.Of($"<dt>{ctx[T.BudgetTotal]}</dt><dd>{ctx.Format.Vnd(org.BudgetTotalVnd)}</dd>"));
        facts.Add(Html.Of($"<dt>{ctx[T.BudgetState]}</dt><dd>{ctx.Format.Vnd(org.StateBudgetVnd)}</dd>"));
        var fields = (result.Facets.GetValueOrDefault("field") ?? []).Select(b =>
            Html.Of($"""<li><a href="/tasks?organization={Uri.EscapeDataString(id)}&amp;field={b.Key}">{T.FieldName(b.Key, ctx.Language)}</a> <span class="count">({ctx.Format.Number(b.Count)})</span></li>"""));
        var all = $"/tasks?organization={Uri.EscapeDataString(id)}";

        var main = Html.Of($"""
            <div class="wrap">
            <h1 lang="vi">{name}</h1>
            <dl class="facts">{facts}</dl>
            <h2>{ctx[T.FacetField]}</h2>
            <ul class="plain">{fields}</ul>
            <h2>{ctx[T.OrgTasks]}</h2>
            <ol class="results">{result.Hits.Select(h => Fragments.TaskItem(ctx, h.Record, null, "h3"))}</ol>
            <p><a href="{all}">{ctx[T.SeeAllTasks]} ({ctx.Format.Number(result.Total)})</a></p>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(name, $"{name}: {ctx.Format.Number(result.Total)} {ctx[T.PublishedTasks]}", main, Fragments.OrganizationUrl(id)));
    }
}
