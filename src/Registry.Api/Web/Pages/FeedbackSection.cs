using Registry.Api.Feedback;
using Registry.Api.Web.Rendering;
using Registry.Data;
using Registry.Data.Feedback;

namespace Registry.Api.Web.Pages;

/// <summary>The task page's feedback section: approved feedback with the official replies, the form link and the feed.</summary>
public static class FeedbackSection
{
    public static Markup Render(PageContext ctx, string taskId, IReadOnlyList<PublicFeedback> approved)
    {
        var body = approved.Count == 0 ? Html.Of($"<p>{ctx[FeedbackText.NoFeedback]}</p>") : Items(ctx, approved);
        return Html.Of($"""
            <section aria-labelledby="feedback-h" class="feedback-list">
            <h2 id="feedback-h">{ctx[FeedbackText.SectionTitle]}</h2>
            {body}
            <p><a href="{FeedbackText.TaskFormUrl(taskId)}">{ctx[FeedbackText.Write]}</a> · <a href="{FeedbackFeed.UrlOf(taskId)}" type="application/atom+xml">{ctx[FeedbackText.Feed]}</a></p>
            </section>
            """);
    }

    /// <summary>The items: message, date, and the reply under it. Never a name or an e-mail.</summary>
    public static Markup Items(PageContext ctx, IReadOnlyList<PublicFeedback> approved) => Html.Of($"""
        <ol class="feedback-items">{approved.Select(f => Item(ctx, f))}</ol>
        """);

    private static Markup Item(PageContext ctx, PublicFeedback f)
    {
        var reply = f.Reply is { } r ? Html.Of($"""
            <div class="feedback-reply">
            <p class="meta">{ctx[FeedbackText.Reply]} · {ctx.Format.Date(VietnamTime.DateOf(r.RepliedAt))}</p>
            <p class="text" lang="vi">{r.Text}</p>
            </div>
            """) : Markup.Empty;
        return Html.Of($"""
            <li id="{f.Id}">
            <p class="meta">{ctx[FeedbackText.Sent]} {ctx.Format.Date(VietnamTime.DateOf(f.CreatedAt))}</p>
            <p class="text" lang="{f.Language}">{f.Message}</p>
            {reply}
            </li>
            """);
    }
}
