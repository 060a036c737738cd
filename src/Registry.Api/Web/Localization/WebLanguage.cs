using Microsoft.Net.Http.Headers;

namespace Registry.Api.Web.Localization;

/// <summary>The two languages of the pages: Vietnamese first, English second.</summary>
public enum WebLanguage
{
    Vi,
    En,
}

/// <summary>Chooses the page language: <c>?lang=</c> (remembered in a cookie), then the cookie, then Accept-Language.</summary>
public static class LanguageSelection
{
    public const string QueryKey = "lang";
    public const string CookieName = "registry-lang";

    public static string Code(this WebLanguage language) => language == WebLanguage.En ? "en" : "vi";

    public static WebLanguage Other(this WebLanguage language) => language == WebLanguage.En ? WebLanguage.Vi : WebLanguage.En;

    public static WebLanguage Select(HttpContext context)
    {
        var request = context.Request;
        if (TryParse(request.Query[QueryKey], out var asked))
        {
            context.Response.Cookies.Append(CookieName, asked.Code(), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                IsEssential = true,
                Secure = request.IsHttps,
            });
            return asked;
        }
        if (TryParse(request.Cookies[CookieName], out var remembered)) return remembered;
        return FromAcceptLanguage(request.Headers.AcceptLanguage);
    }

    /// <summary>The first of vi / en by quality; Vietnamese when neither is asked for.</summary>
    public static WebLanguage FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var values)) return WebLanguage.Vi;
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            if (value.Quality == 0) continue;
            if (TryParse(value.Value.Value, out var language)) return language;
        }
        return WebLanguage.Vi;
    }

    private static bool TryParse(string? text, out WebLanguage language)
    {
        language = WebLanguage.Vi;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var primary = text.Split('-', 2)[0].Trim();
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase)) { language = WebLanguage.En; return true; }
        return primary.Equals("vi", StringComparison.OrdinalIgnoreCase);
    }
}
