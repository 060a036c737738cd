using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Registry.Search.Elasticsearch;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>One request the client sent: method, path with query string, and the body exactly as sent.</summary>
public sealed record CapturedCall(string Method, string Path, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The lines of an NDJSON body (bulk), parsed.</summary>
    public List<JsonNode> Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// A scripted cluster behind the real client: answers come from Elastic.Transport's <see cref="InMemoryRequestInvoker"/>
/// (with the <c>x-elastic-product</c> header the client checks), chosen per request by method and path; request
/// bodies are captured from <see cref="ApiCallDetails.RequestBodyInBytes"/> (direct streaming disabled).
/// </summary>
public sealed class FakeCluster : IRequestInvoker
{
    private static readonly Dictionary<string, IEnumerable<string>> ProductHeader = new() { ["x-elastic-product"] = ["Elasticsearch"] };
    private readonly InMemoryRequestInvoker _inner = new([], 200, null, "application/json", ProductHeader);
    private readonly List<(string Method, string PathPrefix, Queue<(int Status, string Body)> Answers)> _routes = [];
    private readonly List<CapturedCall> _calls = [];

    public IReadOnlyList<CapturedCall> Calls { get { lock (_calls) return _calls.ToList(); } }

    public List<TimeSpan> Delays { get; } = [];

    public ResponseFactory ResponseFactory => _inner.ResponseFactory;

    /// <summary>Answers requests whose path starts with <paramref name="pathPrefix"/> with these responses in turn;
    /// the last one repeats. Later routes win over earlier ones.</summary>
    public FakeCluster On(string method, string pathPrefix, params (int Status, string Body)[] answers)
    {
        _routes.Insert(0, (method, pathPrefix, new Queue<(int, string)>(answers)));
        return this;
    }

    public FakeCluster On(string method, string pathPrefix, string body) => On(method, pathPrefix, (200, body));

    public ElasticsearchClient Client(ElasticsearchOptions? options = null) =>
        ElasticsearchRegistration.CreateClient(options ?? Options(), this, s => s
            .DisableDirectStreaming(true)
            .OnRequestCompleted(d =>
            {
                var body = d.RequestBodyInBytes is null ? "" : Encoding.UTF8.GetString(d.RequestBodyInBytes);
                lock (_calls) _calls.Add(new CapturedCall(d.HttpMethod.ToString().ToUpperInvariant(), d.Uri!.PathAndQuery, body));
            }));

    /// <summary>The client writes a one-element clause list as a single object (valid for Elasticsearch); this
    /// reads either form as a list.</summary>
    public static List<JsonNode> Many(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(n => n!).ToList(),
        null => [],
        _ => [node],
    };

    public static ElasticsearchOptions Options() => new() { Url = "http://es.test:9200", IndexPrefix = "registry" };

    /// <summary>An engine over this cluster whose alias already exists (unless the test routes GET _alias itself).</summary>
    public ElasticsearchSearchIndex Index(ElasticsearchOptions? options = null, TimeProvider? time = null)
    {
        if (!_routes.Any(r => r.PathPrefix.StartsWith("/_alias/", StringComparison.Ordinal)))
            On("GET", "/_alias/registry-tasks", EsJson.Alias("registry-tasks-v20250101000000"));
        if (!_routes.Any(r => r.Method == "GET" && r.PathPrefix.StartsWith("/registry-tasks-v", StringComparison.Ordinal)))
            On("GET", "/registry-tasks-v", EsJson.Mapping(EsJson.CurrentLayout));
        return new ElasticsearchSearchIndex(Client(options), options ?? Options(), time ?? new FixedTime(new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero)),
            delay: (d, _) => { lock (Delays) Delays.Add(d); return Task.CompletedTask; });
    }

    public CapturedCall Single(string method, string pathPrefix) =>
        Assert.Single(Calls, c => c.Method == method && c.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>The one call to exactly this path (query string ignored).</summary>
    public CapturedCall Exactly(string method, string path) =>
        Assert.Single(Calls, c => c.Method == method && c.Path.Split('?')[0] == path);

    /// <summary>The searches for hits, without the statistics requests (<see cref="IsStatistics"/>).</summary>
    public List<CapturedCall> Searches() => All("POST", "/registry-tasks/_search").Where(c => !IsStatistics(c)).ToList();

    /// <summary>The one search for hits.</summary>
    public CapturedCall Search() => Assert.Single(Searches());

    /// <summary>The statistics request of query planning: a size-0 count asked with the request cache on.</summary>
    public static bool IsStatistics(CapturedCall call) => call.Path.Contains("request_cache=true", StringComparison.Ordinal);

    public List<CapturedCall> All(string method, string pathPrefix) =>
        Calls.Where(c => c.Method == method && c.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Answer(endpoint);
        return _inner.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new()
    {
        var (status, body) = Answer(endpoint);
        return _inner.BuildResponse<TResponse>(endpoint, boundConfiguration, postData, Encoding.UTF8.GetBytes(body), status, "application/json");
    }

    private (int, string) Answer(Endpoint endpoint)
    {
        var method = endpoint.Method.ToString().ToUpperInvariant();
        var path = endpoint.PathAndQuery.StartsWith('/') ? endpoint.PathAndQuery : "/" + endpoint.PathAndQuery;
        lock (_routes)
        {
            var route = _routes.FirstOrDefault(r => r.Method == method && path.StartsWith(r.PathPrefix, StringComparison.Ordinal));
            if (route.Answers is null)
                return (400, JsonSerializer.Serialize(new { error = new { type = "unscripted_request", reason = $"{method} {path} is not scripted in this test" }, status = 400 }));
            return route.Answers.Count > 1 ? route.Answers.Dequeue() : route.Answers.Peek();
        }
    }

    public void Dispose() => ((IDisposable)_inner).Dispose();
}

/// <summary>A clock standing still at a given instant.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
