using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Registry.Api.Exports;
using Registry.Api.Problems;
using Registry.Search;

namespace Registry.Api.Http;

/// <summary>
/// HTTP behaviour shared by every public endpoint: CORS for public reads, gzip/brotli, rate limits, output caching
/// evicted by writes and index changes, ETags and 304s, and a cap on the query-string length.
/// </summary>
public static class RegistryHttp
{
    public const int MaxQueryStringLength = 2048;

    public static IServiceCollection AddRegistryHttp(this IServiceCollection services)
    {
        // Reads are open to every site; writes carry an API key and are not offered cross-origin.
        services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader()
            .WithExposedHeaders("ETag", "Link", "Retry-After", "Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", ExportMediaTypes.Csv, ExportMediaTypes.JsonLines]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOutputCache();
        // Registry:OutputCache:Enabled=false turns the server-side cache of public reads off (a CDN in front, or a
        // benchmark measuring the work behind every request); Cache-Control, ETags and 304s are unchanged.
        services.AddOptions<OutputCacheOptions>().Configure<IConfiguration>((o, configuration) =>
            o.AddBasePolicy(new PublicOutputCachePolicy(configuration.GetValue("Registry:OutputCache:Enabled", true))));
        services.AddRegistryRateLimits();
        services.AddSearchIndexChangeListener<SearchIndexCacheEviction>();
        services.AddSearchIndexBootstrap();
        services.ConfigureSwaggerGen(o => o.OperationFilter<DeclaredQueryParametersFilter>());
        return services;
    }

    /// <summary>Before authentication: CORS, compression, the query-string cap, the unsafe-character guard.</summary>
    public static WebApplication UseRegistryHttpEdge(this WebApplication app)
    {
        app.UseCors();
        app.UseResponseCompression();
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.Value?.Length > MaxQueryStringLength)
            {
                await ApiProblems.Create(ProblemKind.BadRequest,
                    $"Chuỗi truy vấn dài quá {MaxQueryStringLength} ký tự; hãy bớt tham số (the query string exceeds {MaxQueryStringLength} characters; send fewer parameters).")
                    .ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.Use(UnsafeTextGuard.InvokeAsync);
        return app;
    }

    /// <summary>After authentication (limits per key name): rate limits, ETags, the output cache, eviction on writes.</summary>
    public static WebApplication UseRegistryHttpCaching(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(WriteEviction.InvokeAsync);
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.UseOutputCache();
        return app;
    }
}
