using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Registry.Api.Web.Rendering;

/// <summary>
/// The pages' few static files, embedded in the assembly and served from memory. Links carry a content hash
/// (<c>?v=</c>), so browsers keep them for a year; a strong ETag answers revalidation with 304.
/// </summary>
public static class StaticAssets
{
    public const string Prefix = "/assets/";

    private sealed record Asset(byte[] Content, string ContentType, string Hash)
    {
        public string ETag => $"\"{Hash}\"";
    }

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The fingerprinted address of an asset, e.g. <c>/assets/site.css?v=3f2a…</c>.</summary>
    public static string Url(string name) => $"{Prefix}{name}?v={Assets[name].Hash}";

    public static IEndpointRouteBuilder MapRegistryAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "{name}", Serve).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(string name, HttpContext http)
    {
        if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.XContentTypeOptions = "nosniff";
        var fingerprinted = http.Request.Query["v"] == asset.Hash;
        headers.CacheControl = fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=300";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(asset.ETag, StringComparison.Ordinal)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        const string resourcePrefix = "Registry.Api.Web.Assets.";
        var assets = new Dictionary<string, Asset>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var name = resource[resourcePrefix.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            assets[name] = new Asset(bytes, ContentTypeOf(name), hash);
        }
        return assets.ToFrozenDictionary();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
