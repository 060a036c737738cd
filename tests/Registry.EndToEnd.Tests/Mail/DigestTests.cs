using Microsoft.Extensions.DependencyInjection;
using Registry.Data;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>The host on a clock the test moves: it starts at 06:30 Vietnam time, before the 07:00 digest.</summary>
public sealed class ShiftedClockMailHost : MailHostFactory
{
    public ShiftedClock Clock { get; } = ShiftedClock.At(new TimeOnly(6, 30));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>Real time moved by an offset the test changes (everything in the host sees the same shifted time).</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    private long _offsetTicks = offset.Ticks;

    /// <summary>A clock showing <paramref name="vietnamTime"/> today (Vietnam's date) now.</summary>
    public static ShiftedClock At(TimeOnly vietnamTime)
    {
        var now = DateTimeOffset.UtcNow;
        var target = new DateTimeOffset(VietnamTime.DateOf(now).ToDateTime(vietnamTime), VietnamTime.Offset);
        return new ShiftedClock(target - now);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

public sealed class DigestTests(ShiftedClockMailHost factory) : IClassFixture<ShiftedClockMailHost>
{
    [Fact]
    public async Task A_daily_digest_waits_for_seven_oclock_Vietnam_time_and_then_lists_what_matched()
    {
        var marker = AlertFlow.Marker();
        var email = AlertFlow.Email("daily");
        await AlertFlow.SubscribeAndConfirmAsync(factory, email, marker, null, "daily");

        var (first, _) = await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} thứ nhất");
        var (second, _) = await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} thứ hai");
        await AlertFlow.SettleAsync(factory);
        Assert.Single(factory.Smtp.To(email)); // the confirmation only: 06:30 is before the digest

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var digest = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(first));
        Assert.Contains(second, digest.Text);
        Assert.StartsWith("2 nhiệm vụ mới", digest.Message.Subject);
        Assert.Contains("hằng ngày", digest.Text);

        // One digest a day: a task published after 07:00 waits for tomorrow's.
        var (third, _) = await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} thứ ba");
        await AlertFlow.SettleAsync(factory);
        Assert.Equal(2, factory.Smtp.To(email).Count);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var next = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(third));
        Assert.DoesNotContain(first, next.Text);
    }
}

public sealed class QuietDigestTests(ShiftedClockMailHost factory) : IClassFixture<ShiftedClockMailHost>
{
    [Fact]
    public async Task A_digest_slot_with_nothing_new_still_counts_so_a_later_task_waits_for_the_next_morning()
    {
        var marker = AlertFlow.Marker();
        var email = AlertFlow.Email("quiet");
        await AlertFlow.SubscribeAndConfirmAsync(factory, email, marker, null, "daily");

        factory.Clock.Advance(TimeSpan.FromHours(1)); // 07:30: the slot passes with nothing to say
        await AlertFlow.SettleAsync(factory);
        var (id, _) = await AlertFlow.PublishAsync(factory, $"Nhiệm vụ {marker} buổi sáng");
        await AlertFlow.SettleAsync(factory);
        Assert.Single(factory.Smtp.To(email));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        var digest = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains(id));
        Assert.StartsWith("1 nhiệm vụ mới", digest.Message.Subject);
    }
}
