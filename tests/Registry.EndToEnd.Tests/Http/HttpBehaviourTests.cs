using System.IO.Compression;
using System.Net.Http.Headers;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Search;

namespace Registry.EndToEnd.Tests.Http;

/// <summary>ETags and 304s, cache headers, the output cache and its eviction, CORS, compression, query-string cap.</summary>
public sealed class HttpBehaviourTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private async Task<(string Id, string ETag)> PublishAsync(string title)
    {
        var curator = await factory.CuratorAsync();
        var created = await curator.PostRecordAsync("/api/v1/tasks", new TaskRecordBuilder().WithTitle(title).Build());
        var id = (await created.ReadJsonAsync()).GetProperty("task").GetProperty("id").GetString()!;
        var published = await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        await factory.WaitForOutboxDrainedAsync();
        return (id, published.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Search_answers_304_to_a_matching_If_None_Match_and_a_new_ETag_after_a_write()
    {
        await PublishAsync("Kiểm thử thẻ thực thể thứ nhất");
        var client = factory.Anonymous();
        var first = await client.PollAsync("/api/v1/tasks?q=thẻ%20thực%20thể", b => b.Count() == 1);

        var response = await client.GetAsync("/api/v1/tasks?q=thẻ%20thực%20thể");
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=10", response.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("Origin", response.Headers.Vary);

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks?q=thẻ%20thực%20thể");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        await PublishAsync("Kiểm thử thẻ thực thể thứ hai");
        await client.PollAsync("/api/v1/tasks?q=thẻ%20thực%20thể", b => b.Count() == 2);
        var after = await client.GetAsync("/api/v1/tasks?q=thẻ%20thực%20thể");
        Assert.NotEqual(etag, after.Headers.ETag);
    }

    [Fact]
    public async Task Task_by_id_is_served_from_the_output_cache_until_a_write_evicts_it()
    {
        var (id, etag) = await PublishAsync("Bộ nhớ đệm trước khi sửa");
        var client = factory.Anonymous();
        var first = await client.GetAsync($"/api/v1/tasks/{id}");
        Assert.Equal(etag, first.Headers.ETag!.ToString());
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
        var cached = await client.GetAsync($"/api/v1/tasks/{id}");
        Assert.NotNull(cached.Headers.Age);

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        var curator = await factory.CuratorAsync();
        var edited = new TaskRecordBuilder().WithTitle("Bộ nhớ đệm sau khi sửa").Build() with { Code = (await first.ReadJsonAsync()).GetProperty("code").GetString() };
        var put = await curator.PutRecordAsync($"/api/v1/tasks/{id}", edited, etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var fresh = await client.GetAsync($"/api/v1/tasks/{id}");
        Assert.Null(fresh.Headers.Age);
        Assert.Equal("Bộ nhớ đệm sau khi sửa", (await fresh.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.NotEqual(etag, fresh.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Curator_reads_are_never_publicly_cached()
    {
        var (id, _) = await PublishAsync("Đọc bởi cán bộ");
        var curator = await factory.CuratorAsync();
        var response = await curator.GetAsync($"/api/v1/tasks/{id}");
        Assert.NotEqual("public", response.Headers.CacheControl?.ToString().Split(',')[0]);
        Assert.Contains("an.nguyen@example.vn", await response.Content.ReadAsStringAsync());
        var anonymous = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}");
        Assert.DoesNotContain("an.nguyen@example.vn", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cors_preflight_allows_GET_from_any_origin_and_refuses_POST()
    {
        var client = factory.Anonymous();
        var get = await client.SendAsync(Preflight("GET"));
        Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", get.Headers.GetValues("Access-Control-Allow-Methods").Single());

        // Browsers send the write only if the preflight lists its method; it never lists POST.
        var post = await client.SendAsync(Preflight("POST"));
        var methods = post.Headers.TryGetValues("Access-Control-Allow-Methods", out var values) ? string.Join(",", values) : "";
        Assert.DoesNotContain("POST", methods);

        var simple = new HttpRequestMessage(HttpMethod.Get, "/api/v1/filters");
        simple.Headers.Add("Origin", "https://huyen.example.vn");
        Assert.Equal("*", (await client.SendAsync(simple)).Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    private static HttpRequestMessage Preflight(string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/tasks");
        request.Headers.Add("Origin", "https://huyen.example.vn");
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");
        return request;
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Responses_are_compressed_as_negotiated(string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/filters");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "gzip" ? new GZipStream(raw, CompressionMode.Decompress) : new BrotliStream(raw, CompressionMode.Decompress);
        var text = await new StreamReader(decoded).ReadToEndAsync();
        Assert.Contains("\"filters\"", text);
    }

    [Fact]
    public async Task An_overlong_query_string_is_a_400_problem()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/tasks?q=" + new string('a', 3000));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }
}
