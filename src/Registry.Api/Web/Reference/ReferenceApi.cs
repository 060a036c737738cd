using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Problems;
using Registry.Api.Web.Pages;
using Registry.Api.Web.Reference;
using Registry.Api.Web.Rendering;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The pages behind the URIs the contract and the problems name: every problem <c>type</c>
/// (<c>/problems/&lt;kind&gt;</c>, <c>/problems/import-file/&lt;kind&gt;</c>) and the licence. Browsers get HTML,
/// clients asking for JSON get JSON (<see cref="ContentChoice"/>).
/// </summary>
public static class ReferenceApi
{
    public const string Tag = "Reference";

    private static readonly QueryParameter Lang = new("lang", "string", "Ngôn ngữ của trang HTML: vi (mặc định) hoặc en (language of the HTML page: vi, the default, or en).", "en");

    public static IEndpointRouteBuilder MapReferencePages(this IEndpointRouteBuilder app)
    {
        var problems = app.MapGroup("/problems").WithTags(Tag);
        problems.MapGet("/", ListProblems).WithName("ListProblemTypes")
            .WithSummary("Các loại lỗi của API (every problem type)")
            .WithDescription("The problem types of RFC 9457 answers: HTML for browsers, JSON with Accept: application/json.")
            .WithQueryParameters([Lang])
            .Produces<ProblemTypeListResponse>(StatusCodes.Status200OK, ContentChoice.Json)
            .AlsoServesHtml();
        problems.MapGet("/{kind}", Problem).WithName("GetProblemType")
            .WithSummary("Một loại lỗi: ý nghĩa và cách khắc phục (one problem type: what it means, how to fix it)")
            .WithDescription("What a problem's `type` URI resolves to. HTML for browsers; with Accept: application/json (or application/problem+json) the title, status, meaning and fix as JSON. An unknown kind answers 404.")
            .WithQueryParameters([Lang])
            .Produces<ProblemTypeView>(StatusCodes.Status200OK, ContentChoice.Json, ContentChoice.ProblemJson)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AlsoServesHtml();
        problems.MapGet("/import-file/{kind}", ImportFileProblem).WithName("GetImportFileProblemType")
            .WithSummary("Một loại lỗi tệp nhập (one import file problem type)")
            .WithDescription("The import-file problem's sub-types (encoding, missingColumn, …), as GET /problems/{kind}.")
            .WithQueryParameters([Lang])
            .Produces<ProblemTypeView>(StatusCodes.Status200OK, ContentChoice.Json, ContentChoice.ProblemJson)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AlsoServesHtml();

        app.MapGet(Licence.Path, GetLicence).WithTags(Tag).WithName("GetLicence")
            .WithSummary("Điều khoản sử dụng dữ liệu mở (the open data licence)")
            .WithDescription("The terms of info.license: free reuse with attribution (Decree 47/2020/NĐ-CP). HTML for browsers, JSON with Accept: application/json.")
            .WithQueryParameters([Lang])
            .Produces<LicenceView>(StatusCodes.Status200OK, ContentChoice.Json)
            .AlsoServesHtml();
        return app;
    }

    private static IResult ListProblems(HttpContext http) =>
        Answer(http, ReferencePages.ProblemList, new ProblemTypeListResponse(ProblemGuide.All.Select(ProblemTypeView.From).ToList()), ReferenceFormat.Json);

    private static IResult Problem(string kind, HttpContext http) => AnswerProblem(http, ProblemGuide.Find(kind));

    private static IResult ImportFileProblem(string kind, HttpContext http) =>
        AnswerProblem(http, ProblemGuide.Find($"{ProblemCatalog.Slug(ProblemKind.ImportFile)}/{kind}"));

    private static IResult GetLicence(HttpContext http) => Answer(http, ReferencePages.Licence, Licence.View, ReferenceFormat.Json);

    private static IResult AnswerProblem(HttpContext http, ProblemTypeGuide? guide)
    {
        if (guide is null)
        {
            if (ContentChoice.Choose(http.Request) != ReferenceFormat.Html)
            {
                return ApiProblems.Create(ProblemKind.NotFound,
                    "Không có loại lỗi này; danh sách ở /problems (no such problem type; see the list at /problems).");
            }
            var notFound = ErrorPages.NotFound(PageContext.For(http));
            VaryByAccept(http.Response);
            return notFound;
        }

        return Answer(http, ctx => ReferencePages.Problem(ctx, guide), ProblemTypeView.From(guide), ReferenceFormat.Json);
    }

    /// <summary>The page for browsers, else <paramref name="json"/>; a problem+json request gets the same body as problem+json.</summary>
    private static IResult Answer<T>(HttpContext http, Func<PageContext, IResult> page, T json, ReferenceFormat allowed)
    {
        var format = ContentChoice.Choose(http.Request);
        var result = format == ReferenceFormat.Html ? page(PageContext.For(http)) : null;
        VaryByAccept(http.Response);
        if (result is not null) return result;
        if (format == ReferenceFormat.ProblemJson && json is not ProblemTypeView) format = allowed;
        return Results.Text(System.Text.Json.JsonSerializer.Serialize(json, Registry.Data.Records.RegistryJson.Options),
            ContentChoice.JsonContentType(format), System.Text.Encoding.UTF8);
    }

    /// <summary>The answer depends on Accept (and, for pages, on the language): caches must keep them apart.</summary>
    private static void VaryByAccept(HttpResponse response)
    {
        var vary = response.Headers.Vary.ToString();
        response.Headers.Vary = string.IsNullOrEmpty(vary) ? "Accept" : vary + ", Accept";
    }
}
