using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Collections;

namespace Registry.Api.Web.Pages;

/// <summary>The home page's featured collection (<see cref="CurrentCollection"/> decides which); nothing when none is current.</summary>
public static class CollectionFeature
{
    private const int Shown = 3;

    public static async Task<Markup> RenderAsync(PageContext ctx, ICollectionStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindCurrentAsync(CurrentCollection.Today(clock), ct) is not { } c) return Markup.Empty;
        var title = ctx.Language == WebLanguage.En && c.TitleEn is { } en ? en : c.Title;
        var url = CollectionText.CollectionUrl(c.Id);
        return Html.Of($"""
            <section aria-labelledby="featured-h" class="featured">
            <h2 id="featured-h">{ctx[CollectionText.Featured]}: <a href="{url}">{title}</a></h2>
            <p class="meta"><span>{ctx.Format.Date(c.Date)}</span><span>{ctx.Format.Number(c.TaskCount)} {ctx[T.PublishedTasks]}</span></p>
            <ol class="results">{c.Items.Take(Shown).Select(i => Fragments.TaskItem(ctx, i.Task, null, "h3"))}</ol>
            <p><a href="{url}">{ctx[CollectionText.SeeCollection]} ({ctx.Format.Number(c.TaskCount)})</a> · <a href="/collections">{ctx[CollectionText.AllCollections]}</a></p>
            </section>
            """);
    }
}
