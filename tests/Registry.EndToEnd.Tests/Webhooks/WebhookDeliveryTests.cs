using System.Text.Json;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Webhooks.WebhookTestApi;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>The real host delivering to a receiver on 127.0.0.1 (allowed for this test host), with fast retries.</summary>
public sealed class WebhookFactory : RegistryApiFactory
{
    public const int PauseAfter = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Webhooks:AllowHttp"] = "true",
        ["Registry:Webhooks:AllowPrivateNetworks"] = "true",
        ["Registry:Webhooks:FirstRetrySeconds"] = "0.2",
        ["Registry:Webhooks:MaxRetrySeconds"] = "0.5",
        ["Registry:Webhooks:PollSeconds"] = "0.05",
        ["Registry:Webhooks:MaxAttempts"] = "6",
        ["Registry:Webhooks:PauseAfterFailures"] = PauseAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Registry:PublicBaseUrl"] = "https://registry.phutho.gov.vn",
    };
}

public sealed class WebhookReceiverFixture : IAsyncLifetime
{
    public WebhookReceiver Receiver { get; } = new();
    public Task InitializeAsync() => Receiver.StartAsync();
    public Task DisposeAsync() => Receiver.DisposeAsync().AsTask();
}

public sealed class WebhookDeliveryTests(WebhookFactory factory, WebhookReceiverFixture fixture)
    : IClassFixture<WebhookFactory>, IClassFixture<WebhookReceiverFixture>
{
    private WebhookReceiver Receiver => fixture.Receiver;

    private async Task<(string Path, WebhookTestApi.Created Hook)> SubscribeAsync(string name, string[]? events = null, string[]? fields = null)
    {
        var path = $"/{name}-{Guid.NewGuid():N}";
        var hook = await CreateAsync(factory.Admin(), Receiver.Url(path), events, fields);
        Receiver.Trust(path, hook.Secret);
        return (path, hook);
    }

    private Task<IReadOnlyList<ReceivedWebhook>> ArrivedAsync(string path, string taskId, string type, int answered = 200) =>
        Receiver.WaitForAsync(seen => seen.Any(w => w.Path == path && Is(w, taskId, type) && w.AnsweredWith == answered), what: $"{type} of {taskId} on {path}");

    /// <summary>The delivery of <paramref name="eventId"/> once the worker has recorded it with <paramref name="status"/>.</summary>
    private static async Task<JsonElement> RecordedAsync(HttpClient admin, string hook, string eventId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var page = await GetAsync(admin, $"/api/v1/webhooks/{hook}/deliveries");
            var delivery = page.GetProperty("results").EnumerateArray().Single(d => d.GetProperty("eventId").GetString() == eventId);
            if (delivery.GetProperty("status").GetString() == status) return delivery;
            Assert.True(DateTime.UtcNow < deadline, $"delivery {eventId} is {delivery.GetProperty("status")}, not {status}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Publish_update_coverage_and_withdraw_arrive_signed_carrying_only_the_public_record()
    {
        var (path, _) = await SubscribeAsync("all");
        var curator = await factory.CuratorAsync();
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator);

        await curator.PostAsync($"/api/v1/tasks/{id}/publish", null);
        await ArrivedAsync(path, id, "task.published");
        var coverage = new CoverageRecord { Url = "https://baophutho.vn/che-shan", Outlet = "Báo Phú Thọ", Kind = CoverageKind.Press, Date = new DateOnly(2025, 5, 1), Title = "Chè Shan tuyết" };
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/coverage", coverage, RegistryJson.Options)).StatusCode);
        await ArrivedAsync(path, id, "task.coverage_added");
        await ArrivedAsync(path, id, "task.updated");
        await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng với nhiệm vụ khác" });
        string[] order = ["task.published", "task.updated", "task.coverage_added", "task.withdrawn"];
        var seen = (await ArrivedAsync(path, id, "task.withdrawn")).Where(w => w.Path == path && TaskIdOf(w) == id)
            .OrderBy(w => w.Json.GetProperty("sequence").GetInt64()).ThenBy(w => Array.IndexOf(order, w.Type)).ToList();

        Assert.Equal(order, seen.Select(w => w.Type));
        Assert.All(seen, w => Assert.True(w.SignatureValid, $"bad signature on {w.Id}"));
        Assert.All(seen, w => Assert.Equal(w.Id, w.Json.GetProperty("id").GetString()));
        Assert.Equal(seen.Count, seen.Select(w => w.Id).Distinct().Count());
        var sequences = seen.Select(w => w.Json.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences[1], sequences[2]); // one write: updated and coverage added
        Assert.All(seen, w => Assert.DoesNotContain("an.nguyen@example.vn", System.Text.Encoding.UTF8.GetString(w.Body)));
        Assert.All(seen, w => Assert.DoesNotContain("0912345678", System.Text.Encoding.UTF8.GetString(w.Body)));

        var published = seen[0].Json.GetProperty("data");
        Assert.Equal("published", published.GetProperty("state").GetString());
        Assert.Equal(id, published.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal("Nguyễn Văn An", published.GetProperty("task").GetProperty("principalInvestigator").GetProperty("name").GetString());
        Assert.Equal($"https://registry.phutho.gov.vn/api/v1/tasks/{id}", published.GetProperty("links").GetProperty("self").GetString());
        var withdrawn = seen[3].Json.GetProperty("data");
        Assert.Equal("withdrawn", withdrawn.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("task").ValueKind);
        Assert.Equal("Trùng với nhiệm vụ khác", withdrawn.GetProperty("withdrawal").GetProperty("reason").GetString());
        var age = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(seen[3].Timestamp, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(age, -5, 60);
    }

    [Fact]
    public async Task A_draft_edit_sends_nothing()
    {
        var (path, _) = await SubscribeAsync("drafts");
        var curator = await factory.CuratorAsync();
        var (draft, _) = await TaskLifecycleTests.CreateAsync(curator);
        var marker = await PublishedTaskAsync(curator);

        await ArrivedAsync(path, marker, "task.published");
        Assert.DoesNotContain(Receiver.Received, w => w.Path == path && TaskIdOf(w) == draft);
    }

    [Fact]
    public async Task A_receiver_that_fails_then_recovers_gets_the_same_event_id_until_it_answers_2xx()
    {
        var (path, hook) = await SubscribeAsync("flaky");
        var calls = 0;
        Receiver.AnswerOn(path, _ => Interlocked.Increment(ref calls) <= 2 ? 503 : 200);
        var id = await PublishedTaskAsync(await factory.CuratorAsync());

        await ArrivedAsync(path, id, "task.published");
        var attempts = Receiver.Received.Where(w => w.Path == path && TaskIdOf(w) == id).ToList();
        Assert.Equal([503, 503, 200], attempts.Select(w => w.AnsweredWith));
        Assert.Single(attempts.Select(w => w.Id).Distinct());
        Assert.All(attempts, w => Assert.True(w.SignatureValid));
        Assert.Equal(3, attempts.Select(w => w.Timestamp).Count());

        var admin = factory.Admin();
        var delivery = await RecordedAsync(admin, hook.Id, attempts[0].Id, "delivered");
        Assert.Equal(attempts[0].Id, delivery.GetProperty("eventId").GetString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var detail = await GetAsync(admin, $"/api/v1/webhooks/{hook.Id}/deliveries/{delivery.GetProperty("id").GetInt64()}");
        var log = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([503, 503, 200], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Contains("temporarily down", log[0].GetProperty("error").GetString());
        Assert.All(log, a => Assert.True(a.GetProperty("durationMs").GetInt32() >= 0));
        Assert.Equal(0, (await GetAsync(admin, $"/api/v1/webhooks/{hook.Id}")).GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task A_subscriber_that_keeps_failing_is_paused_and_resuming_delivers_the_waiting_event()
    {
        var (path, hook) = await SubscribeAsync("down");
        var up = false;
        Receiver.AnswerOn(path, _ => up ? 200 : 500);
        var admin = factory.Admin();
        var id = await PublishedTaskAsync(await factory.CuratorAsync());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement state;
        do
        {
            await Task.Delay(100);
            state = await GetAsync(admin, $"/api/v1/webhooks/{hook.Id}");
        }
        while (state.GetProperty("status").GetString() != "paused" && DateTime.UtcNow < deadline);
        Assert.Equal("paused", state.GetProperty("status").GetString());
        Assert.Contains($"after {WebhookFactory.PauseAfter} consecutive failed deliveries", state.GetProperty("pausedReason").GetString());
        var failedSoFar = Receiver.Received.Count(w => w.Path == path);
        Assert.Equal(WebhookFactory.PauseAfter, failedSoFar);
        await Task.Delay(1000);
        Assert.Equal(failedSoFar, Receiver.Received.Count(w => w.Path == path)); // nothing is sent while paused

        up = true;
        var resumed = await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/resume", null);
        Assert.Equal("active", (await resumed.ReadJsonAsync()).GetProperty("status").GetString());
        await ArrivedAsync(path, id, "task.published");
        var all = Receiver.Received.Where(w => w.Path == path).ToList();
        Assert.Single(all.Select(w => w.Id).Distinct());
        Assert.Single(all, w => w.AnsweredWith == 200);
    }

    [Fact]
    public async Task Replays_and_pings_are_signed_and_keep_event_ids()
    {
        var (path, hook) = await SubscribeAsync("replay");
        var admin = factory.Admin();
        var id = await PublishedTaskAsync(await factory.CuratorAsync());
        var first = (await ArrivedAsync(path, id, "task.published")).First(w => w.Path == path && TaskIdOf(w) == id);
        // The receiver answered; the worker records the attempt just after (a replay meanwhile finds it in flight).
        var delivery = await RecordedAsync(admin, hook.Id, first.Id, "delivered");

        var replay = await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{delivery.GetProperty("id").GetInt64()}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal(1, (await replay.ReadJsonAsync()).GetProperty("queued").GetInt32());
        await Receiver.WaitForAsync(seen => seen.Count(w => w.Id == first.Id && w.Path == path) == 2, what: "the replayed delivery");

        var since = await admin.PostAsJsonAsync($"/api/v1/webhooks/{hook.Id}/replay", new { afterSequence = first.Json.GetProperty("sequence").GetInt64() - 1 });
        Assert.Equal(HttpStatusCode.Accepted, since.StatusCode);
        Assert.True((await since.ReadJsonAsync()).GetProperty("queued").GetInt32() >= 1);
        var copies = (await Receiver.WaitForAsync(seen => seen.Count(w => w.Id == first.Id && w.Path == path) == 3, what: "the event replayed by sequence"))
            .Where(w => w.Id == first.Id && w.Path == path).ToList();
        Assert.All(copies, w => Assert.True(w.SignatureValid));

        var ping = await admin.PostAsync($"/api/v1/webhooks/{hook.Id}/ping", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var pingId = (await ping.ReadJsonAsync()).GetProperty("eventId").GetString();
        var pinged = (await Receiver.WaitForAsync(seen => seen.Any(w => w.Id == pingId), what: "the ping")).Single(w => w.Id == pingId);
        Assert.True(pinged.SignatureValid);
        Assert.Equal("webhook.ping", pinged.Type);
        Assert.Equal(hook.Id, pinged.Json.GetProperty("data").GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public async Task Filters_by_field_and_events_leave_other_tasks_out()
    {
        var (natural, _) = await SubscribeAsync("natural", fields: ["1"]);
        var (withdrawals, _) = await SubscribeAsync("withdrawals", events: ["task.withdrawn"]);
        var (all, _) = await SubscribeAsync("everything");
        var curator = await factory.CuratorAsync();
        var math = await PublishedTaskAsync(curator, TaskRecordBuilder.Valid() with { Fields = ["101"] });
        var tea = await PublishedTaskAsync(curator);

        await ArrivedAsync(natural, math, "task.published");
        await ArrivedAsync(all, tea, "task.published");
        await ArrivedAsync(all, math, "task.published");
        Assert.DoesNotContain(Receiver.Received, w => w.Path == natural && TaskIdOf(w) == tea);
        Assert.DoesNotContain(Receiver.Received, w => w.Path == withdrawals);
    }

    [Fact]
    public async Task After_a_rotation_both_the_new_and_the_old_secret_verify_until_the_grace_ends()
    {
        var (path, hook) = await SubscribeAsync("rotate");
        var rotated = await factory.Admin().PostAsync($"/api/v1/webhooks/{hook.Id}/secret", null);
        var json = await rotated.ReadJsonAsync();
        var secret = json.GetProperty("secret").GetString()!;
        Assert.NotEqual(hook.Secret, secret);
        Receiver.Trust(path, secret);
        var id = await PublishedTaskAsync(await factory.CuratorAsync());

        var received = (await ArrivedAsync(path, id, "task.published")).Single(w => w.Path == path && TaskIdOf(w) == id);
        Assert.True(received.SignatureValid);
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(WebhookVerifier.Verify(hook.Secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow));
        Assert.False(WebhookVerifier.Verify(Registry.Api.Webhooks.WebhookSignature.NewSecret(), received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow));
        Assert.False(WebhookVerifier.Verify(secret, received.Id, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow.AddMinutes(10)));
    }

    [Fact]
    public async Task The_nodejs_example_of_the_docs_verifies_real_deliveries_and_refuses_tampered_ones()
    {
        var (path, hook) = await SubscribeAsync("node");
        var id = await PublishedTaskAsync(await factory.CuratorAsync());
        var real = (await ArrivedAsync(path, id, "task.published")).First(w => w.Path == path && TaskIdOf(w) == id);
        var tampered = (byte[])real.Body.Clone();
        tampered[^2] ^= 1;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cases = new object[]
        {
            new { id = real.Id, timestamp = real.Timestamp, signature = real.Signature, body = Convert.ToBase64String(real.Body), expect = true },
            new { id = real.Id, timestamp = real.Timestamp, signature = real.Signature, body = Convert.ToBase64String(tampered), expect = false },
            new { id = real.Id + "x", timestamp = real.Timestamp, signature = real.Signature, body = Convert.ToBase64String(real.Body), expect = false },
            new { id = real.Id, timestamp = "1600000000", signature = real.Signature, body = Convert.ToBase64String(real.Body), expect = false },
            new { id = real.Id, timestamp = now, signature = "v1,AAAA v2," + real.Signature[3..], body = Convert.ToBase64String(real.Body), expect = false },
        };
        var file = Path.Combine(factory.DataDirectory, "deliveries.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(cases));

        var result = await NodeValidators.RunAsync("webhooks-verify.mjs", file, hook.Secret);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("\"checked\": 5", result.StandardOutput);
        var wrongSecret = await NodeValidators.RunAsync("webhooks-verify.mjs", file, Registry.Api.Webhooks.WebhookSignature.NewSecret());
        Assert.Equal(1, wrongSecret.ExitCode);
    }
}
