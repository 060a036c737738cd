using Registry.Api.Web.Cards;
using Registry.Api.Web.Pages;
using Registry.Api.Web.Rendering;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The server-rendered pages: search works without JavaScript, Vietnamese first, English second.</summary>
public static class WebPages
{
    public const string Tag = "Web";

    public static IEndpointRouteBuilder MapRegistryWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegistryAssets();
        var pages = endpoints.MapGroup("").ExcludeFromDescription().WithTags(Tag);
        pages.MapGet("/", HomePage.Handle).WithName("HomePage");
        pages.MapGet("/tasks", ResultsPage.Handle).WithName("ResultsPage");
        pages.MapGet("/tasks/{id}", TaskPage.Handle).WithName("TaskPage");
        pages.MapGet("/tasks/{id}/card.png", TaskCardEndpoint.Get).WithName("TaskCard");
        pages.MapGet("/tasks/{id}/inquiry", InquiryPages.Form).WithName("InquiryFormPage");
        pages.MapPost("/tasks/{id}/inquiry", InquiryPages.Post).WithName("InquiryFormPost");
        pages.MapGet("/organizations/{id}", OrganizationPage.Handle).WithName("OrganizationPage");
        pages.MapGet("/stats", StatsPage.Handle).WithName("StatsPage");
        pages.MapGet("/stats/report", CoverageReportPage.Current).WithName("CoverageReportCurrentPage");
        pages.MapGet("/stats/report/{period}", CoverageReportPage.Handle).WithName("CoverageReportPage");
        pages.MapGet("/collections", CollectionPages.List).WithName("CollectionsPage");
        pages.MapGet("/collections/{id}", CollectionPages.Single).WithName("CollectionPage");
        pages.MapGet("/feedback", FeedbackPages.General).WithName("FeedbackPage");
        pages.MapPost("/feedback", FeedbackPages.SubmitGeneral).WithName("FeedbackFormPost");
        pages.MapGet("/feedback/thanks", FeedbackPages.Thanks).WithName("FeedbackThanksPage");
        pages.MapGet("/tasks/{id}/feedback", FeedbackPages.ForTask).WithName("TaskFeedbackPage");
        pages.MapPost("/tasks/{id}/feedback", FeedbackPages.SubmitForTask).WithName("TaskFeedbackFormPost");
        return endpoints;
    }
}
