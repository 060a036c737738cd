using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>What the webhook tests do through the admin and curator APIs, as an operator would.</summary>
public static class WebhookTestApi
{
    public sealed record Created(string Id, string Secret);

    public static async Task<Created> CreateAsync(HttpClient admin, string url, string[]? events = null, string[]? fields = null, string[]? levels = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url,
            description = "Cổng thông tin đối tác (partner portal)",
            events = events ?? ["task.published", "task.updated", "task.withdrawn", "task.coverage_added"],
            fields = fields ?? [],
            levels = levels ?? [],
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new Created(json.GetProperty("webhook").GetProperty("id").GetString()!, json.GetProperty("secret").GetString()!);
    }

    public static async Task<string> PublishedTaskAsync(HttpClient curator, Registry.Data.Records.TaskRecord? record = null)
    {
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator, record);
        var published = await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    public static async Task<JsonElement> GetAsync(HttpClient admin, string path)
    {
        var response = await admin.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string TaskIdOf(ReceivedWebhook w) => w.Json.GetProperty("data").GetProperty("taskId").GetString() ?? "";

    public static bool Is(ReceivedWebhook w, string taskId, string type) => w.Type == type && TaskIdOf(w) == taskId;
}
