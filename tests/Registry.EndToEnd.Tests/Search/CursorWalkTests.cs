using System.Text.Json;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>Seeding and indexing 5,000 tasks is one of the suite's longest runs.</summary>
[CollectionDefinition(Name), LongRunning]
public sealed class CursorWalkCollection
{
    public const string Name = "cursor walk";
}

/// <summary>5,000 published tasks walked page by page: every one exactly once, under every sort.</summary>
[Collection(CursorWalkCollection.Name)]
public sealed class CursorWalkTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private const int Total = 5000;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IReadOnlyList<string>? _ids;

    private async Task<IReadOnlyList<string>> SeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_ids is not null) return _ids;
            var ids = new List<string>();
            // Few distinct budgets and years, so the sorts meet many ties that only the id tie-breaker separates.
            var records = Enumerable.Range(0, Total).Select(i => SearchSeeding.Make($"Nhiệm vụ thử nghiệm phân trang số {i}", r => r with
            {
                Code = $"PT-{i:D5}",
                Budget = new BudgetRecord { TotalVnd = (i % 7) * 100_000_000L, StateBudgetVnd = 0 },
                StartDate = new DateOnly(2015 + i % 5, 1, 1),
                EndDate = new DateOnly(2020 + i % 5, 1, 1),
            })).ToList();
            foreach (var chunk in records.Chunk(1000)) ids.AddRange(await factory.PublishAsync(chunk));
            await factory.WaitForIndexAsync(Total);
            return _ids = ids;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("&sort=budget")]
    public async Task Walking_every_page_returns_each_record_exactly_once(string query)
    {
        var expected = await SeedAsync();
        var seen = new List<string>(Total);
        string? url = "/api/v1/tasks?pageSize=200&select=id" + query;
        while (url is not null)
        {
            var response = await factory.Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            Assert.Equal(Total, body.GetProperty("meta").GetProperty("count").GetInt64());
            seen.AddRange(body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            var next = body.GetProperty("meta").GetProperty("nextCursor");
            url = next.ValueKind == JsonValueKind.String
                ? $"/api/v1/tasks?pageSize=200&select=id{query}&cursor={Uri.EscapeDataString(next.GetString()!)}"
                : null;
        }

        Assert.Equal(Total, seen.Count);
        Assert.Equal(expected.Order(), seen.Order());
    }
}
