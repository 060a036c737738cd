using Asp.Versioning;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.GraphQL.Transport;
using Registry.Api.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class RegistryApiPipeline
{
    /// <summary>The middleware pipeline and every endpoint group.</summary>
    public static WebApplication MapRegistryApi(this WebApplication app)
    {
        app.UseRegistryForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(Registry.Api.Web.Pages.ErrorPages.StatusCodePage);
        app.UseRegistryHttpEdge();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRegistryHttpCaching();
        app.UseRegistrySwagger();

        var api = app.NewVersionedApi("Registry");
        var v1 = api.MapGroup("/api/v{version:apiVersion}").HasApiVersion(new ApiVersion(1));
        v1.MapTasksApi();
        v1.MapImportsApi();
        v1.MapApiKeysApi();
        v1.MapCatalogApi();
        v1.MapSearchApi();
        v1.MapCollectionsApi();
        v1.MapFormsApi();
        v1.MapAlertsApi();
        v1.MapInquiriesApi();
        v1.MapFeedbackApi();
        v1.MapWebhooksApi();

        app.MapHealthApi();
        Registry.Api.Telemetry.MetricsEndpoint.MapRegistryMetrics(app);
        app.MapRegistryGraphQL();
        app.MapFeedsApi();
        app.MapCollectionFeeds();
        app.MapFeedbackFeeds();
        app.MapCitationsApi();
        app.MapReferencePages();
        app.MapRegistryWeb();
        Registry.Api.Alerts.AlertServices.MapAlertPages(app);
        return app;
    }

    /// <summary>Listens on http://localhost:5080 unless URLs or Kestrel endpoints are configured.</summary>
    public static WebApplicationBuilder UseRegistryDefaultUrl(this WebApplicationBuilder builder)
    {
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["urls"])
            || builder.Configuration.GetSection("Kestrel:Endpoints").Exists()
            || !string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]);
        if (!configured) builder.WebHost.UseUrls("http://localhost:5080");
        return builder;
    }
}
