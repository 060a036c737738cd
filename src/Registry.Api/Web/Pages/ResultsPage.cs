using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary><c>/tasks?q=…</c>: results with highlights, facets with counts, sort and cursor paging.</summary>
public static class ResultsPage
{
    private static readonly string[] Facets = ["field", "sector", "level", "kind", "status", "year", "organization"];

    public static async Task<IResult> Handle(HttpContext http, ISearchIndex index, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var query = SearchQuery.From(http.Request.Query);
        var request = query.ToRequest(Facets, out var errors);
        SearchResult? result = null;
        if (errors.Count == 0)
        {
            try { result = await index.SearchAsync(request, ct); }
            catch (InvalidSearchRequestException ex) { errors = new Dictionary<string, string[]> { [ex.Parameter] = [ex.Message] }; }
        }

        var title = query.Text is null ? ctx[T.AllTasksTitle] : $"{ctx[T.ResultsTitle]} {string.Format(ctx[T.ResultsFor], query.Text)}";
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{title}</h1>
            {Fragments.SearchForm(ctx, query.Text, query.FilterPairs)}
            {(result is null ? Problems(ctx, errors) : Body(ctx, query, result))}
            </div>
            """);
        var feedTitle = query.Text is null ? ctx[T.FeedTitle] : $"{ctx[T.FeedTitle]}: {query.Text}";
        var feeds = result is null ? Markup.Empty : Html.Of($"""
            <link rel="alternate" type="application/atom+xml" title="{feedTitle}" href="{query.Feed("atom")}">
            <link rel="alternate" type="application/rss+xml" title="{feedTitle}" href="{query.Feed("rss")}">
            """);
        var shell = new PageShell(title, ctx[T.SiteTagline], main, Head: feeds);
        return WebResults.Page(ctx, shell, result is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static Markup Problems(PageContext ctx, IReadOnlyDictionary<string, string[]> errors)
    {
        var items = errors.SelectMany(e => e.Value.Select(m => Html.Of($"<li><code>{e.Key}</code>: {m}</li>")));
        return Html.Of($"""
            <div class="notice" role="alert"><h2>{ctx[T.BadRequest]}</h2><ul>{items}</ul>
            <p><a href="/tasks">{ctx[T.ClearFilters]}</a></p></div>
            """);
    }

    private static Markup Body(PageContext ctx, SearchQuery query, SearchResult result)
    {
        var count = string.Format(ctx[T.ResultsCount], ctx.Format.Number(result.Total));
        var list = result.Hits.Count == 0
            ? Html.Of($"<p>{ctx[T.NoResults]}</p>")
            : Html.Of($"""<ol class="results">{result.Hits.Select(h => Fragments.TaskItem(ctx, h.Record, h.Highlights))}</ol>""");
        return Html.Of($"""
            <div class="layout">
            <aside class="facets" aria-labelledby="facets-h">
            <h2 id="facets-h">{ctx[T.Filters]}</h2>
            {TransferableToggle(ctx, query)}
            {Facets.Select(f => FacetBlock(ctx, query, f, result.Facets.GetValueOrDefault(f)))}
            </aside>
            <section aria-labelledby="count-h">
            <div class="toolbar"><p id="count-h" role="status"><strong>{count}</strong></p>{SortForm(ctx, query)}</div>
            {ActiveFilters(ctx, query, result)}
            {list}
            {Pager(ctx, query, result)}
            <p class="follow"><a href="{query.Feed("atom")}" type="application/atom+xml">{ctx[T.FollowResults]}</a></p>
            </section>
            </div>
            """);
    }

    private static Markup TransferableToggle(PageContext ctx, SearchQuery query)
    {
        var on = query.Has("transferable", "true");
        return Html.Of($"""<p><a href="{query.Toggle("transferable", "true")}"{(on ? Html.Of($" aria-current=\"true\"") : Markup.Empty)}><span aria-hidden="true">{(on ? "☑" : "☐")}</span> {ctx[T.TransferableOnly]}</a></p>""");
    }

    private static Markup FacetBlock(PageContext ctx, SearchQuery query, string facet, IReadOnlyList<FacetBucket>? buckets)
    {
        if (buckets is null || buckets.Count == 0) return Markup.Empty;
        var filter = facet == "sector" ? "field" : facet;
        var ordered = facet == "year" ? buckets.OrderByDescending(b => b.Key, StringComparer.Ordinal).ToList() : buckets;
        var items = ordered.Select(b =>
        {
            var applied = facet == "year" ? query.Has("yearFrom", b.Key) && query.Has("yearTo", b.Key) : query.Has(filter, b.Key);
            var href = facet == "year" ? query.ToggleYear(b.Key) : query.Toggle(filter, b.Key);
            var label = FacetText.Value(facet, b.Key, b.DisplayName, ctx.Language);
            return Html.Of($"""<li><a href="{href}"{(applied ? Html.Of($" aria-current=\"true\"") : Markup.Empty)}><span aria-hidden="true">{(applied ? "☑" : "☐")}</span> {label}</a> <span class="count">({ctx.Format.Number(b.Count)})</span></li>""");
        });
        var open = facet is "field" or "level" or "status" || query.FilterPairs.Any(p => p.Key == filter);
        return Html.Of($"""
            <details{(open ? Html.Of($" open") : Markup.Empty)}><summary>{ctx[FacetText.Title(facet)]}</summary>
            <ul class="plain">{items}</ul></details>
            """);
    }

    private static Markup ActiveFilters(PageContext ctx, SearchQuery query, SearchResult result)
    {
        if (!query.HasFilters) return Markup.Empty;
        string? OrgName(string id) => result.Facets.GetValueOrDefault("organization")?.FirstOrDefault(b => b.Key == id)?.DisplayName;
        var chips = query.FilterPairs.Select(p =>
        {
            var value = FacetText.Value(p.Key, p.Value, p.Key == "organization" ? OrgName(p.Value) : null, ctx.Language);
            return Html.Of($"""<li><a href="{query.Without(p.Key, p.Value)}" aria-label="{ctx[T.RemoveFilter]}: {ctx[FacetText.Title(p.Key)]} {value}">{ctx[FacetText.Title(p.Key)]}: {value} ✕</a></li>""");
        });
        return Html.Of($"""
            <h2 class="visually-hidden">{ctx[T.ActiveFilters]}</h2>
            <ul class="chips">{chips}<li><a href="{query.WithoutFilters()}">{ctx[T.ClearFilters]}</a></li></ul>
            """);
    }

    private static Markup SortForm(PageContext ctx, SearchQuery query)
    {
        (string Value, UiString Label)[] options =
            [("relevance", T.SortRelevance), ("-newest", T.SortNewest), ("+newest", T.SortOldest), ("-budget", T.SortBudget), ("-endDate", T.SortEndDate)];
        SearchSort.TryParse(query.SortText, out var current);
        var choices = options.Select(o =>
        {
            SearchSort.TryParse(o.Value, out var sort);
            return Html.Of($"""<option value="{o.Value}"{(sort == current ? Html.Of($" selected") : Markup.Empty)}>{ctx[o.Label]}</option>""");
        });
        var size = query.RequestedPageSize is null ? Markup.Empty : Html.Of($"""<input type="hidden" name="pageSize" value="{query.PageSize}">""");
        var keep = query.FilterPairs.Select(p => Html.Of($"""<input type="hidden" name="{p.Key}" value="{p.Value}">"""));
        var text = query.Text is null ? Markup.Empty : Html.Of($"""<input type="hidden" name="q" value="{query.Text}">""");
        return Html.Of($"""
            <form action="/tasks" method="get">{text}{keep}{size}
            <label for="sort">{ctx[T.SortLabel]}</label>
            <select id="sort" name="sort">{choices}</select>
            <button type="submit">{ctx[T.SortApply]}</button>
            </form>
            """);
    }

    private static Markup Pager(PageContext ctx, SearchQuery query, SearchResult result)
    {
        var first = query.Cursor is null ? Markup.Empty : Html.Of($"""<a href="{query.FirstPage()}">{ctx[T.FirstPage]}</a>""");
        var next = result.NextCursor is null ? Markup.Empty : Html.Of($"""<a href="{query.NextPage(result.NextCursor)}" rel="next">{ctx[T.NextPage]} →</a>""");
        if (query.Cursor is null && result.NextCursor is null) return Markup.Empty;
        return Html.Of($"""<nav class="pager" aria-label="{ctx[T.Pagination]}">{first}{next}</nav>""");
    }
}
