using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

public sealed class TaskLifecycleTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Create_answers_201_with_location_and_etag_and_the_draft_is_readable_by_curators()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid();

        var created = await curator.PostRecordAsync("/api/v1/tasks", record);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var body = await created.ReadAsync<TaskWriteResponse>();
        Assert.Equal("created", body.Outcome);
        Assert.Equal($"/api/v1/tasks/{body.Task.Id}", created.Headers.Location!.OriginalString);

        var read = await curator.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        var task = await read.ReadAsync<TaskRecord>();
        Assert.Equal(record.Code, task.Code);
        Assert.Equal(Visibility.Draft, task.Visibility);
    }

    [Fact]
    public async Task Drafts_are_404_for_the_public_published_tasks_are_public_without_contacts()
    {
        var curator = await factory.CuratorAsync();
        var (id, code) = await CreateAsync(curator);

        await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await factory.Anonymous().GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(code)}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var published = await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        Assert.Equal("published", (await published.ReadAsync<TaskWriteResponse>()).Outcome);

        var read = await factory.Anonymous().GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True(read.Headers.ETag is { IsWeak: false });
        var text = await read.Content.ReadAsStringAsync();
        Assert.Contains("Nguyễn Văn An", text);
        Assert.DoesNotContain("an.nguyen@example.vn", text);
        Assert.DoesNotContain("0912345678", text);
    }

    [Fact]
    public async Task Withdrawn_task_is_410_with_a_tombstone_for_the_public_and_visible_to_curators()
    {
        var curator = await factory.CuratorAsync();
        var (id, code) = await CreateAsync(curator);
        await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);

        var withdrawn = await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng với nhiệm vụ khác" });
        Assert.Equal("withdrawn", (await withdrawn.ReadAsync<TaskWriteResponse>()).Outcome);

        var response = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}");
        var tombstone = await response.AssertProblemAsync(HttpStatusCode.Gone, "gone");
        Assert.Equal(id, tombstone.GetProperty("id").GetString());
        Assert.Equal(code, tombstone.GetProperty("code").GetString());
        Assert.Equal("Trùng với nhiệm vụ khác", tombstone.GetProperty("withdrawalReason").GetString());
        Assert.True(tombstone.TryGetProperty("withdrawnAt", out _));
        Assert.DoesNotContain("Nghiên cứu", await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/api/v1/tasks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Withdraw_without_a_reason_is_a_validation_problem()
    {
        var curator = await factory.CuratorAsync();
        var (id, _) = await CreateAsync(curator);

        var problem = await (await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Put_requires_if_match_and_refuses_a_stale_one_with_the_current_etag()
    {
        var curator = await factory.CuratorAsync();
        var created = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        var task = (await created.ReadAsync<TaskWriteResponse>()).Task;
        var url = $"/api/v1/tasks/{task.Id}";

        await (await curator.PutRecordAsync(url, task with { Summary = "Sửa" }, null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");

        var first = await curator.PutRecordAsync(url, task with { Summary = "Sửa lần một" }, created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("updated", (await first.ReadAsync<TaskWriteResponse>()).Outcome);

        var stale = await curator.PutRecordAsync(url, task with { Summary = "Sửa lần hai" }, created.Headers.ETag!.Tag);
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        Assert.Equal(first.Headers.ETag!.Tag, stale.Headers.ETag!.Tag);
        Assert.Equal(first.Headers.ETag!.Tag, problem.GetProperty("currentETag").GetString());
    }

    [Fact]
    public async Task Put_of_unchanged_content_answers_200_and_says_unchanged()
    {
        var curator = await factory.CuratorAsync();
        var created = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        var task = (await created.ReadAsync<TaskWriteResponse>()).Task;

        var response = await curator.PutRecordAsync($"/api/v1/tasks/{task.Id}", task, created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unchanged", (await response.ReadAsync<TaskWriteResponse>()).Outcome);
        Assert.Equal(created.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Duplicate_code_is_a_409_problem()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid();
        await curator.PostRecordAsync("/api/v1/tasks", record);

        var again = await curator.PostRecordAsync("/api/v1/tasks", new TaskRecordBuilder().WithCode(record.Code!).Build());

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-code");
    }

    [Fact]
    public async Task Unknown_task_is_404()
    {
        await (await factory.Anonymous().GetAsync("/api/v1/tasks/does-not-exist")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var curator = await factory.CuratorAsync();
        await (await curator.PostAsync("/api/v1/tasks/does-not-exist/publish", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    internal static async Task<(string Id, string Code)> CreateAsync(HttpClient curator, TaskRecord? record = null)
    {
        var response = await curator.PostRecordAsync("/api/v1/tasks", record ?? TaskRecordBuilder.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = (await response.ReadAsync<TaskWriteResponse>()).Task;
        return (task.Id!, task.Code!);
    }
}
