using Microsoft.Net.Http.Headers;

namespace Registry.Api.Web.Reference;

/// <summary>What a reference page (a problem type, the licence) answers with.</summary>
public enum ReferenceFormat
{
    Html,
    Json,
    ProblemJson,
}

/// <summary>
/// Chooses HTML for browsers and JSON for clients from the Accept header: the acceptable type with the highest
/// quality wins, HTML on a tie (a bare <c>*/*</c> is a person's tool such as curl or a link checker). An Accept header
/// that names none of the three, or cannot be parsed, is disregarded (RFC 9110 §12.5.1) and JSON is sent, so no
/// client gets an error for asking oddly.
/// </summary>
public static class ContentChoice
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";
    public const string HtmlType = "text/html";

    public static ReferenceFormat Choose(HttpRequest request)
    {
        var values = request.Headers.Accept;
        if (values.Count == 0) return ReferenceFormat.Html;
        if (!MediaTypeHeaderValue.TryParseList(values, out var accept) || accept.Count == 0) return ReferenceFormat.Json;

        double Quality(string type) => accept
            .Select(a => (Range: a, Rank: Specificity(a, type)))
            .Where(m => m.Rank > 0)
            .OrderByDescending(m => m.Rank)
            .Select(m => m.Range.Quality ?? 1)
            .FirstOrDefault();

        var html = Quality(HtmlType);
        var json = Quality(Json);
        var problem = Quality(ProblemJson);
        if (html <= 0 && json <= 0 && problem <= 0) return ReferenceFormat.Json;
        if (html >= json && html >= problem) return ReferenceFormat.Html;
        return problem > json ? ReferenceFormat.ProblemJson : ReferenceFormat.Json;
    }

    /// <summary>
    /// How specifically <paramref name="range"/> names <paramref name="type"/>: 3 exactly, 2 as <c>type/*</c>, 1 as
    /// <c>*/*</c>, 0 not at all. The most specific range decides the quality (RFC 9110 §12.5.1), so
    /// <c>*/*, text/html;q=0</c> refuses HTML.
    /// </summary>
    private static int Specificity(MediaTypeHeaderValue range, string type)
    {
        var media = range.MediaType.Value ?? "";
        if (media == "*/*") return 1;
        var slash = type.IndexOf('/');
        if (media.EndsWith("/*", StringComparison.Ordinal))
            return string.Equals(media[..^1], type[..(slash + 1)], StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        return string.Equals(media, type, StringComparison.OrdinalIgnoreCase) ? 3 : 0;
    }

    /// <summary>The content type of a JSON answer in <paramref name="format"/>.</summary>
    public static string JsonContentType(ReferenceFormat format) =>
        (format == ReferenceFormat.ProblemJson ? ProblemJson : Json) + "; charset=utf-8";
}
