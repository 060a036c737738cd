using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;
using Registry.Data.Feedback;
using Registry.Search.Model;

namespace Registry.Api.Web.Pages;

/// <summary><c>/tasks/{id}</c>: every public field of a published task; withdrawn → 410 page, draft or unknown → 404.</summary>
public static class TaskPage
{
    private const int RelatedCount = 5;

    public static async Task<IResult> Handle(string id, HttpContext http, IPublicCatalog catalog, ISearchIndex index, IFeedbackStore feedback, CancellationToken ct)
    {
        var ctx = PageContext.For(http);
        var lookup = await catalog.FindByIdAsync(id, ct: ct);
        if (lookup is PublicTaskLookup.Gone gone) return ErrorPages.Gone(ctx, gone.Tombstone);
        if (lookup is not PublicTaskLookup.Found found) return ErrorPages.NotFound(ctx);

        var task = found.Record;
        var related = await index.RelatedAsync(found.Id, RelatedCount, ct);
        var approved = await feedback.ListApprovedAsync(found.Id, Feedback.FeedbackHandlers.PublicMax, ct);
        var path = Fragments.TaskUrl(found.Id);
        var main = Html.Of($"""
            <div class="wrap">
            <article>
            <p class="meta"><a href="/tasks">{ctx[T.NavTasks]}</a> › {task.Code}</p>
            <h1 lang="vi">{task.Title}</h1>
            {Html.When(!string.IsNullOrWhiteSpace(task.TitleEn), Html.Of($"""<p class="lead" lang="en">{task.TitleEn}</p>"""))}
            {TaskSections.PlainSummary(ctx, task)}
            <section aria-labelledby="facts-h">
            <h2 id="facts-h">{ctx[T.Details]}</h2>
            {TaskSections.Facts(ctx, task)}
            </section>
            {TaskSections.People(ctx, task)}
            {TaskSections.Texts(ctx, task)}
            {TaskSections.Outputs(ctx, task)}
            {InquiryPages.TaskLink(ctx, task)}
            {CoverageSection.Render(ctx, task)}
            {TaskSections.Cite(ctx, task)}
            {FeedbackSection.Render(ctx, found.Id, approved)}
            </article>
            {Related(ctx, related)}
            {TaskSharing.Share(ctx, task, path)}
            </div>
            """);
        // The plain summary speaks to the people a shared link reaches; the scientific summary when there is none.
        var description = Fragments.Shorten(task.PlainSummary ?? task.Summary, 300) ?? task.Title ?? "";
        var head = Html.Join([TaskJsonLd.Script(ctx, task), TaskSharing.DiscoveryLinks(ctx, task, path)]);
        return WebResults.Page(ctx, new PageShell(task.Title ?? task.Code ?? id, description, main, path, head, OpenGraphType: "article",
            Image: TaskSharing.CardImage(task, found.Id, found.Version)));
    }

    private static Markup Related(PageContext ctx, IReadOnlyList<SearchHit> related)
    {
        if (related.Count == 0) return Markup.Empty;
        return Html.Of($"""
            <section aria-labelledby="related-h">
            <h2 id="related-h">{ctx[T.Related]}</h2>
            <ol class="results">{related.Select(h => Fragments.TaskItem(ctx, h.Record, null, "h3"))}</ol>
            </section>
            """);
    }
}
