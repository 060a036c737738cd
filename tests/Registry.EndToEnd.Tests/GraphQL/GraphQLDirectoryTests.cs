namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary><c>organizations</c> and <c>fields</c> over the seeded catalogue.</summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLDirectoryTests(GraphQLApiFactory factory)
{
    [Fact]
    public async Task Organizations_page_by_name_and_filter_by_part_of_the_name()
    {
        const string query = """
            query($q: String, $after: String) { organizations(query: $q, first: 2, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } nodes { name taskCount } } }
            """;
        var first = (await factory.QueryAsync(query, new { q = (string?)null })).Json.GetProperty("data").GetProperty("organizations");
        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var second = (await factory.QueryAsync(query, new { q = (string?)null, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }))
            .Json.GetProperty("data").GetProperty("organizations");
        var names = first.GetProperty("nodes").EnumerateArray().Concat(second.GetProperty("nodes").EnumerateArray())
            .Select(n => n.GetProperty("name").GetString()).ToList();
        Assert.Equal(GraphQLApiFactory.Organizations.OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal), names);

        var found = (await factory.QueryAsync(query, new { q = "hùng vương" })).Json.GetProperty("data").GetProperty("organizations");
        Assert.Equal("Trường Đại học Hùng Vương", Assert.Single(found.GetProperty("nodes").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(20, found.GetProperty("nodes")[0].GetProperty("taskCount").GetInt32());
    }

    [Fact]
    public async Task Fields_tree_counts_published_tasks_per_field_and_sector()
    {
        var fields = (await factory.QueryAsync("{ fields { code nameVi taskCount sectors { code taskCount } } }")).Json
            .GetProperty("data").GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(6, fields.Count);
        var agriculture = fields.Single(f => f.GetProperty("code").GetString() == "4");
        Assert.Equal(60, agriculture.GetProperty("taskCount").GetInt32());
        Assert.Equal(60, agriculture.GetProperty("sectors").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "401").GetProperty("taskCount").GetInt32());
        Assert.Equal(0, fields.Single(f => f.GetProperty("code").GetString() == "1").GetProperty("taskCount").GetInt32());
    }

    [Fact]
    public async Task Stats_and_coverage_count_published_tasks_only()
    {
        var (_, body, json) = await factory.QueryAsync(
            "{ stats(groupBy: organization) { key count budgetTotalVnd } coverage { totals { registered published sharePublished } } }");
        Assert.DoesNotContain("\"errors\"", body);
        var buckets = json.GetProperty("data").GetProperty("stats").EnumerateArray().ToList();
        Assert.Equal(3, buckets.Count);
        Assert.All(buckets, b => Assert.Equal(20, b.GetProperty("count").GetInt32()));
        var totals = json.GetProperty("data").GetProperty("coverage").GetProperty("totals");
        Assert.Equal(60, totals.GetProperty("published").GetInt32());
        Assert.Equal(61, totals.GetProperty("registered").GetInt32());

        var bad = await factory.QueryAsync("{ stats(groupBy: year, yearFrom: 3000) { key } }");
        Assert.Equal("VALIDATION", bad.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
