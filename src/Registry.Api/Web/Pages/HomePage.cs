using Registry.Api.Feeds.Dcat;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;
using Registry.Data.Collections;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary><c>/</c>: the search box, ways into the catalogue (fields, levels, statuses), latest tasks, key figures.</summary>
public static class HomePage
{
    private const int LatestCount = 6;

    public static async Task<IResult> Handle(
        HttpContext http, ISearchIndex index, IPublicCatalog catalog, IOrganizationDirectory organizations, ITaskStatistics statistics,
        CatalogFactsCache facts, ICollectionStore collections, TimeProvider clock, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var overview = await index.SearchAsync(new SearchRequest { Facets = ["field", "level", "status"], PageSize = 1 }, ct);
        var transferable = await index.SearchAsync(new SearchRequest { Filters = SearchFilterSet.Of(("transferable", "true")), PageSize = 1 }, ct);
        var latest = await catalog.ListPublishedAsync(null, LatestCount, ct);
        var hosts = (await organizations.SearchAsync(null, null, 1, ct)).Count;
        var featured = await CollectionFeature.RenderAsync(ctx, collections, clock, ct);
        // Every task has one level, so the level buckets add up to the whole budget.
        var budget = (await statistics.GroupAsync(new StatisticsQuery(StatisticsGroupBy.Level), ct)).Sum(b => b.BudgetTotalVnd);

        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[T.SiteName]}</h1>
            <p class="lead">{ctx[T.SiteTagline]}</p>
            {Fragments.SearchForm(ctx, null, large: true)}
            {featured}
            <section aria-labelledby="figures-h">
            <h2 id="figures-h">{ctx[T.KeyFigures]}</h2>
            <ul class="figures">
            <li><strong>{ctx.Format.Number(overview.Total)}</strong> {ctx[T.PublishedTasks]}</li>
            <li><strong>{ctx.Format.Number(transferable.Total)}</strong> <a href="/tasks?transferable=true">{ctx[T.TransferableTasks]}</a></li>
            <li><strong>{ctx.Format.Number(hosts)}</strong> {ctx[T.HostOrganizations]}</li>
            <li><strong>{ctx.Format.VndShort(budget)}</strong> {ctx[T.TotalFunding]}</li>
            </ul>
            <p><a href="/stats">{ctx[T.AllStats]}</a></p>
            </section>
            <div class="grid">
            {Browse(ctx, "field", T.BrowseByField, overview)}
            {Browse(ctx, "level", T.BrowseByLevel, overview)}
            {Browse(ctx, "status", T.BrowseByStatus, overview)}
            </div>
            <section aria-labelledby="latest-h">
            <h2 id="latest-h">{ctx[T.LatestTasks]}</h2>
            <ol class="results">{latest.Results.Select(t => Fragments.TaskItem(ctx, t, null, "h3"))}</ol>
            </section>
            </div>
            """);
        var dataset = TaskJsonLd.Script(DatasetJsonLd.Catalogue(ctx.Origin, await facts.GetAsync().WaitAsync(ct)));
        return WebResults.Page(ctx, new PageShell(ctx[T.SiteName], ctx[T.SiteTagline], main, CanonicalPath: "/", Head: dataset));
    }

    private static Markup Browse(PageContext ctx, string facet, UiString heading, SearchResult overview)
    {
        var buckets = overview.Facets.GetValueOrDefault(facet) ?? [];
        var ordered = facet == "field" ? buckets.OrderBy(b => b.Key, StringComparer.Ordinal) : buckets.AsEnumerable();
        var items = ordered.Select(b => Html.Of($"""
            <li><a href="/tasks?{facet}={Uri.EscapeDataString(b.Key)}">{FacetText.Value(facet, b.Key, b.DisplayName, ctx.Language)}</a> <span class="count">({ctx.Format.Number(b.Count)})</span></li>
            """));
        return Html.Of($"""
            <section aria-labelledby="browse-{facet}">
            <h2 id="browse-{facet}">{ctx[heading]}</h2>
            <ul class="plain">{items}</ul>
            </section>
            """);
    }
}
