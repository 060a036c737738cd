namespace Registry.Api.GraphQL.Transport;

/// <summary>
/// The in-browser explorer: a small page served by the service itself (no CDN). Script and styles are separate
/// files so the page works under a strict Content-Security-Policy (no inline code).
/// </summary>
public static class GraphQLExplorer
{
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

    public static async Task WritePageAsync(HttpContext http)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = Policy;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.Vary = "Accept";
        await http.Response.WriteAsync(Read("explorer.html"), http.RequestAborted);
    }

    public static IResult Asset(string name, string contentType) => Results.Text(Read(name), contentType);

    private static string Read(string name)
    {
        using var stream = typeof(GraphQLExplorer).Assembly.GetManifestResourceStream("Registry.Api.GraphQL.Explorer." + name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
