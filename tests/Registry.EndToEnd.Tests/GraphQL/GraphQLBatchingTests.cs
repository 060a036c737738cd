namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>Relations are loaded in batches: the number of SQL commands does not grow with the page size.</summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLBatchingTests(GraphQLApiFactory factory)
{
    private const string Page = """
        query($n: Int) { tasks(first: $n) { totalCount nodes {
          id title organization { id name } hostOrganization { name }
          outputs { type title transferable } principalInvestigator { name } members { name } } } }
        """;

    [Fact]
    public async Task A_page_with_organizations_outputs_and_people_costs_the_same_few_commands_for_10_and_50_tasks()
    {
        var ten = await CommandsFor(Page, 10);
        var fifty = await CommandsFor(Page, 50);

        // Tasks, organizations, outputs, investigators, coverage: one command each, whatever the page size.
        Assert.Equal(ten.Count, fifty.Count);
        Assert.InRange(fifty.Count, 1, 5);
    }

    [Fact]
    public async Task Organization_tasks_nested_under_a_page_are_one_query_for_all_organizations()
    {
        const string nested = """
            query($n: Int) { tasks(first: $n) { nodes { id organization { name taskCount
              tasks(first: 5) { totalCount nodes { code outputs { title } } } } } } }
            """;
        var ten = await CommandsFor(nested, 10);
        var fifty = await CommandsFor(nested, 50);

        // The page's records (5: the store's split read of task and organization, fields, investigators, outputs,
        // coverage), the organizations with their counts (2) and the organizations' pages (7: the public
        // organizations, the records' 5, their counts), whatever the page size and the number of organizations.
        Assert.Equal(ten.Count, fifty.Count);
        Assert.InRange(fifty.Count, 1, 14);
    }

    private async Task<IReadOnlyList<string>> CommandsFor(string query, int n)
    {
        (HttpStatusCode Status, string Body, System.Text.Json.JsonElement Json) answer = default;
        var commands = await factory.Commands.DuringAsync(async () => answer = await factory.QueryAsync(query, new { n }));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.DoesNotContain("\"errors\"", answer.Body);
        Assert.Equal(n, answer.Json.GetProperty("data").GetProperty("tasks").GetProperty("nodes").GetArrayLength());
        return commands;
    }
}
