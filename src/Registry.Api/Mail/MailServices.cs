using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Registry.Data;
using Registry.Data.Mail;

namespace Registry.Api.Mail;

internal static class MailServices
{
    /// <summary>The validated <c>Registry:Mail</c> options, the transport they choose, the sender and its health check.</summary>
    public static IServiceCollection AddRegistryMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return options.Mode == MailMode.Smtp
                ? new SmtpMailTransport(options)
                : new PickupDirectoryTransport(PickupDirectory(options, sp.GetRequiredService<IOptions<RegistryDataOptions>>().Value));
        });
        services.AddHostedService<MailSender>();
        services.AddHealthChecks().AddCheck<MailQueueHealthCheck>("mail", tags: [HealthApi.ReadyTag]);
        return services;
    }

    public static string PickupDirectory(MailOptions options, RegistryDataOptions data) =>
        Path.GetFullPath(options.PickupDirectory is { Length: > 0 } dir ? dir : "mail-pickup", data.DataDirectoryFullPath);
}

/// <summary>
/// The queue's length and the age of its oldest unsent mail. Mail waiting too long is Degraded, never Unhealthy:
/// the registry still serves its readers while the mail server is down.
/// </summary>
internal sealed class MailQueueHealthCheck(IMailQueueStore queue, IOptions<MailOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await queue.StatusAsync(cancellationToken);
        var age = status.OldestUnsentAt is { } oldest ? clock.GetUtcNow() - oldest : TimeSpan.Zero;
        var mode = options.Value.Mode;
        var description = $"mode {mode}; {status.Unsent} unsent, oldest waiting {(int)age.TotalMinutes} min; {status.GivenUp} given up";
        var data = new Dictionary<string, object>
        {
            ["unsent"] = status.Unsent,
            ["oldestUnsentAgeSeconds"] = (long)age.TotalSeconds,
            ["givenUp"] = status.GivenUp,
        };
        return age > TimeSpan.FromMinutes(options.Value.HealthMaxAgeMinutes) && mode != MailMode.Disabled
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
