namespace Registry.Data.Collections;

/// <summary>
/// Which collection the home page features. A collection is <em>in season</em> from
/// <see cref="DaysBefore"/> days before its date until <see cref="DaysAfter"/> days after it, by the calendar in
/// Vietnam (UTC+7). The current collection is the in-season one with at least one published task whose date is
/// nearest today; on a tie the later date wins (the coming day over the past one), then the most recently changed.
/// With none in season, there is no current collection and the home page shows none.
/// </summary>
public static class CurrentCollection
{
    public const int DaysBefore = 14;
    public const int DaysAfter = 30;

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => VietnamTime.Today(clock);

    /// <summary>The first and last day a collection dated <paramref name="today"/>'s candidates may have.</summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly today) => (today.AddDays(-DaysAfter), today.AddDays(DaysBefore));

    /// <summary>The current one among <paramref name="candidates"/> (already in season, each with a published task), or null.</summary>
    public static CollectionSummary? Pick(IEnumerable<CollectionSummary> candidates, DateOnly today) => candidates
        .Where(c => c.TaskCount > 0 && c.Date >= Window(today).From && c.Date <= Window(today).To)
        .OrderBy(c => Math.Abs(c.Date.DayNumber - today.DayNumber))
        .ThenByDescending(c => c.Date)
        .ThenByDescending(c => c.UpdatedAt)
        .ThenBy(c => c.Id, StringComparer.Ordinal)
        .FirstOrDefault();
}
