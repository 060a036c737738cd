using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Catalog;

namespace Registry.Api.Web.Pages;

/// <summary>The 404 and 410 pages: what happened, in the page language, and a way back.</summary>
public static class ErrorPages
{
    public static IResult NotFound(PageContext ctx)
    {
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[T.NotFoundTitle]}</h1>
            <p>{ctx[T.NotFoundBody]}</p>
            {Fragments.SearchForm(ctx, null)}
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[T.NotFoundTitle], ctx[T.NotFoundBody], main), StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// Empty error responses (a path no endpoint serves): a browser asking for a page that does not exist gets the
    /// 404 page in its language; API clients, and anything under <c>/api</c>, get problem details, the one error shape
    /// their code reads.
    /// </summary>
    public static async Task StatusCodePage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode == StatusCodes.Status404NotFound && HttpMethods.IsGet(http.Request.Method)
            && !http.Request.Path.StartsWithSegments("/api") && AcceptsHtml(http.Request))
        {
            await NotFound(PageContext.For(http)).ExecuteAsync(http);
            return;
        }
        // Problem details whatever the Accept header says (the framework's writer declines clients that do not
        // accept JSON, which left them a bare "Status Code: 404" in plain text).
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        Registry.Api.Problems.ProblemDefaults.Customize(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        await Results.Problem(problem).ExecuteAsync(http);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    /// <summary>The tombstone of a withdrawn task: its code, when and why it was withdrawn; nothing of its content.</summary>
    public static IResult Gone(PageContext ctx, TaskTombstone task)
    {
        var when = task.WithdrawnAt is { } at ? Html.Of($"<dt>{ctx[T.WithdrawnAt]}</dt><dd>{ctx.Format.Date(at)}</dd>") : Markup.Empty;
        var why = string.IsNullOrWhiteSpace(task.WithdrawalReason) ? Markup.Empty
            : Html.Of($"""<dt>{ctx[T.WithdrawalReason]}</dt><dd lang="vi">{task.WithdrawalReason}</dd>""");
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[T.GoneTitle]}</h1>
            <p class="notice">{ctx[T.GoneBody]}</p>
            <dl class="facts"><dt>{ctx[T.Code]}</dt><dd>{task.Code}</dd>{when}{why}</dl>
            <p><a href="/tasks">{ctx[T.BackToSearch]}</a></p>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[T.GoneTitle], ctx[T.GoneBody], main), StatusCodes.Status410Gone);
    }
}
