using System.Globalization;
using Registry.Api.Feeds.SchemaOrg;
using Registry.Api.Feeds.Syndication;
using Registry.Api.Search;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary><c>/tasks?q=…</c>: results with highlights, facets with counts, sort and cursor paging.</summary>
public static class ResultsPage
{
    private static IReadOnlyList<SearchFacet> Facets => SearchFacets.All;

    public static async Task<IResult> Handle(HttpContext http, ISearchIndex index, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var query = SearchQuery.From(http.Request.Query);
        var request = query.ToRequest(Facets.Select(f => f.Name).ToList(), out var errors);
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
            {Fragments.SearchForm(ctx, query.Text, query.FilterParameters)}
            {(result is null ? Problems(ctx, errors) : Body(ctx, query, result))}
            </div>
            """);
        var feedTitle = query.Text is null ? ctx[T.FeedTitle] : $"{ctx[T.FeedTitle]}: {query.Text}";
        var feeds = result is null ? Markup.Empty : Html.Of($"""
            <link rel="alternate" type="application/atom+xml" title="{feedTitle}" href="{query.Feed("atom")}">
            <link rel="alternate" type="application/rss+xml" title="{feedTitle}" href="{query.Feed("rss")}">
            """);
        var head = result is null ? feeds : Html.Join([feeds, SearchDataset(ctx, query, request, result)]);
        var shell = new PageShell(title, ctx[T.SiteTagline], main, Head: head);
        return WebResults.Page(ctx, shell, result is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The search as a schema.org Dataset: what it finds, downloadable as the CSV and JSON Lines exports.</summary>
    private static Markup SearchDataset(PageContext ctx, SearchQuery query, SearchRequest request, SearchResult result)
    {
        string? OrgName(string id) => result.Facets.GetValueOrDefault("organization")?.FirstOrDefault(b => b.Key == id)?.DisplayName;
        var what = SearchDescription.Of(request, ctx.Language, OrgName);
        if (what.Length == 0) what = ctx.Language == WebLanguage.En ? "all tasks" : "tất cả nhiệm vụ";
        return TaskJsonLd.Script(DatasetJsonLd.Search(ctx.Origin, query.FirstPage(), query.SearchQueryString(), what, result.Total));
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
            {Facets.Select(f => FacetBlock(ctx, query, f, result.Facets.GetValueOrDefault(f.Name)))}
            </aside>
            <section aria-labelledby="count-h">
            <div class="toolbar"><p id="count-h" role="status"><strong>{count}</strong></p>{SortForm(ctx, query)}</div>
            {ActiveFilters(ctx, query, result)}
            {Hints(ctx, result)}
            {list}
            {Pager(ctx, query, result)}
            <p class="follow"><a href="{query.Feed("atom")}" type="application/atom+xml">{ctx[T.FollowResults]}</a>
            · <a href="/alerts/new{query.SearchQueryString()}" rel="nofollow">{ctx[Registry.Api.Alerts.AlertText.SubscribeLink]}</a></p>
            </section>
            </div>
            """);
    }

    /// <summary>Says when the engine relaxed the query, and offers the spelling with marks of a query typed without.</summary>
    private static Markup Hints(PageContext ctx, SearchResult result)
    {
        var relaxed = result.Relaxed ? Html.Of($"""<p class="notice" role="note">{ctx[T.RelaxedResults]}</p>""") : Html.Of($"");
        var suggestion = result.Suggestion is { } s
            ? Html.Of($"""<p class="suggestion">{ctx[T.DidYouMean]} <a href="/tasks?q={Uri.EscapeDataString(s)}" lang="vi">{s}</a></p>""")
            : Html.Of($"");
        return Html.Of($"{relaxed}{suggestion}");
    }

    private static Markup TransferableToggle(PageContext ctx, SearchQuery query) =>
        Html.Of($"""<p>{Toggle(query.Toggle("transferable", "true"), query.Has("transferable", "true"), ctx[T.TransferableOnly])}</p>""");

    /// <summary>
    /// A facet as a list of toggles. Counts are multi-select (the engine counts a facet without its own filter),
    /// so the other values stay listed: choosing one adds it to the filter (values are OR-ed), choosing a selected
    /// one removes it.
    /// </summary>
    private static Markup FacetBlock(PageContext ctx, SearchQuery query, SearchFacet facet, IReadOnlyList<FacetBucket>? buckets)
    {
        if (buckets is null || buckets.Count == 0) return Markup.Empty;
        var year = facet == SearchFacets.Year;
        var ordered = year ? buckets.OrderByDescending(b => b.Key, StringComparer.Ordinal).ToList() : buckets;
        var items = ordered.Select(b =>
        {
            var (applied, href) = year && int.TryParse(b.Key, CultureInfo.InvariantCulture, out var y)
                ? (query.HasYear(y), query.ToggleYear(y))
                : (query.Has(facet.FilterName, b.Key), query.Toggle(facet.FilterName, b.Key));
            var label = FacetText.Value(facet.Name, b.Key, b.DisplayName, ctx.Language);
            return Html.Of($"""<li>{Toggle(href, applied, label)} <span class="count">({ctx.Format.Number(b.Count)})</span></li>""");
        });
        var filtered = query.FilterPairs.Any(p => facet.Dimension.Any(f => f.Name.Equals(p.Key, StringComparison.OrdinalIgnoreCase)));
        var open = facet == SearchFacets.Field || facet == SearchFacets.Level || facet == SearchFacets.Status || filtered;
        return Html.Of($"""
            <details{(open ? Html.Of($" open") : Markup.Empty)}><summary>{ctx[FacetText.Title(facet.Name)]}</summary>
            <ul class="plain toggles">{items}</ul></details>
            """);
    }

    /// <summary>A link that looks and reads as a checkbox: <c>aria-current</c> marks the selected values.</summary>
    private static Markup Toggle(string href, bool on, string label) =>
        Html.Of($"""<a href="{href}" class="toggle"{(on ? Html.Of($" aria-current=\"true\"") : Markup.Empty)}><span class="box" aria-hidden="true">{(on ? "☑" : "☐")}</span> {label}</a>""");

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
        var keep = query.FilterParameters.Select(p => Html.Of($"""<input type="hidden" name="{p.Key}" value="{p.Value}">"""));
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
