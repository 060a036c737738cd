using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Api.Problems;

namespace Registry.Api.Http;

/// <summary><c>Registry:RateLimits</c>: requests per minute per client address (anonymous; an IPv6 client counts per
/// /64, as one subscriber usually holds a whole /64) and per API key name. Behind a reverse proxy the client address
/// is the one the proxy forwards, when <c>Registry:ForwardedHeaders</c> trusts that proxy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Registry:RateLimits";

    /// <summary>0 switches the anonymous limit off.</summary>
    [Range(0, int.MaxValue)]
    public int AnonymousPerMinute { get; set; } = 1200;

    /// <summary>0 switches the key-holder limit off.</summary>
    [Range(0, int.MaxValue)]
    public int KeyPerMinute { get; set; } = 6000;
}

internal static class RateLimits
{
    public static IServiceCollection AddRegistryRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>((o, limits) =>
        {
            var anonymous = limits.Value.AnonymousPerMinute;
            var keyHolders = limits.Value.KeyPerMinute;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, anonymous, keyHolders));
            o.OnRejected = OnRejected;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, int anonymous, int keyHolders)
    {
        // Health probes and the docs stay reachable whatever a client does.
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger")) return RateLimitPartition.GetNoLimiter("exempt");

        var keyName = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.Name) : null;
        var (partition, limit) = keyName is not null
            ? ("key:" + keyName, keyHolders)
            : ("ip:" + ClientAddresses.Partition(context.Connection.RemoteIpAddress), anonymous);
        if (limit <= 0) return RateLimitPartition.GetNoLimiter(partition);

        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken ct)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Create(ProblemKind.TooManyRequests,
            $"Quá nhiều yêu cầu; hãy thử lại sau {seconds} giây (too many requests; retry after {seconds} seconds).",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }).ExecuteAsync(http);
    }
}
