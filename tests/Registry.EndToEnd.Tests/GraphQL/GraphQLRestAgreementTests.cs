using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// A catalogue built to tell reads apart: organization names equal once folded (so order falls to the tie-break),
/// tasks published at the same instant, tasks in several fields and sectors, and an organization with only a
/// draft and a withdrawn task.
/// </summary>
public sealed class TiedCatalogueFactory : RegistryApiFactory, IAsyncLifetime
{
    public static readonly string[] Hosts = ["Viện Chè Phú Thọ", "Viên Che Phu Tho", "Trường Đại học Hùng Vương", "VIỆN CHÈ PHÚ THỌ MỚI"];
    private static readonly DateTimeOffset SameInstant = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var records = new List<TaskRecord>();
        for (var i = 0; i < 12; i++)
        {
            var publishedAt = i < 9 ? SameInstant : SameInstant.AddDays(i);
            records.Add(Task(Hosts[i % Hosts.Length], i % 3 == 0 ? ["401", "402"] : i % 3 == 1 ? ["101", "40101"] : ["502"], publishedAt));
        }

        var rows = records.Select((r, i) => new ImportCandidate(i + 1, r.Code, r, [])).ToList();
        var outcome = await Services.GetRequiredService<ITaskStore>().UpsertBatchAsync(rows, new ImportOptions(KeepTimestamps: true), Actor.Seeder);
        Assert.True(outcome.Committed);

        var store = Services.GetRequiredService<ITaskStore>();
        var hidden = new TaskRecordBuilder().With(r => r with { HostOrganization = r.HostOrganization! with { Name = "Công ty Cổ phần Đông Á" } }).Build();
        await store.CreateAsync(hidden, Actor.Seeder);
        var withdrawn = (await store.CreateAsync(hidden with { Code = hidden.Code + "-R", Visibility = Visibility.Published }, Actor.Seeder)).Task!;
        await store.SetVisibilityAsync(withdrawn.Id, Visibility.Withdrawn, "Trùng lặp", null, Actor.Seeder);
    }

    Task IAsyncLifetime.DisposeAsync() => System.Threading.Tasks.Task.CompletedTask;

    private static TaskRecord Task(string host, string[] fields, DateTimeOffset publishedAt) => new TaskRecordBuilder().With(r => r with
    {
        HostOrganization = r.HostOrganization! with { Name = host },
        Fields = fields,
        Visibility = Visibility.Published,
        CreatedAt = publishedAt.AddDays(-30),
        UpdatedAt = publishedAt,
        PublishedAt = publishedAt,
    }).Build();
}

/// <summary>The same question asked of GraphQL and of REST gets the same organizations, counts and order.</summary>
public sealed class GraphQLRestAgreementTests(TiedCatalogueFactory factory) : IClassFixture<TiedCatalogueFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("vien che")]
    [InlineData("VIỆN CHÈ")]
    [InlineData("hung vuong")]
    [InlineData("đông á")]
    public async Task Organizations_are_the_REST_directory_page_by_page(string? q)
    {
        var rest = new List<(string Id, int Count)>();
        var restTotal = -1L;
        string? cursor = null;
        do
        {
            var url = $"/api/v1/organizations?pageSize=2{(q is null ? "" : "&q=" + Uri.EscapeDataString(q))}{(cursor is null ? "" : "&cursor=" + cursor)}";
            var page = JsonDocument.Parse(await factory.Anonymous().GetStringAsync(url)).RootElement;
            rest.AddRange(page.GetProperty("results").EnumerateArray().Select(o => (o.GetProperty("id").GetString()!, o.GetProperty("publishedTaskCount").GetInt32())));
            restTotal = page.GetProperty("meta").GetProperty("count").GetInt64();
            cursor = page.GetProperty("meta").GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        var graph = new List<(string Id, int Count)>();
        string? after = null;
        do
        {
            var (_, body, json) = await GraphQLApiFactory.PostAsync(factory.Anonymous(),
                "query($q: String, $after: String) { organizations(query: $q, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id taskCount } } }",
                new { q, after });
            Assert.DoesNotContain("\"errors\"", body);
            var page = json.GetProperty("data").GetProperty("organizations");
            graph.AddRange(page.GetProperty("nodes").EnumerateArray().Select(o => (o.GetProperty("id").GetString()!, o.GetProperty("taskCount").GetInt32())));
            Assert.Equal(restTotal, page.GetProperty("totalCount").GetInt64());
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(rest, graph);
        Assert.Equal(q is "đông á" ? 0 : q is "hung vuong" ? 1 : q is null ? 4 : 3, graph.Count);
    }

    [Fact]
    public async Task Field_counts_are_RESTs_from_the_store()
    {
        var rest = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/api/v1/fields")).RootElement.GetProperty("results")
            .EnumerateArray().SelectMany(f => f.GetProperty("sectors").EnumerateArray().Prepend(f))
            .Select(n => (n.GetProperty("code").GetString(), n.GetProperty("count").GetInt32())).ToList();
        var (_, body, json) = await GraphQLApiFactory.PostAsync(factory.Anonymous(), "{ fields { code taskCount sectors { code taskCount } } }");
        Assert.DoesNotContain("\"errors\"", body);
        var graph = json.GetProperty("data").GetProperty("fields").EnumerateArray()
            .SelectMany(f => f.GetProperty("sectors").EnumerateArray().Prepend(f))
            .Select(n => (n.GetProperty("code").GetString(), n.GetProperty("taskCount").GetInt32())).ToList();

        Assert.Equal(rest, graph);
        // A task in sectors 401 and 402 counts once in field 4; the draft and the withdrawn task (field 4) do not count.
        Assert.Contains(("4", 8), graph);
        Assert.Contains(("402", 4), graph);
    }

    [Fact]
    public async Task An_organizations_tasks_come_in_RESTs_order_when_published_at_the_same_instant()
    {
        var organizations = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/api/v1/organizations")).RootElement
            .GetProperty("results").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        foreach (var id in organizations)
        {
            var rest = JsonDocument.Parse(await factory.Anonymous().GetStringAsync($"/api/v1/organizations/{id}/tasks?pageSize=100")).RootElement
                .GetProperty("results").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

            var graph = new List<string>();
            string? after = null;
            do
            {
                var (_, body, json) = await GraphQLApiFactory.PostAsync(factory.Anonymous(),
                    "query($id: ID!, $after: String) { organization(id: $id) { tasks(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }",
                    new { id, after });
                Assert.DoesNotContain("\"errors\"", body);
                var page = json.GetProperty("data").GetProperty("organization").GetProperty("tasks");
                graph.AddRange(page.GetProperty("nodes").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
                Assert.Equal(rest.Count, page.GetProperty("totalCount").GetInt32());
                after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            }
            while (after is not null);

            Assert.Equal(rest, graph);
        }
    }

    [Fact]
    public async Task An_edge_cursor_inside_a_page_continues_after_that_edge()
    {
        var id = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/api/v1/organizations?q=vien%20che%20phu%20tho")).RootElement
            .GetProperty("results")[0].GetProperty("id").GetString();
        const string query = "query($id: ID!, $after: String) { organization(id: $id) { tasks(first: 3, after: $after) { edges { cursor node { id } } } } }";
        var first = (await GraphQLApiFactory.PostAsync(factory.Anonymous(), query, new { id })).Json
            .GetProperty("data").GetProperty("organization").GetProperty("tasks").GetProperty("edges").EnumerateArray().ToList();
        var rest = first.Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToList();
        var next = (await GraphQLApiFactory.PostAsync(factory.Anonymous(), query, new { id, after = first[0].GetProperty("cursor").GetString() })).Json
            .GetProperty("data").GetProperty("organization").GetProperty("tasks").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("id").GetString()).ToList();

        Assert.Equal(rest.Skip(1), next.Take(2));
    }
}
