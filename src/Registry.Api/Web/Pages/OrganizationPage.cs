using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary><c>/organizations/{id}</c>: a host organization and the published tasks it hosts.</summary>
public static class OrganizationPage
{
    private const int ListCount = 20;

    public static async Task<IResult> Handle(string id, HttpContext http, ISearchIndex index, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var filters = SearchFilterSet.Parse([KeyValuePair.Create("organization", (string?)id)], out var errors);
        if (errors.Count > 0) return ErrorPages.NotFound(ctx);
        var request = new SearchRequest
        {
            Filters = filters, Facets = ["field", "status"], Sort = new SearchSort(SortBy.Newest, SortDirection.Descending), PageSize = ListCount,
        };
        var result = await index.SearchAsync(request, ct);
        // An organization is public through its published tasks: with none, there is nothing to show.
        if (result.Hits.Count == 0 || result.Hits[0].Record.HostOrganization is not { Name: { } name } org) return ErrorPages.NotFound(ctx);

        var facts = new List<Markup>();
        if (org.Type is { } type) facts.Add(Html.Of($"<dt>{ctx[T.OrgType]}</dt><dd>{ctx[EnumText.Of(type)]}</dd>"));
        if (!string.IsNullOrWhiteSpace(org.Province)) facts.Add(Html.Of($"<dt>{ctx[T.Province]}</dt><dd>{org.Province}</dd>"));
        if (!string.IsNullOrWhiteSpace(org.Commune)) facts.Add(Html.Of($"<dt>{ctx[T.Commune]}</dt><dd>{org.Commune}</dd>"));
        facts.Add(Html.Of($"<dt>{ctx[T.OrgTasks]}</dt><dd>{ctx.Format.Number(result.Total)}</dd>"));
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
