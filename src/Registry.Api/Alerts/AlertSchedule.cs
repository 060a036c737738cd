using Registry.Data;
using Registry.Data.Alerts;

namespace Registry.Api.Alerts;

/// <summary>When a subscription is due: immediate ones at every run; digests once per slot (the digest hour in Vietnam, Mondays for weekly).</summary>
public static class AlertSchedule
{
    /// <summary>The latest digest slot at or before <paramref name="now"/>; null for immediate alerts.</summary>
    public static DateTimeOffset? LatestSlot(AlertFrequency frequency, DateTimeOffset now, int digestHour)
    {
        if (frequency == AlertFrequency.Immediate) return null;
        var today = VietnamTime.DateOf(now);
        var slot = new DateTimeOffset(today.ToDateTime(new TimeOnly(digestHour, 0)), VietnamTime.Offset);
        if (slot > now) slot = slot.AddDays(-1);
        if (frequency == AlertFrequency.Weekly)
        {
            var daysSinceMonday = ((int)slot.DayOfWeek + 6) % 7;
            slot = slot.AddDays(-daysSinceMonday);
        }
        return slot;
    }

    public static bool IsDue(AlertSubscriptionView subscription, DateTimeOffset now, int digestHour) =>
        LatestSlot(subscription.Frequency, now, digestHour) is not { } slot || subscription.LastRunAt is not { } last || last < slot;
}
