namespace Registry.Api.Web.Rendering;

/// <summary>HTML answers for the pages, with the security headers every page carries.</summary>
public static class WebResults
{
    /// <summary>
    /// Scripts only from this origin (there are none; JSON-LD blocks are data, which CSP does not govern), no inline
    /// styles, no plugins, framing only by this site, forms only to this site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IResult Page(PageContext ctx, PageShell shell, int status = StatusCodes.Status200OK)
    {
        ApplyHeaders(ctx.Http.Response);
        ctx.Http.Response.Headers.ContentLanguage = Localization.LanguageSelection.Code(ctx.Language);
        return Results.Content(Layout.Render(ctx, shell), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    public static void ApplyHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        // The language comes from the query, a cookie or Accept-Language: caches must keep the variants apart.
        headers.Vary = "Accept-Language, Cookie";
        headers.CacheControl = "no-cache";
    }
}
