using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Registry.Api.Forms;
using Registry.Api.Hosting;
using Registry.Api.Tests.Builders;
using Registry.Data.Leases;
using Registry.Data.Mail;
using Registry.Search;
using Registry.EndToEnd.Tests.Feedback;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Webhooks;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Instances;

/// <summary>
/// Two API instances over ONE database, as behind a reverse proxy: each with its own data directory, both running
/// every background worker. What an operator would notice if a worker were not safe: mail sent twice, a webhook
/// event delivered twice or never, a form token accepted twice or refused by the other instance.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _database = InstanceHost.NewDatabase();

    public void Dispose() => InstanceHost.DeleteDatabase(_database);

    [Fact]
    public async Task A_queued_mail_is_sent_exactly_once_by_two_instances()
    {
        var settings = new Dictionary<string, string?> { ["Registry:Mail:PollSeconds"] = "0.05", ["Registry:Mail:BatchSize"] = "2" };
        await using var a = new InstanceHost(_database, settings);
        await using var b = new InstanceHost(_database, settings);
        _ = a.Server;
        _ = b.Server;
        var outbox = a.Services.GetRequiredService<IMailOutbox>();
        var recipients = Enumerable.Range(0, 30).Select(i => $"once-{i}-{Guid.NewGuid():N}@example.vn").ToList();
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(new OutgoingMail { To = to, Subject = "Một lần", TextBody = "Nội dung", Purpose = MailPurposes.Inquiry });
        }

        var queue = a.Services.GetRequiredService<IMailQueueStore>();
        for (var i = 0; i < 400 && (await queue.StatusAsync()).Unsent > 0; i++) await Task.Delay(50);
        Assert.Equal(0, (await queue.StatusAsync()).Unsent);
        await Task.Delay(300); // a duplicate would be written now

        var byA = await RecipientsAsync(a);
        var byB = await RecipientsAsync(b);
        output.WriteLine($"instance A sent {byA.Count}, instance B sent {byB.Count}");
        var all = byA.Concat(byB).ToList();
        Assert.Equal(recipients.Order(), all.Order());
    }

    [Fact]
    public async Task A_webhook_event_reaches_each_subscriber_once_when_two_instances_fan_out_and_deliver()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Webhooks:AllowHttp"] = "true",
            ["Registry:Webhooks:AllowPrivateNetworks"] = "true",
            ["Registry:Webhooks:PollSeconds"] = "0.05",
            ["Registry:Webhooks:FirstRetrySeconds"] = "0.2",
            ["Registry:Webhooks:MaxRetrySeconds"] = "0.5",
        };
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        await using var a = new InstanceHost(_database, settings);
        await using var b = new InstanceHost(_database, settings);
        using var adminA = a.Admin();
        using var adminB = b.Admin();
        string[] paths = ["/portal-one", "/portal-two"];
        foreach (var path in paths)
        {
            var hook = await WebhookTestApi.CreateAsync(adminA, receiver.Url(path), events: ["task.published"]);
            receiver.Trust(path, hook.Secret);
        }

        var tasks = new List<string>();
        for (var i = 0; i < 8; i++) tasks.Add(await WebhookTestApi.PublishedTaskAsync(i % 2 == 0 ? adminA : adminB, TaskRecordBuilder.Valid()));

        await receiver.WaitForAsync(seen => paths.All(p => tasks.All(t => seen.Any(w => w.Path == p && WebhookTestApi.TaskIdOf(w) == t))),
            TimeSpan.FromSeconds(30), "every event at both subscribers");
        await Task.Delay(1000); // a duplicate would come now
        foreach (var path in paths)
        {
            var received = receiver.Received.Where(w => w.Path == path).ToList();
            Assert.All(received, w => Assert.True(w.SignatureValid, w.Id));
            Assert.Equal(tasks.Order(), received.Select(WebhookTestApi.TaskIdOf).Order());
            Assert.Equal(received.Count, received.Select(w => w.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_form_token_from_one_instance_is_accepted_by_the_other_and_then_refused_as_used()
    {
        var settings = new Dictionary<string, string?> { ["Registry:Forms:MinFillSeconds"] = "0" };
        await using var a = new InstanceHost(_database, settings);
        await using var b = new InstanceHost(_database, settings);
        var token = (await (await a.Anonymous().GetAsync("/api/v1/forms/token?purpose=feedback")).ReadJsonAsync()).GetProperty("token").GetString();
        var body = JsonSerializer.Serialize(new { message = "Góp ý gửi qua phiên bản thứ hai.", consent = false, formToken = token });

        var onB = await b.Anonymous().PostRawAsync("/api/v1/feedback", body);
        Assert.True(onB.StatusCode == HttpStatusCode.Accepted, await onB.Content.ReadAsStringAsync());
        var againOnA = await a.Anonymous().PostRawAsync("/api/v1/feedback", body);
        await againOnA.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("already used", await againOnA.Content.ReadAsStringAsync());
        var againOnB = await b.Anonymous().PostRawAsync("/api/v1/feedback", body);
        Assert.Equal(HttpStatusCode.BadRequest, againOnB.StatusCode);
    }

    [Fact]
    public async Task Two_instances_starting_together_on_a_new_database_end_up_with_one_signing_key()
    {
        await using var a = new InstanceHost(_database);
        await using var b = new InstanceHost(_database);
        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        var keyA = a.Services.GetRequiredService<FormSigningKey>().Bytes;
        var keyB = b.Services.GetRequiredService<FormSigningKey>().Bytes;
        Assert.Equal(keyA, keyB);
        Assert.NotEqual(a.Services.GetRequiredService<InstanceIdentity>().Id, b.Services.GetRequiredService<InstanceIdentity>().Id);
        // Unsubscribe links (derived from the same key) made by one instance verify on the other.
        var link = a.Services.GetRequiredService<Registry.Api.Alerts.AlertTokens>().Unsubscribe("s0123456789ab", "salt");
        Assert.True(b.Services.GetRequiredService<Registry.Api.Alerts.AlertTokens>().Verify(link, "s0123456789ab", "salt"));
    }

    [Fact]
    public async Task A_singleton_job_runs_on_one_instance_at_a_time_and_is_taken_over_when_its_holder_stops_renewing()
    {
        // Both instances (and their lease stores) on one clock the test moves, as NTP keeps real machines together.
        var clock = new ShiftedClock();
        await using var a = new InstanceHost(_database, clock: clock);
        await using var b = new InstanceHost(_database, clock: clock);
        var leaseFor = TimeSpan.FromSeconds(60);
        var onA = new SingletonLease("test-job", a.Services.GetRequiredService<IWorkerLeaseStore>(),
            a.Services.GetRequiredService<InstanceIdentity>().Owner("test-job"), clock, leaseFor);
        var onB = new SingletonLease("test-job", b.Services.GetRequiredService<IWorkerLeaseStore>(),
            b.Services.GetRequiredService<InstanceIdentity>().Owner("test-job"), clock, leaseFor);

        Assert.True(await onA.HoldAsync(default));
        Assert.False(await onB.HoldAsync(default));
        for (var i = 0; i < 12; i++)
        {
            // A keeps working and renewing for five minutes, far past one lease: B never gets the job.
            clock.Advance(TimeSpan.FromSeconds(25));
            Assert.True(await onA.HoldAsync(default));
            Assert.False(await onB.HoldAsync(default));
        }

        // A hangs (no renewal): B takes over once the lease ran out, and A, coming back, has lost it.
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await onB.HoldAsync(default));
        Assert.False(await onA.HoldAsync(default));
        var holder = await a.Services.GetRequiredService<IWorkerLeaseStore>().FindAsync("test-job");
        Assert.Equal(onB.Owner, holder!.Owner);

        // A clean stop gives the job back at once.
        await onB.ReleaseAsync(default);
        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.True(await onA.HoldAsync(default));
    }

    [Fact]
    public async Task With_the_embedded_Lucene_index_a_second_instance_on_the_same_database_is_refused_with_what_to_do()
    {
        await using var b = new InstanceHost(_database);
        _ = b.Server;
        string holderId;
        await using (var a = new InstanceHost(_database, claimIndex: true))
        {
            _ = a.Server;
            holderId = a.Services.GetRequiredService<InstanceIdentity>().Id;
            // What B's start does when it is on Lucene too, and when it is on Elasticsearch.
            foreach (var provider in new[] { SearchProvider.Lucene, SearchProvider.Elasticsearch })
            {
                var refused = await Assert.ThrowsAsync<SharedEmbeddedIndexException>(() => ClaimOn(b, provider).ClaimAsync(default));
                Assert.Contains("Registry:Search:Provider=Elasticsearch", refused.Message);
                Assert.Contains(holderId, refused.Message);
                Assert.StartsWith("Một phiên bản Registry khác", refused.Message);
            }
        }

        // A stopped cleanly and gave its claim back: B may now claim it at once.
        await ClaimOn(b, SearchProvider.Lucene).ClaimAsync(default);
        var holder = await b.Services.GetRequiredService<IWorkerLeaseStore>().FindAsync(EmbeddedIndexClaim.LeaseName);
        Assert.StartsWith(b.Services.GetRequiredService<InstanceIdentity>().OwnerPrefix, holder!.Owner);
    }

    private static EmbeddedIndexClaim ClaimOn(InstanceHost host, SearchProvider provider) => new(
        host.Services.GetRequiredService<IWorkerLeaseStore>(), host.Services.GetRequiredService<InstanceIdentity>(),
        Options.Create(new SearchOptions { Provider = provider }), TimeProvider.System, NullLogger<EmbeddedIndexClaim>.Instance);

    private static async Task<List<string>> RecipientsAsync(InstanceHost host)
    {
        var directory = Path.Combine(host.DataDirectory, "mail-pickup");
        if (!Directory.Exists(directory)) return [];
        var found = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.eml"))
        {
            found.AddRange((await MimeMessage.LoadAsync(file)).To.Mailboxes.Select(m => m.Address));
        }
        return found;
    }
}
