using Registry.Api.Problems;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;

namespace Registry.Api.Web.Reference;

/// <summary>The HTML of the problem type pages and the licence, in the page language (Vietnamese by default).</summary>
public static class ReferencePages
{
    private static readonly UiString ProblemsTitle = new("Các loại lỗi của API", "API problem types");
    private static readonly UiString ProblemsIntro = new(
        "Mỗi lỗi API là một problem details (RFC 9457) có trường type trỏ đến một trang dưới đây.",
        "Every API error is an RFC 9457 problem details document whose type points to one of the pages below.");
    private static readonly UiString Status = new("Mã trạng thái HTTP", "HTTP status");
    private static readonly UiString Meaning = new("Ý nghĩa", "What it means");
    private static readonly UiString Fix = new("Cách khắc phục", "How to fix");
    private static readonly UiString AllProblems = new("Tất cả các loại lỗi", "All problem types");
    private static readonly UiString Attribution = new("Ghi nguồn", "Attribution");
    private static readonly UiString LegalBasis = new("Căn cứ", "Legal basis");
    private static readonly UiString Publisher = new("Đơn vị công bố", "Publisher");

    public static IResult Problem(PageContext ctx, ProblemTypeGuide guide)
    {
        var title = Pick(ctx, guide.Title);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{title}</h1>
            <p><code>{guide.TypeUri}</code></p>
            <dl class="facts"><dt>{ctx[Status]}</dt><dd>{guide.Status}</dd></dl>
            <h2>{ctx[Meaning]}</h2>
            <p>{Pick(ctx, guide.Meaning)}</p>
            <h2>{ctx[Fix]}</h2>
            <p>{Pick(ctx, guide.Fix)}</p>
            <p><a href="/problems">{ctx[AllProblems]}</a></p>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(title, Pick(ctx, guide.Meaning), main, "/problems/" + guide.Slug));
    }

    public static IResult ProblemList(PageContext ctx)
    {
        var items = Html.Join(ProblemGuide.All.Select(g => Html.Of(
            $"""<li><a href="/problems/{g.Slug}">{Pick(ctx, g.Title)}</a> — {g.Status} <code>{g.Slug}</code></li>""")));
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{ctx[ProblemsTitle]}</h1>
            <p>{ctx[ProblemsIntro]}</p>
            <ul>{items}</ul>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(ctx[ProblemsTitle], ctx[ProblemsIntro], main, "/problems"));
    }

    public static IResult Licence(PageContext ctx)
    {
        var view = Reference.Licence.View;
        var terms = Html.Join(view.Terms.Select(t => Html.Of($"<li>{Pick(ctx, t)}</li>")));
        var basis = Html.Join(view.LegalBasis.Select(b => Html.Of($"<li>{b}</li>")));
        var title = Pick(ctx, Reference.Licence.Title);
        var main = Html.Of($"""
            <div class="wrap">
            <h1>{title}</h1>
            <ul>{terms}</ul>
            <h2>{ctx[Attribution]}</h2>
            <p><q>{Pick(ctx, view.Attribution)}</q></p>
            <dl class="facts"><dt>{ctx[Publisher]}</dt><dd>{Pick(ctx, view.Publisher)}</dd></dl>
            <h2>{ctx[LegalBasis]}</h2>
            <ul>{basis}</ul>
            </div>
            """);
        return WebResults.Page(ctx, new PageShell(title, Pick(ctx, view.Terms[0]), main, Reference.Licence.Path));
    }

    private static string Pick(PageContext ctx, Registry.Data.Records.Label text) => ctx.Language == WebLanguage.En ? text.En : text.Vi;

    private static string Pick(PageContext ctx, LocalizedText text) => ctx.Language == WebLanguage.En ? text.En : text.Vi;
}
