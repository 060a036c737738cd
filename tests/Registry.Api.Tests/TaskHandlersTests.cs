using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Problems;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Api.Tests.Fakes;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Api.Tests;

public sealed class TaskHandlersTests
{
    private readonly FakeTaskStore _store = new();

    [Fact]
    public async Task Create_answers_201_with_location_and_etag()
    {
        var response = TestUsers.NewResponse();
        var result = await TaskHandlers.CreateTask(TaskRecordBuilder.Valid(), TestUsers.Curator(), _store, response, default);

        var created = Assert.IsType<Created<TaskWriteResponse>>(result.Result);
        Assert.Equal($"/api/v1/tasks/{created.Value!.Task.Id}", created.Location);
        Assert.Equal("\"1\"", response.Headers.ETag.ToString());
        Assert.Equal(Visibility.Draft, created.Value.Task.Visibility);
    }

    [Fact]
    public async Task Create_of_a_state_secret_answers_422_without_echoing_it()
    {
        var secret = new TaskRecordBuilder().WithTitle("Bí mật XYZ-MARKER").Secret().Build();
        var result = await TaskHandlers.CreateTask(secret, TestUsers.Curator(), _store, TestUsers.NewResponse(), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(422, problem.StatusCode);
        Assert.EndsWith("/state-secret", problem.ProblemDetails.Type);
        Assert.DoesNotContain("XYZ-MARKER", problem.ProblemDetails.Detail);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task Draft_is_hidden_from_the_public_and_shown_to_curators()
    {
        var draft = await CreateAsync();

        var publicView = await TaskHandlers.GetTask(draft.Id, TestUsers.Anonymous, _store, TestUsers.NewResponse(), default);
        var curatorView = await TaskHandlers.GetTask(draft.Id, TestUsers.Curator(), _store, TestUsers.NewResponse(), default);

        Assert.Equal(404, Assert.IsType<ProblemHttpResult>(publicView.Result).StatusCode);
        Assert.Equal("an.nguyen@example.vn", Assert.IsType<Ok<TaskRecord>>(curatorView.Result).Value!.PrincipalInvestigator!.Email);
    }

    [Fact]
    public async Task Published_task_reaches_the_public_without_contacts()
    {
        var task = await CreateAsync();
        await _store.SetVisibilityAsync(task.Id, Visibility.Published, null, null, Actor.CommandLine);

        var response = TestUsers.NewResponse();
        var result = await TaskHandlers.GetTaskByCode(task.Record.Code!, TestUsers.Anonymous, _store, response, default);

        var ok = Assert.IsType<Ok<TaskRecord>>(result.Result);
        Assert.Null(ok.Value!.PrincipalInvestigator!.Email);
        Assert.Null(ok.Value.PrincipalInvestigator.Phone);
        Assert.Equal("Nguyễn Văn An", ok.Value.PrincipalInvestigator.Name);
        Assert.Equal("\"2\"", response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Withdrawn_task_answers_410_with_a_tombstone_for_the_public()
    {
        var task = await CreateAsync();
        await _store.SetVisibilityAsync(task.Id, Visibility.Withdrawn, "Trùng lặp", null, Actor.CommandLine);

        var result = await TaskHandlers.GetTask(task.Id, TestUsers.Anonymous, _store, TestUsers.NewResponse(), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result).ProblemDetails;
        Assert.Equal(410, problem.Status);
        Assert.Equal(task.Id, problem.Extensions["id"]);
        Assert.Equal(task.Record.Code, problem.Extensions["code"]);
        Assert.Equal("Trùng lặp", problem.Extensions["withdrawalReason"]);
        Assert.False(problem.Extensions.ContainsKey("title"));
    }

    [Fact]
    public async Task Update_without_if_match_answers_428()
    {
        var task = await CreateAsync();
        var result = await TaskHandlers.UpdateTask(task.Id, task.Record, null, TestUsers.Curator(), _store, TestUsers.NewResponse(), default);
        Assert.Equal(428, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }

    [Fact]
    public async Task Stale_if_match_answers_412_with_the_current_etag()
    {
        var task = await CreateAsync();
        await _store.UpdateAsync(task.Id, task.Record with { Summary = "Đã sửa" }, null, Actor.CommandLine);

        var response = TestUsers.NewResponse();
        var result = await TaskHandlers.UpdateTask(task.Id, task.Record with { Summary = "Sửa lần hai" }, "\"1\"", TestUsers.Curator(), _store, response, default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result).ProblemDetails;
        Assert.Equal(412, problem.Status);
        Assert.Equal("\"2\"", problem.Extensions["currentETag"]);
        Assert.Equal("\"2\"", response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Unchanged_update_says_so()
    {
        var task = await CreateAsync();
        var result = await TaskHandlers.UpdateTask(task.Id, task.Record, "\"1\"", TestUsers.Curator(), _store, TestUsers.NewResponse(), default);

        var ok = Assert.IsType<Ok<TaskWriteResponse>>(result.Result);
        Assert.Equal("unchanged", ok.Value!.Outcome);
    }

    [Fact]
    public async Task Withdraw_requires_a_reason()
    {
        var task = await CreateAsync();
        var result = await TaskHandlers.WithdrawTask(task.Id, new WithdrawRequest("  "), null, TestUsers.Curator(), _store, TestUsers.NewResponse(), default);

        var problem = Assert.IsType<HttpValidationProblemDetails>(Assert.IsType<ProblemHttpResult>(result.Result).ProblemDetails);
        Assert.Contains("reason", problem.Errors.Keys);
    }

    [Fact]
    public async Task Duplicate_code_answers_409()
    {
        var first = await CreateAsync();
        var copy = new TaskRecordBuilder().WithCode(first.Record.Code!).Build();

        var result = await TaskHandlers.CreateTask(copy, TestUsers.Curator(), _store, TestUsers.NewResponse(), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(409, problem.StatusCode);
        Assert.EndsWith("/duplicate-code", problem.ProblemDetails.Type);
    }

    [Fact]
    public void Every_write_failure_maps_to_its_problem_kind()
    {
        var cases = new Dictionary<WriteStatus, string>
        {
            [WriteStatus.Invalid] = "validation",
            [WriteStatus.StateSecret] = "state-secret",
            [WriteStatus.NotFound] = "not-found",
            [WriteStatus.VersionMismatch] = "version-mismatch",
            [WriteStatus.DuplicateCode] = "duplicate-code",
        };
        foreach (var (status, slug) in cases)
        {
            var problem = ApiProblems.FromWrite(new WriteResult(status, Errors: [new FieldError("code", "x")]), new Label("x", "x"));
            Assert.Equal(ProblemCatalog.TypeBase + slug, problem.ProblemDetails.Type);
        }
    }

    private async Task<StoredTask> CreateAsync() =>
        (await _store.CreateAsync(TaskRecordBuilder.Valid(), Actor.CommandLine)).Task!;
}
