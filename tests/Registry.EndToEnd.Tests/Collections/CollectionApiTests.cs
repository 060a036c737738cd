using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Api.Collections;
using Registry.Api.Tests.Builders;
using Registry.Data.Collections;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Collections;

/// <summary>REST collections through the real host: curator writes with a key, public reads, hostile bodies.</summary>
public sealed class CollectionApiTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private const string Url = "/api/v1/collections";

    internal static async Task<string> PublishedTaskAsync(HttpClient curator, string? title = null)
    {
        var record = TaskRecordBuilder.Valid() with { Title = title ?? TaskRecordBuilder.Valid().Title, Visibility = Visibility.Published };
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator, record);
        return id;
    }

    internal static string Body(string title, DateOnly date, params string[] tasks) => JsonSerializer.Serialize(new
    {
        title,
        titleEn = "Vietnam Science and Technology Day",
        description = "Những nhiệm vụ KH&CN tiêu biểu của tỉnh Phú Thọ.",
        date = date.ToString("yyyy-MM-dd"),
        items = tasks.Select((t, i) => new { task = t, note = i == 0 ? "Nổi bật" : null }).ToArray(),
    });

    internal static async Task<(string Id, string ETag)> CreateAsync(HttpClient curator, string body)
    {
        var response = await curator.PostRawAsync(Url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var written = JsonSerializer.Deserialize<CollectionWriteResponse>(text, RegistryJson.Options)!;
        return (written.Collection!.Id, response.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Curators_create_read_update_and_delete_and_the_public_sees_the_tasks_in_order()
    {
        var curator = await factory.CuratorAsync();
        var a = await PublishedTaskAsync(curator);
        var b = await PublishedTaskAsync(curator);
        var (codeOnly, code) = await TaskLifecycleTests.CreateAsync(curator, TaskRecordBuilder.Valid() with { Visibility = Visibility.Published });

        var (id, etag) = await CreateAsync(curator, Body("Ngày KH&CN Việt Nam 18/5", new DateOnly(2027, 5, 18), b, code, a));

        var read = await factory.Anonymous().GetAsync($"{Url}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var collection = await read.ReadAsync<CollectionRecord>();
        Assert.Equal([b, codeOnly, a], collection.Items.Select(i => i.Task.Id));
        Assert.Equal("Nổi bật", collection.Items[0].Note);
        Assert.True(read.Headers.ETag is { IsWeak: false });
        var again = new HttpRequestMessage(HttpMethod.Get, $"{Url}/{id}");
        again.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await factory.Anonymous().SendAsync(again)).StatusCode);

        var updated = await SendAsync(curator, HttpMethod.Put, $"{Url}/{id}", Body("Ngày KH&CN Việt Nam 18/5", new DateOnly(2027, 5, 18), a), etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("updated", (await updated.ReadAsync<CollectionWriteResponse>()).Outcome);
        var after = await (await factory.Anonymous().GetAsync($"{Url}/{id}")).ReadAsync<CollectionRecord>();
        Assert.Equal([a], after.Items.Select(i => i.Task.Id));

        var list = await (await factory.Anonymous().GetAsync($"{Url}?pageSize=200")).ReadJsonAsync();
        Assert.Contains(list.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.True(list.GetProperty("meta").GetProperty("count").GetInt64() >= 1);

        var deleted = await SendAsync(curator, HttpMethod.Delete, $"{Url}/{id}", null, updated.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await (await factory.Anonymous().GetAsync($"{Url}/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync($"/api/v1/tasks/{a}")).StatusCode);
    }

    [Fact]
    public async Task Writes_without_a_key_are_401_and_nothing_is_created()
    {
        var anonymous = factory.Anonymous();
        var before = (await (await anonymous.GetAsync(Url)).ReadJsonAsync()).GetProperty("meta").GetProperty("count").GetInt64();

        await (await anonymous.PostRawAsync(Url, Body("Bộ sưu tập", new DateOnly(2027, 5, 18)))).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await SendAsync(anonymous, HttpMethod.Put, $"{Url}/c0000000000aa", Body("x", new DateOnly(2027, 5, 18)), "\"1\""))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await SendAsync(anonymous, HttpMethod.Delete, $"{Url}/c0000000000aa", null, null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await factory.WithKey("rk_not_a_real_key_000000000000").PostRawAsync(Url, Body("x", new DateOnly(2027, 5, 18))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var after = (await (await anonymous.GetAsync(Url)).ReadJsonAsync()).GetProperty("meta").GetProperty("count").GetInt64();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Put_needs_If_Match_and_a_stale_one_is_412_with_the_current_ETag()
    {
        var curator = await factory.CuratorAsync();
        var a = await PublishedTaskAsync(curator);
        var (id, etag) = await CreateAsync(curator, Body("Ngày Đổi mới sáng tạo 1/10", new DateOnly(2027, 10, 1), a));
        var body = Body("Ngày Đổi mới sáng tạo Việt Nam 1/10", new DateOnly(2027, 10, 1), a);

        await (await SendAsync(curator, HttpMethod.Put, $"{Url}/{id}", body, null)).AssertProblemAsync((HttpStatusCode)428, "precondition-required");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(curator, HttpMethod.Put, $"{Url}/{id}", body, etag)).StatusCode);

        var stale = await SendAsync(curator, HttpMethod.Put, $"{Url}/{id}", Body("Khác", new DateOnly(2027, 10, 1), a), etag);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        Assert.Equal("\"2\"", problem.GetProperty("currentETag").GetString());
        Assert.Equal("\"2\"", stale.Headers.ETag!.ToString());
        await (await SendAsync(curator, HttpMethod.Delete, $"{Url}/{id}", null, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        await (await SendAsync(curator, HttpMethod.Put, $"{Url}/c0000000000aa", body, "*")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Drafts_and_withdrawn_tasks_are_hidden_from_the_public_and_flagged_for_curators()
    {
        var curator = await factory.CuratorAsync();
        var published = await PublishedTaskAsync(curator);
        var (draft, _) = await TaskLifecycleTests.CreateAsync(curator);
        var withdrawn = await PublishedTaskAsync(curator);
        await curator.PostAsJsonAsync($"/api/v1/tasks/{withdrawn}/withdraw", new { reason = "Trùng lặp" });
        var (id, _) = await CreateAsync(curator, Body("Chủ đề chuyển đổi số", new DateOnly(2027, 10, 10), draft, published, withdrawn));

        var text = await factory.Anonymous().GetStringAsync($"{Url}/{id}");
        Assert.Contains(published, text);
        Assert.DoesNotContain(draft, text);
        Assert.DoesNotContain(withdrawn, text);

        var seen = await curator.GetAsync($"{Url}/{id}");
        Assert.Equal("\"1\"", seen.Headers.ETag!.ToString());
        var forCurator = await seen.ReadAsync<CollectionRecord>();
        Assert.Equal([false, true, false], forCurator.Items.Select(i => i.Public));
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { """{"title":"A","title":"B","date":"2027-05-18"}""", "title" },
        { """{"title":"A","Title":"B","date":"2027-05-18"}""", "Title" },
        { """{"title":"A","date":"2027-05-18","secret":1}""", "secret" },
        { """{"title":"A","date":"18/05/2027"}""", "date" },
        { """{"title":"A","date":"2027-05-18","items":[{"task":{"id":"t1"}}]}""", "items" },
        { """{"title":"A","date":"2027-05-18","items":[{"task":"x","task":"y"}]}""", "items[0].task" },
        { """{"title":"A","date":"2027-05-18","items":[[[[[[[[[[]]]]]]]]]]}""", "items" },
        { """{"title":"A","date":"2027-05-18","items":"all"}""", "items" },
        { """{"title":"A","date":"2027-05-18","items":[null]}""", "items[0]" },
        { """{"title":"\u0000\u0007","date":"2027-05-18"}""", "title" },
        { """{"date":"2027-05-18"}""", "title" },
        { """{"title":"A"}""", "date" },
        { """{"title":"A","date":"2027-05-18","items":[{"task":"ĐT-KHÔNG-TỒN-TẠI-999"}]}""", "items[0].task" },
        { "[1,2,3]", "$" },
        { "{\"title\":", "$" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_are_400_naming_the_path(string body, string path)
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync(Url, body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(errors.Any(e => e.StartsWith(path, StringComparison.Ordinal) || e == "$"), $"{path} not in {string.Join(",", errors)}");
    }

    [Fact]
    public async Task A_huge_description_and_ten_thousand_items_are_refused_with_one_message_each()
    {
        var curator = await factory.CuratorAsync();
        var items = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"{{\"task\":\"ĐT-{i}\"}}"));
        var body = $$"""{"title":"A","date":"2027-05-18","description":"{{new string('ư', 200_000)}}","items":[{{items}}]}""";

        var problem = await (await curator.PostRawAsync(Url, body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["description", "items"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("tối đa 200", errors.GetProperty("items")[0].GetString());
    }

    [Fact]
    public async Task A_task_twice_is_refused_and_wrong_media_type_is_415()
    {
        var curator = await factory.CuratorAsync();
        var a = await PublishedTaskAsync(curator);
        var problem = await (await curator.PostRawAsync(Url, Body("Hai lần", new DateOnly(2027, 5, 18), a, a))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("items[1].task", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        await (await curator.PostRawAsync(Url, Body("x", new DateOnly(2027, 5, 18)), "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Bad_paging_and_unknown_parameters_are_400()
    {
        var anonymous = factory.Anonymous();
        await (await anonymous.GetAsync($"{Url}?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await anonymous.GetAsync($"{Url}?cursor=%%%")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await anonymous.GetAsync($"{Url}?cursor=AAAA")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var unknown = await anonymous.GetAsync($"{Url}?sort=date");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        await (await anonymous.GetAsync($"{Url}/{new string('c', 5000)}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
