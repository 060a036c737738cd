using System.Text.Json;
using Registry.Search.Model;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// TaskFilter.level/kind/status take the record enums (TaskLevel, TaskKind, TaskStatus) with exactly the values REST
/// accepts for ?level=, ?kind=, ?status=; a value outside them is refused before anything runs, naming the values.
/// </summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLFilterEnumTests(GraphQLApiFactory factory)
{
    private const string Count = "query($f: TaskFilter) { tasks(filter: $f) { totalCount } }";

    [Theory]
    [InlineData("level", "TaskLevel")]
    [InlineData("kind", "TaskKind")]
    [InlineData("status", "TaskStatus")]
    public async Task Each_enum_filter_is_a_list_of_the_record_enum_with_the_values_REST_accepts(string filter, string enumName)
    {
        var (_, body, json) = await factory.QueryAsync($$"""
            { filter: __type(name: "TaskFilter") { inputFields { name type { kind ofType { kind name } } } }
              values: __type(name: "{{enumName}}") { enumValues { name } } }
            """);
        var data = json.GetProperty("data");
        var field = data.GetProperty("filter").GetProperty("inputFields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == filter);
        Assert.Equal("LIST", field.GetProperty("type").GetProperty("kind").GetString());
        Assert.Equal("NON_NULL", field.GetProperty("type").GetProperty("ofType").GetProperty("kind").GetString());
        var item = await factory.QueryAsync($$"""{ __type(name: "TaskFilter") { inputFields { name type { ofType { ofType { name } } } } } }""");
        var named = item.Json.GetProperty("data").GetProperty("__type").GetProperty("inputFields").EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == filter).GetProperty("type").GetProperty("ofType").GetProperty("ofType").GetProperty("name").GetString();
        Assert.Equal(enumName, named);
        var values = data.GetProperty("values").GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(SearchFilters.Find(filter)!.AllowedValues!.Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("errors", body);
    }

    [Theory]
    [InlineData("level=provincial", "level: [provincial]")]
    [InlineData("level=national", "level: [national]")]
    [InlineData("level=national&level=provincial&status=inProgress", "level: [national, provincial], status: [inProgress]")]
    [InlineData("kind=researchProject&status=accepted", "kind: [researchProject], status: [accepted]")]
    public async Task Enum_literals_count_the_same_tasks_as_REST(string restQuery, string filter)
    {
        var rest = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/api/v1/tasks?pageSize=1&" + restQuery)).RootElement;
        var (status, body, json) = await factory.QueryAsync($"{{ tasks(filter: {{ {filter} }}, first: 1) {{ totalCount }} }}");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(rest.GetProperty("meta").GetProperty("count").GetInt32(), json.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Enum_values_in_variables_filter_like_literals()
    {
        var (status, body, json) = await factory.QueryAsync(Count, new { f = new { level = new[] { "provincial" }, kind = new[] { "researchProject" }, status = new[] { "inProgress", "accepted" } } });
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(60, json.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("{ tasks(filter: { level: [regional] }) { totalCount } }", "TaskLevel", "national, ministerial, provincial, grassroots")]
    [InlineData("{ tasks(filter: { level: [\"provincial\"] }) { totalCount } }", "TaskLevel", "national, ministerial, provincial, grassroots")]
    [InlineData("{ tasks(filter: { kind: [project] }) { totalCount } }", "TaskKind", "researchProject, pilotProductionProject")]
    [InlineData("{ tasks(filter: { status: [done] }) { totalCount } }", "TaskStatus", "approved, inProgress, accepted, resultsRegistered, applied, terminated")]
    public async Task A_literal_outside_the_enum_is_refused_naming_the_allowed_values(string query, string enumName, string values)
    {
        var (status, body, json) = await factory.QueryAsync(query);
        AssertRefused(status, body, json, enumName, values);
    }

    [Theory]
    [InlineData("Provincial")]
    [InlineData("PROVINCIAL")]
    [InlineData(" provincial")]
    [InlineData("tỉnh")]
    public async Task A_variable_outside_the_enum_is_refused_naming_the_allowed_values(string level)
    {
        var (status, body, json) = await factory.QueryAsync(Count, new { f = new { level = new[] { level } } });
        AssertRefused(status, body, json, "TaskLevel", "national, ministerial, provincial, grassroots");
    }

    private static void AssertRefused(HttpStatusCode status, string body, JsonElement json, string enumName, string values)
    {
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.False(json.TryGetProperty("data", out _), body);
        var error = json.GetProperty("errors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains($"Giá trị hợp lệ của {enumName} (valid values of {enumName}): {values}", message);
    }
}
