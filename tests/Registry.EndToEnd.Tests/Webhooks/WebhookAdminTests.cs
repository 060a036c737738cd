using System.Text;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Webhooks.WebhookTestApi;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>The admin API with production defaults (https and public addresses only); nothing is sent from this host.</summary>
public sealed class WebhookAdminTests(WebhookAdminTests.Host factory) : IClassFixture<WebhookAdminTests.Host>
{
    public sealed class Host : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Registry:Webhooks:Enabled"] = "false" };
    }

    private const string PublicUrl = "https://8.8.8.8/registry-hooks";

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/api/v1/webhooks")).StatusCode);
        var curator = await factory.CuratorAsync();
        await (await curator.GetAsync("/api/v1/webhooks")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await curator.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, events = new[] { "task.published" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_the_subscriber_can_be_read_changed_paused_and_deleted()
    {
        var admin = factory.Admin();
        var hook = await CreateAsync(admin, PublicUrl, ["task.published"], ["401", "1"], ["provincial"]);
        Assert.StartsWith("whsec_", hook.Secret);
        Assert.Equal(32, Convert.FromBase64String(hook.Secret[6..]).Length);

        var read = await GetAsync(admin, $"/api/v1/webhooks/{hook.Id}");
        Assert.Equal(PublicUrl, read.GetProperty("url").GetString());
        Assert.Equal(["401", "1"], read.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["provincial"], read.GetProperty("levels").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("active", read.GetProperty("status").GetString());
        var list = await (await admin.GetAsync("/api/v1/webhooks")).Content.ReadAsStringAsync();
        Assert.Contains(hook.Id, list);
        Assert.DoesNotContain(hook.Secret[6..20], list);
        Assert.DoesNotContain(hook.Secret[6..20], read.GetRawText());

        var put = await admin.PutAsJsonAsync($"/api/v1/webhooks/{hook.Id}", new { url = "https://8.8.4.4/hooks", events = new[] { "task.withdrawn", "task.updated" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var changed = await put.ReadJsonAsync();
        Assert.Equal(["task.withdrawn", "task.updated"], changed.GetProperty("events").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(changed.GetProperty("fields").EnumerateArray());

        await (await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/pause", new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var paused = await (await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/pause", new { reason = "Đối tác bảo trì" })).ReadJsonAsync();
        Assert.Equal(("paused", "Đối tác bảo trì"), (paused.GetProperty("status").GetString(), paused.GetProperty("pausedReason").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/webhooks/{hook.Id}")).StatusCode);
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"url":"https://127.0.0.1/hooks","events":["task.published"]}""", "url", "not public" },
        { """{"url":"https://[::ffff:169.254.169.254]/","events":["task.published"]}""", "url", "not public" },
        { """{"url":"https://localhost:5001/hooks","events":["task.published"]}""", "url", "not public" },
        { """{"url":"https://10.1.2.3/hooks","events":["task.published"]}""", "url", "not public" },
        { """{"url":"http://8.8.8.8/hooks","events":["task.published"]}""", "url", "https" },
        { """{"url":"https://admin:pw@8.8.8.8/hooks","events":["task.published"]}""", "url", "user info" },
        { """{"url":"not a url","events":["task.published"]}""", "url", "absolute" },
        { """{"events":["task.published"]}""", "url", "required" },
        { """{"url":"https://8.8.8.8/hooks","events":["task.deleted"]}""", "events[0]", "task.coverage_added" },
        { """{"url":"https://8.8.8.8/hooks","events":[]}""", "events", "at least one" },
        { """{"url":"https://8.8.8.8/hooks","events":["task.published"],"fields":["999"]}""", "fields[0]", "/api/v1/fields" },
        { """{"url":"https://8.8.8.8/hooks","events":["task.published"],"fields":["1; DROP TABLE"]}""", "fields[0]", "unknown field" },
        { """{"url":"https://8.8.8.8/hooks","events":["task.published"],"levels":["galactic"]}""", "levels[0]", "provincial" },
        { """{"url":"https://8.8.8.8/hooks","url":"https://127.0.0.1/","events":["task.published"]}""", "url", "" },
        { """{"url":"https://8.8.8.8/hooks","URL":"https://127.0.0.1/","events":["task.published"]}""", "URL", "" },
        { """{"url":"https://8.8.8.8/hooks","events":["task.published"],"secret":"mine"}""", "secret", "" },
        { """{"url":"https://8.8.8.8/hooks","events":"task.published"}""", "events", "" },
        { """[1,2,3]""", "$", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field, string says)
    {
        var response = await factory.Admin().PostRawAsync("/api/v1/webhooks", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
        Assert.Contains(says, string.Join(" ", messages.EnumerateArray().Select(m => m.GetString())));
    }

    [Fact]
    public async Task A_huge_or_non_json_body_is_refused_before_it_is_read()
    {
        var admin = factory.Admin();
        var huge = "{\"url\":\"https://8.8.8.8/hooks\",\"description\":\"" + new string('a', 200_000) + "\",\"events\":[\"task.published\"]}";
        await (await admin.PostRawAsync("/api/v1/webhooks", huge)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))),
        };
        chunked.Content.Headers.ContentType = new("application/json");
        await (await admin.SendAsync(chunked)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");

        await (await admin.PostRawAsync("/api/v1/webhooks", "url=https://8.8.8.8", "application/x-www-form-urlencoded"))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        var tooLong = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = PublicUrl, description = new string('d', 301), events = new[] { "task.published" } });
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Unknown_ids_statuses_cursors_and_replay_bodies_are_clear_4xx()
    {
        var admin = factory.Admin();
        var hook = await CreateAsync(admin, PublicUrl);
        await (await admin.GetAsync("/api/v1/webhooks/w000000000000")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.GetAsync("/api/v1/webhooks/..%2F..%2Fetc")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.PostAsync("/api/v1/webhooks/t000000000000/resume", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries/999999")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/999999/replay", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?status=lost")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?status=1")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?cursor=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries?colour=blue")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/replay", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/replay", new { afterSequence = 1, since = DateTimeOffset.UtcNow }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/replay", new { afterSequence = -5 })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await admin.PostRawAsync($"/api/v1/webhooks/{hook.Id}/replay", """{"since":"yesterday"}""")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var empty = await GetAsync(admin, $"/api/v1/webhooks/{hook.Id}/deliveries?status=failed");
        Assert.Equal(0, empty.GetProperty("meta").GetProperty("count").GetInt64());
        var replayed = await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/replay", new { since = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
    }
}
