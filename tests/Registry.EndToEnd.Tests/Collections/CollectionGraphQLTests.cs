using System.Text.Json;
using Registry.EndToEnd.Tests.GraphQL;

namespace Registry.EndToEnd.Tests.Collections;

/// <summary>GraphQL collections over a seeded catalogue with counted SQL: lookups, paging, batched tasks, mutations.</summary>
public sealed class CollectionGraphQLTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Create = "mutation($input: CollectionInput!) { createCollection(input: $input) { outcome version collection { id taskCount } } }";

    private static object Input(string title, params string[] tasks) => new
    {
        title,
        date = "2027-10-10",
        items = tasks.Select(t => new { task = t, note = "Ghi chú" }).ToArray(),
    };

    private async Task<string> CreateAsync(string title, params string[] tasks)
    {
        var answer = await GraphQLApiFactory.PostAsync(await factory.CuratorAsync(), Create, new { input = Input(title, tasks) });
        Assert.True(!answer.Body.Contains("\"errors\""), answer.Body);
        return answer.Json.GetProperty("data").GetProperty("createCollection").GetProperty("collection").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_curator_creates_a_collection_and_the_public_query_shows_published_tasks_in_order()
    {
        var published = factory.PublishedIds;
        var id = await CreateAsync("Ngày Chuyển đổi số quốc gia 10/10", published[5], factory.DraftId, published[2], factory.WithdrawnId);

        var answer = await factory.QueryAsync("query($id: ID!) { collection(id: $id) { title date taskCount items { position note task { id } } tasks { id } } }", new { id });

        Assert.DoesNotContain("\"errors\"", answer.Body);
        var collection = answer.Json.GetProperty("data").GetProperty("collection");
        Assert.Equal("2027-10-10", collection.GetProperty("date").GetString());
        Assert.Equal(2, collection.GetProperty("taskCount").GetInt32());
        Assert.Equal([published[5], published[2]], collection.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal([1, 2], collection.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("position").GetInt32()));
        Assert.DoesNotContain(factory.DraftId, answer.Body);
        Assert.DoesNotContain(factory.WithdrawnId, answer.Body);

        var missing = await factory.QueryAsync("{ collection(id: \"c0000000000aa\") { id } }");
        Assert.Equal(JsonValueKind.Null, missing.Json.GetProperty("data").GetProperty("collection").ValueKind);
    }

    [Fact]
    public async Task Mutations_need_a_key_and_report_invalid_items_by_path()
    {
        var anonymous = await GraphQLApiFactory.PostAsync(factory.Anonymous(), Create, new { input = Input("Không khóa", factory.PublishedIds[0]) });
        Assert.Equal("UNAUTHENTICATED", anonymous.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var curator = await factory.CuratorAsync();
        var invalid = await GraphQLApiFactory.PostAsync(curator, Create, new { input = Input("Trùng", factory.PublishedIds[0], factory.PublishedIds[0], "ĐT-KHÔNG-CÓ") });
        var error = invalid.Json.GetProperty("errors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("input.items[1].task", invalid.Body);
        Assert.Contains("input.items[2].task", invalid.Body);

        var id = await CreateAsync("Sẽ sửa", factory.PublishedIds[0]);
        var stale = await GraphQLApiFactory.PostAsync(curator,
            "mutation($id: ID!, $input: CollectionInput!) { updateCollection(id: $id, input: $input, expectedVersion: 7) { outcome } }",
            new { id, input = Input("Đã sửa", factory.PublishedIds[1]) });
        Assert.Equal("VERSION_MISMATCH", stale.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var deleted = await GraphQLApiFactory.PostAsync(curator, "mutation($id: ID!) { deleteCollection(id: $id, expectedVersion: 1) { outcome } }", new { id });
        Assert.Equal("deleted", deleted.Json.GetProperty("data").GetProperty("deleteCollection").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_tasks_of_every_collection_in_a_page_load_in_a_fixed_number_of_queries()
    {
        for (var i = 0; i < 6; i++) await CreateAsync($"Bộ sưu tập {i}", factory.PublishedIds[i], factory.PublishedIds[i + 10], factory.PublishedIds[i + 20]);
        const string query = "query($n: Int) { collections(first: $n) { totalCount nodes { id title tasks { id title organization { name } } } } }";

        var two = await CommandsFor(query, 2);
        var six = await CommandsFor(query, 6);

        Assert.Equal(two.Count, six.Count);
    }

    [Fact]
    public async Task Paging_follows_endCursor_and_a_bad_cursor_or_first_is_a_validation_error()
    {
        for (var i = 0; i < 3; i++) await CreateAsync($"Trang {i}", factory.PublishedIds[i]);
        var first = await factory.QueryAsync("{ collections(first: 2) { pageInfo { hasNextPage endCursor } nodes { id } } }");
        var page = first.Json.GetProperty("data").GetProperty("collections");
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var next = await factory.QueryAsync("query($after: String) { collections(first: 2, after: $after) { nodes { id } } }",
            new { after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        var seen = page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(next.Json.GetProperty("data").GetProperty("collections").GetProperty("nodes").EnumerateArray(), n => seen.Contains(n.GetProperty("id").GetString()));

        var bad = await factory.QueryAsync("{ collections(after: \"nope\") { totalCount } }");
        Assert.Equal("VALIDATION", bad.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var tooMany = await factory.QueryAsync("{ collections(first: 1000) { totalCount } }");
        Assert.Equal("VALIDATION", tooMany.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Depth_limits_still_hold_through_collections()
    {
        const string deep = "{ collections { nodes { tasks { organization { tasks { nodes { organization { tasks { nodes { organization { tasks { nodes { id } } } } } } } } } } } } }";
        var answer = await factory.QueryAsync(deep);
        Assert.Equal("MAX_DEPTH", answer.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<IReadOnlyList<string>> CommandsFor(string query, int n)
    {
        (HttpStatusCode Status, string Body, JsonElement Json) answer = default;
        var commands = await factory.Commands.DuringAsync(async () => answer = await factory.QueryAsync(query, new { n }));
        Assert.True(!answer.Body!.Contains("\"errors\""), answer.Body);
        Assert.Equal(n, answer.Json.GetProperty("data").GetProperty("collections").GetProperty("nodes").GetArrayLength());
        Assert.All(answer.Json.GetProperty("data").GetProperty("collections").GetProperty("nodes").EnumerateArray(),
            node => Assert.True(node.GetProperty("tasks").GetArrayLength() > 0));
        return commands;
    }
}
