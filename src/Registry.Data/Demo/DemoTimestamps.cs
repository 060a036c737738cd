using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>
/// Visibility (about 95% published, a few drafts and withdrawn records) and createdAt / updatedAt / publishedAt
/// consistent with the task's dates, all before <see cref="DemoCatalogue.ReferenceDate"/>, in Vietnam time.
/// </summary>
internal static class DemoTimestamps
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static TaskRecord Apply(DemoRandom rng, TaskRecord record, DemoSchedule schedule)
    {
        var visibility = rng.Weighted((Visibility.Published, 95), (Visibility.Draft, 3), (Visibility.Withdrawn, 2));
        var limit = DemoCatalogue.ReferenceDate.AddDays(-1);
        var created = Min(schedule.ApprovalDate.AddDays(rng.Between(3, 45)), limit);
        var lastEvent = Min(Max(schedule.LastEvent.AddDays(rng.Between(1, 20)), created), limit);
        var createdAt = At(rng, created);
        var updatedAt = At(rng, lastEvent);
        if (updatedAt < createdAt) updatedAt = createdAt;
        DateTimeOffset? publishedAt = null;
        if (visibility != Visibility.Draft)
        {
            var published = At(rng, Min(created.AddDays(rng.Between(1, 15)), limit));
            publishedAt = published < createdAt ? createdAt : published;
            if (updatedAt < publishedAt) updatedAt = publishedAt.Value;
        }
        if (visibility == Visibility.Withdrawn)
        {
            // Withdrawal is the record's last change.
            var withdrawn = At(rng, Min(lastEvent.AddDays(rng.Between(5, 60)), limit));
            updatedAt = withdrawn > updatedAt ? withdrawn : updatedAt.AddHours(1);
        }
        return record with { Visibility = visibility, CreatedAt = createdAt, UpdatedAt = updatedAt, PublishedAt = publishedAt };
    }

    private static DateTimeOffset At(DemoRandom rng, DateOnly day) =>
        new(day.ToDateTime(new TimeOnly(rng.Between(8, 16), rng.Between(0, 59), rng.Between(0, 59))), VietnamOffset);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
