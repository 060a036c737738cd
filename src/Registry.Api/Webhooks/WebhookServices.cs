using Microsoft.Extensions.Options;
using Registry.Api.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class WebhookServices
{
    /// <summary>Options (section <c>Registry:Webhooks</c>, validated at start), URL policy, sender and the worker.</summary>
    public static IServiceCollection AddRegistryWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<WebhookInputCheck>();
        services.AddSingleton<WebhookPayloads>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookWorker>();
        return services;
    }
}
