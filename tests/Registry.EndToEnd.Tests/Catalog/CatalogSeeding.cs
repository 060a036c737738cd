using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Catalog;

/// <summary>Creates tasks through the REST API as a curator would: draft, then publish or withdraw.</summary>
internal static class CatalogSeeding
{
    /// <summary>A short token that makes names, years and codes of one test unique in a shared host.</summary>
    public static string Token() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<string> SeedAsync(HttpClient curator, Visibility visibility, Func<TaskRecord, TaskRecord>? shape = null)
    {
        var record = TaskRecordBuilder.Valid();
        if (shape is not null) record = shape(record);
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator, record);
        if (visibility == Visibility.Draft) return id;
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsync($"/api/v1/tasks/{id}/publish", null)).StatusCode);
        if (visibility == Visibility.Withdrawn)
        {
            var withdrawn = await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng lặp với nhiệm vụ khác" });
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }
        return id;
    }

    public static Func<TaskRecord, TaskRecord> At(string organization) =>
        r => r with { HostOrganization = r.HostOrganization! with { Name = organization } };

    public static async Task<System.Text.Json.JsonElement> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }
}
