using System.Text.Json;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>Only published tasks are reachable, through any path; contacts never appear anywhere.</summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLInvariantTests(GraphQLApiFactory factory)
{
    [Fact]
    public async Task A_withdrawn_task_answers_null_with_a_GONE_tombstone()
    {
        var (status, _, json) = await factory.QueryAsync("query($id: ID!) { task(id: $id) { id title } }", new { id = factory.WithdrawnId });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").GetProperty("task").ValueKind);
        var extensions = json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("GONE", extensions.GetProperty("code").GetString());
        Assert.Equal(factory.WithdrawnCode, extensions.GetProperty("taskCode").GetString());
        Assert.Equal(factory.WithdrawnId, extensions.GetProperty("id").GetString());
        Assert.Equal("Trùng lặp với nhiệm vụ khác", extensions.GetProperty("withdrawalReason").GetString());

        var byCode = await factory.QueryAsync("query($c: String!) { taskByCode(code: $c) { id } }", new { c = factory.WithdrawnCode });
        Assert.Equal("GONE", byCode.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_draft_is_invisible_by_id_and_in_search()
    {
        var (_, body, json) = await factory.QueryAsync(
            "query($id: ID!) { task(id: $id) { id } tasks(query: \"nháp bí ẩn\", first: 100) { totalCount nodes { id } } }",
            new { id = factory.DraftId });

        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").GetProperty("task").ValueKind);
        Assert.DoesNotContain(factory.DraftId, body);
        Assert.DoesNotContain("\"errors\"", body);
    }

    [Fact]
    public async Task Withdrawn_and_draft_tasks_are_never_reachable_through_organization_tasks()
    {
        const string query = """
            query($id: ID!) { organization(id: $id) { name taskCount tasks(first: 100) { totalCount nodes { id } } } }
            """;
        var organizationId = await OrganizationOfAsync(factory.PublishedIds[0]);
        var (_, body, json) = await factory.QueryAsync(query, new { id = organizationId });

        var organization = json.GetProperty("data").GetProperty("organization");
        Assert.Equal(20, organization.GetProperty("taskCount").GetInt32());
        Assert.Equal(20, organization.GetProperty("tasks").GetProperty("totalCount").GetInt32());
        Assert.Equal(20, organization.GetProperty("tasks").GetProperty("nodes").GetArrayLength());
        Assert.DoesNotContain(factory.WithdrawnId, body);
        Assert.DoesNotContain(factory.DraftId, body);
    }

    [Fact]
    public async Task Organization_tasks_page_by_cursor_without_gaps_or_repeats()
    {
        const string query = """
            query($id: ID!, $after: String) { organization(id: $id) { tasks(first: 6, after: $after) {
              pageInfo { hasNextPage endCursor } nodes { id } } } }
            """;
        var organizationId = await OrganizationOfAsync(factory.PublishedIds[1]);
        var seen = new List<string>();
        string? after = null;
        do
        {
            var tasks = (await factory.QueryAsync(query, new { id = organizationId, after })).Json
                .GetProperty("data").GetProperty("organization").GetProperty("tasks");
            seen.AddRange(tasks.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            var info = tasks.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(20, seen.Count);
        Assert.Equal(20, seen.Distinct().Count());
    }

    [Fact]
    public async Task Contacts_never_appear_in_any_field_and_cannot_be_asked_for()
    {
        const string everything = """
            { tasks(first: 100) { nodes { id code title principalInvestigator { name academicTitle role }
              members { name academicTitle role } investigators { name academicTitle role } } }
              nested: tasks(first: 3) { nodes { organization { name tasks(first: 25) { nodes { principalInvestigator { name } members { name } } } } } } }
            """;
        var (_, body, _) = await factory.QueryAsync(everything);
        Assert.DoesNotContain("\"errors\"", body);
        Assert.Contains("Nguyễn Văn Chủ Nhiệm", body);
        Assert.DoesNotContain(GraphQLApiFactory.ContactEmailDomain, body);
        Assert.DoesNotContain("0988", body);
        Assert.DoesNotContain("0977", body);

        var (status, asked, _) = await factory.QueryAsync("{ tasks(first: 1) { nodes { principalInvestigator { email phone } } } }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain(GraphQLApiFactory.ContactEmailDomain, asked);
    }

    private async Task<string> OrganizationOfAsync(string taskId) =>
        (await factory.QueryAsync("query($id: ID!) { task(id: $id) { organization { id } } }", new { id = taskId })).Json
            .GetProperty("data").GetProperty("task").GetProperty("organization").GetProperty("id").GetString()!;
}
