using Microsoft.Extensions.Options;

namespace Registry.Api.Feeds;

/// <summary>Absolute URLs for feeds and harvesters: the configured public base URL, else the request's own.</summary>
public sealed class PublicUrls(IOptions<FeedsOptions> options)
{
    /// <summary>Authority of the <c>tag:</c> URIs and OAI identifiers. Fixed, so ids stay stable whatever host serves them.</summary>
    public const string Authority = "registry.phutho.gov.vn";

    /// <summary>The base URL without a trailing slash.</summary>
    public string Base(HttpRequest request)
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
    }

    public static string TaskPage(string baseUrl, string id) => $"{baseUrl}/tasks/{Uri.EscapeDataString(id)}";

    public static string TaskApi(string baseUrl, string id) => $"{baseUrl}/api/v1/tasks/{Uri.EscapeDataString(id)}";

    public static string OrganizationPage(string baseUrl, string id) => $"{baseUrl}/organizations/{Uri.EscapeDataString(id)}";

    /// <summary>The field-of-science classification (Circular 24/2025/TT-BKHCN) as the API lists it: the concept scheme.</summary>
    public static string FieldScheme(string baseUrl) => $"{baseUrl}/api/v1/fields";

    /// <summary>One field or sector of the classification, as a concept of <see cref="FieldScheme"/>.</summary>
    public static string FieldConcept(string baseUrl, string code) => $"{FieldScheme(baseUrl)}#{Uri.EscapeDataString(code)}";

    /// <summary>A stable entry id (RFC 4151) for a task.</summary>
    public static string TagUri(string id) => $"tag:{Authority},2025:tasks/{id}";
}
