using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Microsoft.AspNetCore.Builder;

/// <summary>What the pages add to the host: compression of their HTML, CSS and SVG, and nothing else.</summary>
public static class WebServices
{
    public static IServiceCollection AddRegistryWeb(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Pages carry no secrets (no session, no anti-forgery token), so compressing over HTTPS opens no BREACH-style leak.
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/css", "image/svg+xml"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>Compresses page responses only: API, feeds and exports keep whatever their own modules decide.</summary>
    public static IApplicationBuilder UseRegistryWebCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => IsPage(c.Request.Path), branch => branch.UseResponseCompression());

    internal static bool IsPage(PathString path) =>
        path == "/" || path == "/tasks" || path == "/stats"
        || path.StartsWithSegments("/tasks") || path.StartsWithSegments("/organizations") || path.StartsWithSegments("/assets");
}
