using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Registry.Api.Feedback;
using Registry.Data.Feedback;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feedback;

/// <summary>
/// Personal data deleted after the retention period, end to end: feedback sent through the API, the retention worker
/// driven by a clock the test moves (it sweeps at start, then every interval), and every answer checked afterwards.
/// </summary>
public sealed class FeedbackRetentionTests(FeedbackApiFactory factory) : IClassFixture<FeedbackApiFactory>
{
    [Fact]
    public async Task After_the_retention_period_names_and_emails_are_gone_and_unapproved_feedback_is_deleted()
    {
        var task = await factory.PublishedTaskAsync();
        var curator = await factory.CuratorAsync();
        var emails = Enumerable.Range(0, 3).Select(i => $"giu.{i}.{Guid.NewGuid():N}@vi-du.vn").ToArray();
        var approved = await factory.SubmitValidAsync(task, "Góp ý sẽ được duyệt và giữ lại sau thời hạn.", "Hà Văn Giữ", emails[0]);
        var pending = await factory.SubmitValidAsync(task, "Góp ý bị bỏ quên trong hàng chờ.", "Hà Văn Chờ", emails[1]);
        var rejected = await factory.SubmitValidAsync(task, "Góp ý không được duyệt.", null, emails[2]);
        (await curator.PostAsJsonAsync($"/api/v1/feedback/{approved}/reply", new { text = "Sở cảm ơn anh.", approve = true })).EnsureSuccessStatusCode();
        (await curator.PostAsJsonAsync($"/api/v1/feedback/{rejected}/reject", new { reason = "Không liên quan" })).EnsureSuccessStatusCode();

        // A worker whose clock stands 31 days later (retention is 30 days in this host) sweeps as soon as it starts.
        var clock = new ManualClock(factory.Clock.GetUtcNow() + TimeSpan.FromDays(31));
        var options = factory.Services.GetRequiredService<IOptions<FeedbackOptions>>();
        var retention = new FeedbackRetention(factory.Services.GetRequiredService<IFeedbackStore>(), options, clock);
        using var worker = new FeedbackRetentionWorker(retention, options, clock, NullLogger<FeedbackRetentionWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(async () => (await curator.GetAsync($"/api/v1/feedback/{pending}")).StatusCode == HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/feedback/{rejected}")).StatusCode);
        var kept = await (await curator.GetAsync($"/api/v1/feedback/{approved}")).ReadJsonAsync();
        Assert.False(kept.TryGetProperty("email", out _));
        Assert.False(kept.TryGetProperty("name", out _));
        Assert.True(kept.TryGetProperty("personalDataErasedAt", out _));
        var publicList = await factory.Anonymous().GetStringAsync($"/api/v1/tasks/{task}/feedback");
        Assert.Contains("Sở cảm ơn anh.", publicList);

        // Nothing of the senders remains anywhere: curators' lists included, and every table of the database.
        var everything = await curator.GetStringAsync("/api/v1/feedback?pageSize=200");
        await using (var db = factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Registry.Data.RegistryDbContext>>().CreateDbContext())
        {
            foreach (var email in emails)
            {
                Assert.DoesNotContain(email, everything);
                Assert.Empty(await Registry.Data.Tests.Infrastructure.DatabaseScan.FindAsync(db, email));
            }
            Assert.Empty(await Registry.Data.Tests.Infrastructure.DatabaseScan.FindAsync(db, "Hà Văn"));
        }

        // Feedback sent after that start is kept until the next round comes due, then swept too.
        var later = await factory.SubmitValidAsync(null, "Góp ý gửi sau lần quét đầu.", null, $"sau.{Guid.NewGuid():N}@vi-du.vn");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/api/v1/feedback/{later}")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(options.Value.SweepIntervalMinutes));
        await WaitUntilAsync(async () => (await curator.GetAsync($"/api/v1/feedback/{later}")).StatusCode == HttpStatusCode.NotFound);
        await worker.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }
        Assert.Fail("The retention worker did not sweep within 5 s.");
    }
}

/// <summary>A clock whose time and timers move only when the test says: Task.Delay on it completes on <see cref="Advance"/>.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() { lock (gate) return now; }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = timers.Where(t => t.DueAt is { } at && at <= now).ToList();
            foreach (var t in due) t.DueAt = null;
        }
        foreach (var t in due) t.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.now + dueTime;
                clock.timers.Add(this);
            }
            if (dueTime == TimeSpan.Zero) Fire();
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
