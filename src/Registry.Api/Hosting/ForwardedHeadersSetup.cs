using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

using Registry.Api.Http;

namespace Registry.Api.Hosting;

/// <summary>
/// <c>Registry:ForwardedHeaders</c>: which reverse proxies the service believes about the client's address and
/// scheme. Empty (the default) believes nobody: <c>X-Forwarded-For</c> from a client is ignored, so it cannot
/// escape a rate limit by naming another address. Behind a proxy, list the proxy's address or network here, and
/// the rate limits, the public forms' per-address limit and the request log see the client instead of the proxy.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Registry:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, separated by commas or spaces (<c>10.0.0.5, fd00::5</c>).</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Networks of trusted proxies in CIDR form, separated by commas or spaces (<c>172.16.0.0/12</c>).</summary>
    public string KnownNetworks { get; set; } = "";

    /// <summary>How many proxies in a row to believe, counted from the service outwards (1: one proxy in front).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>Whether any proxy is trusted (and so the middleware runs at all).</summary>
    public bool Enabled => Split(KnownProxies).Length > 0 || Split(KnownNetworks).Length > 0;

    internal static string[] Split(string? list) => ClientAddresses.SplitList(list);
}

/// <summary>Refuses the start, naming the setting, when a proxy address or network does not parse.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings o)
    {
        var errors = new List<string>();
        foreach (var entry in ForwardedHeadersSettings.Split(o.KnownProxies))
            if (!IPAddress.TryParse(entry, out _) || entry.Contains('/'))
                errors.Add($"{ForwardedHeadersSettings.Section}:KnownProxies: '{entry}' is not an IP address (one address per entry; networks go in KnownNetworks)");
        foreach (var entry in ForwardedHeadersSettings.Split(o.KnownNetworks))
        {
            if (!ClientAddresses.TryParseCidr(entry, out var network))
                errors.Add($"{ForwardedHeadersSettings.Section}:KnownNetworks: '{entry}' is not a network in CIDR form such as 172.16.0.0/12");
            else if (ClientAddresses.IsEveryAddress(network))
                errors.Add($"{ForwardedHeadersSettings.Section}:KnownNetworks: '{entry}' trusts every address on the Internet; name the proxies' network");
        }
        if (o.ForwardLimit is < 1 or > 10)
            errors.Add($"{ForwardedHeadersSettings.Section}:ForwardLimit must be between 1 and 10 (proxies in a row in front of the service)");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddRegistryForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((o, settings) =>
        {
            var s = settings.Value;
            // Only the client's address and the scheme: the Host header stays what the proxy sent (AllowedHosts
            // guards it), so a client cannot make the service build links to another site.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = s.ForwardLimit;
            // The framework trusts loopback by default; trust exactly what is configured instead.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in ForwardedHeadersSettings.Split(s.KnownProxies))
                if (IPAddress.TryParse(entry, out var address)) o.KnownProxies.Add(address);
            foreach (var entry in ForwardedHeadersSettings.Split(s.KnownNetworks))
                if (ClientAddresses.TryParseCidr(entry, out var network)) o.KnownIPNetworks.Add(network);
            // A proxy that sends more addresses than ForwardLimit allows is not an error: the nearest ones win.
            o.RequireHeaderSymmetry = false;
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it (rate limits, forms, logs) sees the client.</summary>
    public static WebApplication UseRegistryForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled) app.UseForwardedHeaders();
        return app;
    }
}
