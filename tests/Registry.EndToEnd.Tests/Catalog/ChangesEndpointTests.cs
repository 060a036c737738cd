using System.Text.Json;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Catalog.CatalogSeeding;

namespace Registry.EndToEnd.Tests.Catalog;

public sealed class ChangesEndpointTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    /// <summary>Reads the feed to its current end and returns the cursor to poll from.</summary>
    private async Task<string> CurrentCursorAsync()
    {
        var url = "/api/v1/changes?pageSize=1000";
        while (true)
        {
            var meta = (await GetOkAsync(factory.Anonymous(), url)).GetProperty("meta");
            var cursor = meta.GetProperty("nextCursor").GetString()!;
            if (!meta.GetProperty("hasMore").GetBoolean()) return cursor;
            url = $"/api/v1/changes?pageSize=1000&since={Uri.EscapeDataString(cursor)}";
        }
    }

    [Fact]
    public async Task A_task_lifecycle_appears_as_created_updated_withdrawn_and_drafts_never()
    {
        var curator = await factory.CuratorAsync();
        var since = await CurrentCursorAsync();
        var draftOnly = await SeedAsync(curator, Visibility.Draft);
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator);
        var published = await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        var task = (await published.ReadAsync<TaskWriteResponse>()).Task;
        var put = await curator.PutRecordAsync($"/api/v1/tasks/{id}", task with { Title = task.Title + " (sửa)" }, published.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng lặp" });

        var page = await GetOkAsync(factory.Anonymous(), $"/api/v1/changes?since={Uri.EscapeDataString(since)}");

        var changes = page.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([(id, "created"), (id, "updated"), (id, "withdrawn")],
            changes.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("change").GetString())));
        Assert.DoesNotContain(changes, c => c.GetProperty("id").GetString() == draftOnly);
        var sequences = changes.Select(c => c.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(3, page.GetProperty("meta").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Paging_and_polling_with_the_cursor_never_repeats_or_skips()
    {
        var curator = await factory.CuratorAsync();
        var since = await CurrentCursorAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await SeedAsync(curator, Visibility.Published));

        var seen = new List<string>();
        var cursor = since;
        JsonElement meta;
        do
        {
            var page = await GetOkAsync(factory.Anonymous(), $"/api/v1/changes?pageSize=1&since={Uri.EscapeDataString(cursor)}");
            meta = page.GetProperty("meta");
            seen.AddRange(page.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = meta.GetProperty("nextCursor").GetString()!;
        } while (meta.GetProperty("hasMore").GetBoolean());
        var idle = await GetOkAsync(factory.Anonymous(), $"/api/v1/changes?since={Uri.EscapeDataString(cursor)}");

        Assert.Equal(ids, seen);
        Assert.Empty(idle.GetProperty("results").EnumerateArray());
        Assert.Equal(cursor, idle.GetProperty("meta").GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData("/api/v1/changes?pageSize=0", "pageSize")]
    [InlineData("/api/v1/changes?pageSize=1001", "pageSize")]
    [InlineData("/api/v1/changes?since=abc", "since")]
    [InlineData("/api/v1/changes?since=%25%25", "since")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Outputs_of_a_published_task_are_listed_and_others_answer_like_the_task()
    {
        var curator = await factory.CuratorAsync();
        OutputRecord[] outputs =
        [
            new() { Type = OutputType.PlantVariety, Title = "Giống chè PH15", Transferable = true },
            new() { Type = OutputType.Publication, Title = "Bài báo về chè", Identifier = "10.1000/che.2025" },
        ];
        var published = await SeedAsync(curator, Visibility.Published, r => r with { Outputs = outputs });
        var draft = await SeedAsync(curator, Visibility.Draft, r => r with { Outputs = outputs });
        var withdrawn = await SeedAsync(curator, Visibility.Withdrawn, r => r with { Outputs = outputs });

        var list = await GetOkAsync(factory.Anonymous(), $"/api/v1/tasks/{published}/outputs");

        Assert.Equal(2, list.GetProperty("meta").GetProperty("count").GetInt32());
        Assert.Equal(["plantVariety", "publication"], list.GetProperty("results").EnumerateArray().Select(o => o.GetProperty("type").GetString()));
        Assert.True(list.GetProperty("results")[0].GetProperty("transferable").GetBoolean());
        await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{draft}/outputs")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await curator.GetAsync($"/api/v1/tasks/{draft}/outputs")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var gone = await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{withdrawn}/outputs")).AssertProblemAsync(HttpStatusCode.Gone, "gone");
        Assert.Equal(withdrawn, gone.GetProperty("id").GetString());
        await (await factory.Anonymous().GetAsync("/api/v1/tasks/t0000000000zz/outputs")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
