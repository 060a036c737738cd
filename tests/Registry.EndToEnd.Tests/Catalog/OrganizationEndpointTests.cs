using System.Text.Json;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Catalog.CatalogSeeding;

namespace Registry.EndToEnd.Tests.Catalog;

public sealed class OrganizationEndpointTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Search_matches_without_diacritics_and_pages_with_the_list_envelope()
    {
        var curator = await factory.CuratorAsync();
        var token = Token();
        foreach (var name in new[] { "Ánh Dương", "Bình Minh", "Cầu Vồng" }) await SeedAsync(curator, Visibility.Published, At($"Viện {token} {name}"));
        await SeedAsync(curator, Visibility.Draft, At($"Viện {token} Đêm Tối"));

        var first = await GetOkAsync(factory.Anonymous(), $"/api/v1/organizations?q={token}&pageSize=2");
        var next = first.GetProperty("meta").GetProperty("nextCursor").GetString();
        var second = await GetOkAsync(factory.Anonymous(), $"/api/v1/organizations?q={token}&pageSize=2&cursor={Uri.EscapeDataString(next!)}");
        var folded = await GetOkAsync(factory.Anonymous(), $"/api/v1/organizations?q={Uri.EscapeDataString(token + " cau vong")}");

        Assert.Equal(3, first.GetProperty("meta").GetProperty("count").GetInt32());
        Assert.Equal(2, first.GetProperty("meta").GetProperty("pageSize").GetInt32());
        var names = first.GetProperty("results").EnumerateArray().Concat(second.GetProperty("results").EnumerateArray())
            .Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Equal([$"Viện {token} Ánh Dương", $"Viện {token} Bình Minh", $"Viện {token} Cầu Vồng"], names);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("meta").GetProperty("nextCursor").ValueKind);
        var only = Assert.Single(folded.GetProperty("results").EnumerateArray());
        Assert.Equal(1, only.GetProperty("publishedTaskCount").GetInt32());
        Assert.Equal("university", only.GetProperty("type").GetString());
        Assert.StartsWith("o", only.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Detail_and_tasks_show_published_tasks_only_and_never_a_withdrawn_one()
    {
        var curator = await factory.CuratorAsync();
        var org = $"Trung tâm {Token()} Ứng dụng";
        var a = await SeedAsync(curator, Visibility.Published, At(org));
        var b = await SeedAsync(curator, Visibility.Published, At(org));
        var withdrawn = await SeedAsync(curator, Visibility.Withdrawn, At(org));
        var draft = await SeedAsync(curator, Visibility.Draft, At(org));
        var id = (await GetOkAsync(factory.Anonymous(), $"/api/v1/tasks/{a}")).GetProperty("hostOrganization").GetProperty("id").GetString();

        var detail = await GetOkAsync(factory.Anonymous(), $"/api/v1/organizations/{id}");
        var tasks = await GetOkAsync(factory.Anonymous(), $"/api/v1/organizations/{id}/tasks?pageSize=1");
        var rest = await GetOkAsync(factory.Anonymous(),
            $"/api/v1/organizations/{id}/tasks?pageSize=1&cursor={Uri.EscapeDataString(tasks.GetProperty("meta").GetProperty("nextCursor").GetString()!)}");

        Assert.Equal(org, detail.GetProperty("name").GetString());
        Assert.Equal(2, detail.GetProperty("publishedTaskCount").GetInt32());
        Assert.Equal(3_000_000_000, detail.GetProperty("budgetTotalVnd").GetInt64());
        Assert.Equal(2_400_000_000, detail.GetProperty("stateBudgetVnd").GetInt64());
        Assert.Equal($"/api/v1/organizations/{id}/tasks", detail.GetProperty("tasks").GetString());
        Assert.Equal(2, tasks.GetProperty("meta").GetProperty("count").GetInt32());
        var listed = tasks.GetProperty("results").EnumerateArray().Concat(rest.GetProperty("results").EnumerateArray()).ToList();
        Assert.Equal([b, a], listed.Select(t => t.GetProperty("id").GetString()));
        Assert.DoesNotContain(listed, t => t.GetProperty("id").GetString() is var x && (x == withdrawn || x == draft));
        Assert.All(listed, t => Assert.False(t.GetProperty("principalInvestigator").TryGetProperty("email", out _)));
        Assert.All(listed, t => Assert.Equal("published", t.GetProperty("visibility").GetString()));
    }

    [Fact]
    public async Task Unknown_or_unpublished_organizations_answer_404()
    {
        var curator = await factory.CuratorAsync();
        var draft = await SeedAsync(curator, Visibility.Draft, At($"Công ty {Token()} Nháp"));
        var draftOrg = (await (await curator.GetAsync($"/api/v1/tasks/{draft}")).ReadJsonAsync()).GetProperty("hostOrganization").GetProperty("id").GetString();

        await (await factory.Anonymous().GetAsync("/api/v1/organizations/o0000000000zz")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await factory.Anonymous().GetAsync($"/api/v1/organizations/{draftOrg}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await factory.Anonymous().GetAsync($"/api/v1/organizations/{draftOrg}/tasks")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/api/v1/organizations?pageSize=0", "pageSize")]
    [InlineData("/api/v1/organizations?pageSize=201", "pageSize")]
    [InlineData("/api/v1/organizations?pageSize=abc", "pageSize")]
    [InlineData("/api/v1/organizations?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/organizations?cursor=%25%25%25", "cursor")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_bad_cursor_for_an_organizations_tasks_answers_400()
    {
        var curator = await factory.CuratorAsync();
        var task = await SeedAsync(curator, Visibility.Published, At($"Viện {Token()} Con trỏ"));
        var org = (await GetOkAsync(factory.Anonymous(), $"/api/v1/tasks/{task}")).GetProperty("hostOrganization").GetProperty("id").GetString();

        var problem = await (await factory.Anonymous().GetAsync($"/api/v1/organizations/{org}/tasks?cursor=%25%25")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }
}
