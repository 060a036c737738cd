using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Registry.Api.Http;

/// <summary>
/// Public GETs get <c>Cache-Control</c>, <c>Vary</c> and a strong <c>ETag</c>: the one the handler set (single
/// records: their version) or a hash of the body; a matching <c>If-None-Match</c> answers 304 without a body.
/// Streamed responses (exports) get the cache headers but are not buffered.
/// </summary>
public sealed class ConditionalGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpCaching.IsPublicRead(context))
        {
            await next(context);
            return;
        }

        var maxAge = HttpCaching.MaxAge(context);
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                context.Response.Headers.CacheControl = $"public, max-age={maxAge}";
            }
            context.Response.Headers.Append(HeaderNames.Vary, "Accept-Encoding, Origin");
            return Task.CompletedTask;
        });

        if (HttpCaching.IsStreamed(context))
        {
            await next(context);
            return;
        }

        await BufferAndTag(context);
    }

    private async Task BufferAndTag(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = context.Response.Headers.ETag.ToString();
            if (string.IsNullOrEmpty(etag)) context.Response.Headers.ETag = etag = HashTag(buffer);
            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                return;
            }
        }

        // An empty body stays untouched, so status-code pages can still write their problem (404, 405…).
        if (buffer.Length == 0) return;
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static string HashTag(MemoryStream body)
    {
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        return "\"" + Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    internal static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch.Select(v => v ?? "").ToList(), out var tags)) return false;
        var current = EntityTagHeaderValue.Parse(etag);
        // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
