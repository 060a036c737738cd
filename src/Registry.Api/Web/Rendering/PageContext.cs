using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Web.Localization;

namespace Registry.Api.Web.Rendering;

/// <summary>What every page needs to render: the language, its formats and the request's address.</summary>
public sealed class PageContext
{
    public PageContext(HttpContext http, WebLanguage language)
    {
        Http = http;
        Language = language;
        Format = new WebFormat(language);
    }

    public HttpContext Http { get; }
    public WebLanguage Language { get; }
    public WebFormat Format { get; }

    public string this[UiString text] => text.In(Language);

    public static PageContext For(HttpContext http) => new(http, LanguageSelection.Select(http));

    /// <summary>The site's absolute origin, for canonical links, JSON-LD and share links.</summary>
    public string Origin => $"{Http.Request.Scheme}://{Http.Request.Host}{Http.Request.PathBase}";

    public string Absolute(string relative) => Origin + relative;

    /// <summary>The current address with <c>lang</c> set to the other language (the visible language switch).</summary>
    public string SwitchLanguageUrl() => WithQuery(Http.Request.Path, LanguageSelection.QueryKey, Language.Other().Code());

    /// <summary>The current address (path and query), with one parameter replaced or removed (null value).</summary>
    public string WithQuery(string path, string key, string? value)
    {
        var pairs = Http.Request.Query
            .Where(p => !string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .ToList();
        if (value is not null) pairs.Add(KeyValuePair.Create(key, (string?)value));
        return QueryHelpers.AddQueryString(path, pairs);
    }
}
