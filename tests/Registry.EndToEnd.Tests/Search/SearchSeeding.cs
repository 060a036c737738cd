using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Search.Model;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.EndToEnd.Tests.Search;

/// <summary>Writes tasks straight through the store's batch API (not HTTP) and waits for the indexer by polling.</summary>
public static class SearchSeeding
{
    /// <summary>Upserts the records as published and returns their public ids in order.</summary>
    public static async System.Threading.Tasks.Task<IReadOnlyList<string>> PublishAsync(this RegistryApiFactory factory, IReadOnlyList<TaskRecord> records)
    {
        var store = factory.Services.GetRequiredService<ITaskStore>();
        var rows = records.Select((r, i) => new ImportCandidate(i + 1, r.Code, r with { Visibility = r.Visibility ?? Visibility.Published }, [])).ToList();
        var outcome = await store.UpsertBatchAsync(rows, new ImportOptions(), Actor.CommandLine);
        Assert.True(outcome.Committed, string.Join("; ", outcome.Rows.SelectMany(r => r.Reasons)));
        return outcome.Rows.Select(r => r.Id!).ToList();
    }

    /// <summary>Polls until the index holds <paramref name="count"/> tasks (the outbox indexer runs in the background).</summary>
    public static async System.Threading.Tasks.Task WaitForIndexAsync(this RegistryApiFactory factory, long count)
    {
        var index = factory.Services.GetRequiredService<ISearchIndex>();
        var deadline = DateTime.UtcNow.AddSeconds(600);
        long current;
        while ((current = await index.CountAsync()) != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The index holds {current} tasks, expected {count}.");
            await System.Threading.Tasks.Task.Delay(50);
        }
    }

    /// <summary>Polls a search until <paramref name="done"/> holds on its body.</summary>
    public static async System.Threading.Tasks.Task<JsonElement> PollAsync(this HttpClient client, string url, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            if (done(body)) return body;
            Assert.True(DateTime.UtcNow < deadline, $"Condition never held for {url}: {body}");
            await System.Threading.Tasks.Task.Delay(100);
        }
    }

    public static IEnumerable<string> Codes(this JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("code").GetString()!);

    public static long Count(this JsonElement body) => body.GetProperty("meta").GetProperty("count").GetInt64();

    public static TaskRecord Make(string title, Func<TaskRecord, TaskRecord>? change = null)
    {
        var record = new TaskRecordBuilder().WithTitle(title).With(r => r with { Keywords = [], Summary = null, Objectives = null, Methods = null, ExpectedResults = null }).Build();
        return change is null ? record : change(record);
    }

    public static TaskRecord InYear(this TaskRecord r, int year) =>
        r with { StartDate = new DateOnly(year, 3, 1), EndDate = new DateOnly(year + 2, 3, 1) };

    public static TaskRecord WithBudget(this TaskRecord r, long total) =>
        r with { Budget = new BudgetRecord { TotalVnd = total, StateBudgetVnd = total / 2 } };

    public static TaskRecord WithState(this TaskRecord r, TaskLevel level, TaskKind kind, TaskStatus status) =>
        r with { Level = level, Kind = kind, Status = status };
}
