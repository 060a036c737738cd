using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Crash;
using Xunit.Abstractions;
using static Registry.EndToEnd.Tests.Webhooks.WebhookTestApi;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>
/// The service in a child process, killed (SIGKILL) while deliveries are pending because the receiver is down, then
/// started again on the same data directory: every event arrives, once answered 2xx, with the same id and a valid
/// signature. Nothing lives in memory: the outbox, the fan-out cursor and the deliveries are all in the database.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class WebhookRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Registry:Webhooks:AllowHttp"] = "true",
        ["Registry:Webhooks:AllowPrivateNetworks"] = "true",
        ["Registry:Webhooks:FirstRetrySeconds"] = "0.3",
        ["Registry:Webhooks:MaxRetrySeconds"] = "1",
        ["Registry:Webhooks:PollSeconds"] = "0.05",
        ["Registry:Webhooks:MaxAttempts"] = "50",
        ["Registry:Webhooks:PauseAfterFailures"] = "1000",
    };

    [Fact]
    public async Task Deliveries_pending_when_the_service_is_killed_arrive_once_after_it_restarts()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        const string path = "/partner/registry-events";
        var up = false;
        receiver.AnswerOn(path, _ => Volatile.Read(ref up) ? 200 : 503);
        var directory = Directory.CreateTempSubdirectory("registry-webhooks-restart-").FullName;
        var host = new ChildHost(directory, Settings);
        try
        {
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);
            using var admin = host.Client();
            var hook = await CreateAsync(admin, receiver.Url(path));
            receiver.Trust(path, hook.Secret);

            var first = await PublishedTaskAsync(admin, TaskRecordBuilder.Valid());
            await receiver.WaitForAsync(seen => seen.Count(w => TaskIdOf(w) == first) >= 2, what: "two refused attempts before the kill");
            var second = await PublishedTaskAsync(admin, TaskRecordBuilder.Valid());
            host.Kill();
            var beforeRestart = receiver.Received.Count;
            output.WriteLine($"killed with {beforeRestart} refused attempts received");
            Assert.All(receiver.Received, w => Assert.Equal(503, w.AnsweredWith));

            Volatile.Write(ref up, true);
            await host.DisposeAsync();
            host = new ChildHost(directory, Settings);
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);

            await receiver.WaitForAsync(seen => seen.Any(w => TaskIdOf(w) == first && w.AnsweredWith == 200)
                && seen.Any(w => TaskIdOf(w) == second && w.AnsweredWith == 200), TimeSpan.FromSeconds(60), "both events after the restart");
            await Task.Delay(1500); // a duplicate would come now
            foreach (var task in new[] { first, second })
            {
                var copies = receiver.Received.Where(w => TaskIdOf(w) == task).ToList();
                Assert.Single(copies.Select(w => w.Id).Distinct());
                Assert.Single(copies, w => w.AnsweredWith == 200);
                Assert.All(copies, w => Assert.True(w.SignatureValid, $"bad signature on {w.Id}"));
                Assert.All(copies, w => Assert.Equal("task.published", w.Type));
            }
            using var again = host.Client();
            var delivered = await GetAsync(again, $"/api/v1/webhooks/{hook.Id}/deliveries?status=delivered");
            Assert.Equal(2, delivered.GetProperty("meta").GetProperty("count").GetInt64());
            output.WriteLine($"after restart: {receiver.Received.Count - beforeRestart} requests, both events delivered once");
        }
        finally
        {
            await host.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
