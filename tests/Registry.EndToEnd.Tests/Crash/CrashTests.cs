using System.Collections.Concurrent;
using System.Diagnostics;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>Child-process hosts start one at a time: they are heavy for a small machine and share nothing.</summary>
[CollectionDefinition(Name), LongRunning]
public sealed class ChildProcessCollection
{
    public const string Name = "child-process hosts";
}

/// <summary>
/// kill -9 in the middle of writing, then a restart: every write the service acknowledged is stored, and the index
/// committed on disk holds exactly the store's published tasks at their current versions. Each test runs several
/// trials on one data directory, killing at a random moment each time.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Trials = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Imports up to 10,000 rows run inline, so a 200 means the rows are committed.</summary>
    private static readonly Dictionary<string, string> InlineImports = new()
    {
        ["Registry:Imports:InlineMaxRows"] = "10000",
        ["Registry:Imports:InlineMaxBytes"] = "52428800",
    };

    [Fact]
    public async Task Kill_during_large_imports_loses_no_acknowledged_task_and_the_index_equals_the_store()
    {
        await RunTrialsAsync("import", async (client, acknowledged, stop) =>
        {
            while (!stop.IsCancellationRequested)
            {
                var records = Enumerable.Range(0, 1000)
                    .Select(_ => new TaskRecordBuilder().With(r => r with { Visibility = Visibility.Published }).Build()).ToList();
                var response = await client.PostImportAsync(ImportFiles.JsonLines(records), "application/x-ndjson");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True((await response.ReadJsonAsync()).GetProperty("committed").GetBoolean());
                foreach (var r in records) acknowledged.Add(r.Code!);
            }
        }, byCode: true);
    }

    [Fact]
    public async Task Kill_during_a_burst_of_creates_and_publishes_loses_no_acknowledged_task_and_the_index_equals_the_store()
    {
        await RunTrialsAsync("burst", async (client, acknowledged, stop) =>
        {
            // One write first, so the burst never races to create the same new host organisation.
            await CreateAndPublishAsync(client, acknowledged);
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested) await CreateAndPublishAsync(client, acknowledged);
            })));
        }, byCode: false);
    }

    private static async Task CreateAndPublishAsync(HttpClient client, ConcurrentBag<string> acknowledged)
    {
        var created = await client.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadAsync<TaskWriteResponse>()).Task.Id!;
        var published = await client.PostAsync($"/api/v1/tasks/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        acknowledged.Add(id);
    }

    private delegate Task Writer(HttpClient client, ConcurrentBag<string> acknowledged, CancellationToken stop);

    private async Task RunTrialsAsync(string kind, Writer write, bool byCode)
    {
        var directory = Directory.CreateTempSubdirectory($"registry-crash-{kind}-").FullName;
        var acknowledged = new ConcurrentBag<string>();
        var trials = new List<CrashVerification.Trial>();
        var clock = Stopwatch.StartNew();
        // Each restarted host is checked, then written to and killed in the next trial: trials + 1 starts in all.
        var host = new ChildHost(directory, InlineImports);
        try
        {
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);
            for (var trial = 1; trial <= Trials; trial++)
            {
                var before = acknowledged.Count;
                var killAfter = await WriteThenKillAsync(host, write, acknowledged);
                await host.DisposeAsync();
                host = new ChildHost(directory, InlineImports);
                host.Start();
                await host.WaitUntilReadyAsync(StartTimeout);
                Assert.Contains("search index reconciled with the store", host.Output, StringComparison.Ordinal);
                var (published, indexed) = await CrashVerification.AssertConsistentAsync(host, acknowledged.ToList(), byCode);
                trials.Add(new CrashVerification.Trial(kind, trial, killAfter, acknowledged.Count - before, published, indexed, true));
                output.WriteLine(trials[^1].ToString());
            }
            output.WriteLine($"{kind}: {Trials} kills, {acknowledged.Count} acknowledged writes, all present; index == store after every restart ({clock.Elapsed.TotalSeconds:0.0} s)");
        }
        finally
        {
            await host.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Writes, and once the first write is acknowledged (the service is warm) lets it run a random 0.2–1.5 s more
    /// before SIGKILL cuts requests off; failures after the kill are expected. Returns the ms between the first
    /// acknowledgement and the kill.
    /// </summary>
    private static async Task<int> WriteThenKillAsync(ChildHost host, Writer write, ConcurrentBag<string> acknowledged)
    {
        using var client = host.Client();
        using var stop = new CancellationTokenSource();
        var before = acknowledged.Count;
        var writing = write(client, acknowledged, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count == before && !writing.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(10);
        var killAfter = Random.Shared.Next(200, 1500);
        await Task.WhenAny(writing, Task.Delay(killAfter));
        host.Kill();
        stop.Cancel();
        try
        {
            await writing;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The request in flight when the process died: not acknowledged, so not counted.
        }
        Assert.True(acknowledged.Count > before, $"No write was acknowledged before the kill; the trial proves nothing.\n{host.Output}");
        return killAfter;
    }
}
