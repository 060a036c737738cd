using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>Every kind of bad request gets a clear Registry problem, never a bare status or a 500.</summary>
public sealed class ProblemTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Write_without_a_key_is_401_with_www_authenticate()
    {
        var response = await factory.Anonymous().PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Write_with_an_unknown_key_is_401()
    {
        var response = await factory.WithKey("rk_not_a_real_key").PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Curator_may_not_manage_keys_403()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostAsJsonAsync("/api/v1/apikeys", new { name = "sneaky", role = "admin" });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Keys_are_listed_without_their_values_and_a_revoked_key_stops_working()
    {
        var (name, key) = await factory.CreateNamedKeyAsync("curator");
        var listed = await (await factory.Admin().GetAsync("/api/v1/apikeys")).Content.ReadAsStringAsync();
        Assert.Contains(name, listed);
        Assert.DoesNotContain(key, listed);

        Assert.Equal(HttpStatusCode.NoContent, (await factory.Admin().DeleteAsync($"/api/v1/apikeys/{name}")).StatusCode);

        var after = await factory.WithKey(key).PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await factory.Admin().DeleteAsync($"/api/v1/apikeys/{name}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(key) || line.Contains(RegistryApiFactory.AdminKey));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_validation_problem()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync("/api/v1/tasks", """{"code": "A", "title": """);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(System.Text.Json.JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Wrong_enum_string_names_the_field_and_valid_values()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync("/api/v1/tasks", """{"code": "A-1", "title": "T", "level": "galactic"}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var messages = problem.GetProperty("errors").GetProperty("level");
        Assert.Contains("provincial", messages[0].GetString());
    }

    [Fact]
    public async Task Wrong_type_names_the_nested_field()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync("/api/v1/tasks", """{"code": "A-2", "title": "T", "budget": {"totalVnd": "nhiều"}}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("budget.totalVnd", out _));
    }

    [Fact]
    public async Task Missing_body_is_a_validation_problem()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync("/api/v1/tasks", "");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Store_validation_errors_come_back_by_field()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid() with { Title = null });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Non_json_content_type_is_415()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostRawAsync("/api/v1/tasks", "code=A", "text/plain");
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Unsupported_api_version_is_a_clear_400()
    {
        var response = await factory.Anonymous().GetAsync("/api/v9/tasks");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("/api/v1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/nothing-here");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Unknown_task_says_how_it_was_asked_for_once_in_each_language()
    {
        var byId = await (await factory.Anonymous().GetAsync("/api/v1/tasks/tkhongcogica")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Không có nhiệm vụ với id này (no task with this id).", byId.GetProperty("detail").GetString());

        var byCode = await (await factory.Anonymous().GetAsync("/api/v1/tasks/by-code/KHONG-CO-2099")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Không có nhiệm vụ với mã số này (no task with this code).", byCode.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Page_size_out_of_range_is_400_naming_the_parameter()
    {
        foreach (var size in new[] { "0", "201", "abc" })
        {
            var response = await factory.Anonymous().GetAsync($"/api/v1/tasks?pageSize={size}");
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _), size);
        }
    }

    [Fact]
    public async Task Bad_cursor_is_400()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/tasks?cursor=%%%garbage");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}
