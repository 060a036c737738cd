using Microsoft.Extensions.Options;
using Registry.Api.Feeds;

namespace Registry.Api.Alerts;

internal static class AlertServices
{
    public static IServiceCollection AddRegistryAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertTokens>();
        services.AddSingleton(sp => AlertSubscriptions.LinksFrom(sp.GetRequiredService<IOptions<FeedsOptions>>().Value));
        services.AddSingleton<AlertSubscriptions>();
        services.AddSingleton<AlertRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertRunner>());
        return services;
    }

    /// <summary>The subscribe, confirm and unsubscribe pages (outside the API description: they answer HTML).</summary>
    public static IEndpointRouteBuilder MapAlertPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/alerts").ExcludeFromDescription().WithTags(WebPages.Tag);
        pages.MapGet("/new", AlertPages.New).WithName("AlertSubscribePage").NeverCachedPage();
        pages.MapPost("/new", AlertPages.Submit).WithName("AlertSubscribeForm").NeverCachedPage();
        pages.MapGet("/confirm", AlertPages.ConfirmPage).WithName("AlertConfirmPage").NeverCachedPage();
        pages.MapPost("/confirm", AlertPages.Confirm).WithName("AlertConfirm").NeverCachedPage();
        pages.MapGet("/unsubscribe", AlertPages.UnsubscribePage).WithName("AlertUnsubscribePage").NeverCachedPage();
        pages.MapPost("/unsubscribe", AlertPages.Unsubscribe).WithName("AlertUnsubscribe").NeverCachedPage();
        return endpoints;
    }

    private static RouteHandlerBuilder NeverCachedPage(this RouteHandlerBuilder builder) => Registry.Api.Http.HttpCaching.NeverCached(builder);
}
