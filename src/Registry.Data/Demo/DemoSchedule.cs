using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Demo;

/// <summary>The dates of one task, consistent with its status as of <see cref="DemoCatalogue.ReferenceDate"/>.</summary>
internal sealed record DemoSchedule(
    TaskStatus Status, DateOnly ApprovalDate, DateOnly Start, DateOnly End,
    DateOnly? AcceptanceDate, AcceptanceRating? Rating, DateOnly? RegistrationDate)
{
    public int Months => (End.Year - Start.Year) * 12 + End.Month - Start.Month;

    /// <summary>The last thing that happened to the task (for updatedAt).</summary>
    public DateOnly LastEvent => RegistrationDate ?? AcceptanceDate ?? ApprovalDate;

    public static DemoSchedule Create(DemoRandom rng)
    {
        var today = DemoCatalogue.ReferenceDate;
        var status = rng.Weighted((TaskStatus.Approved, 6), (TaskStatus.InProgress, 22), (TaskStatus.Accepted, 30),
            (TaskStatus.ResultsRegistered, 25), (TaskStatus.Applied, 13), (TaskStatus.Terminated, 4));
        var months = rng.Pick([12, 18, 24, 24, 24, 30, 36]);
        switch (status)
        {
            case TaskStatus.Approved:
            {
                // Approved in the last four months, starting soon (some already in their first weeks).
                var approval = today.AddDays(-rng.Between(5, 120));
                var start = FirstOfMonth(approval.AddDays(rng.Between(15, 240)));
                if (start < approval) start = start.AddMonths(1);
                return new(status, approval, start, start.AddMonths(months).AddDays(-1), null, null, null);
            }
            case TaskStatus.InProgress:
            {
                var start = FirstOfMonth(today.AddDays(-rng.Between(30, 900)));
                var end = start.AddMonths(months).AddDays(-1);
                var floor = new DateOnly(2026, 7, 1).AddDays(rng.Between(0, 540));
                if (end < floor) end = LastOfMonth(floor);
                return new(status, start.AddDays(-rng.Between(15, 60)), start, end, null, null, null);
            }
            case TaskStatus.Terminated:
            {
                var start = FirstOfMonth(new DateOnly(2016, 1, 1).AddDays(rng.Between(0, 3100)));
                return new(status, start.AddDays(-rng.Between(15, 60)), start, start.AddMonths(months).AddDays(-1), null, null, null);
            }
            default:
                return Finished(rng, status, months, today);
        }
    }

    private static DemoSchedule Finished(DemoRandom rng, TaskStatus status, int months, DateOnly today)
    {
        // Ended at least four months ago so acceptance (and registration) fit before the reference date.
        var latestStart = today.AddMonths(-months - 5);
        var earliest = new DateOnly(2015, 1, 1);
        var start = FirstOfMonth(earliest.AddDays(rng.Next(Math.Max(1, latestStart.DayNumber - earliest.DayNumber))));
        var end = start.AddMonths(months).AddDays(-1);
        var acceptance = end.AddDays(rng.Between(20, 100));
        var rating = status == TaskStatus.Accepted
            ? rng.Weighted((AcceptanceRating.Excellent, 18), (AcceptanceRating.Passed, 74), (AcceptanceRating.Failed, 8))
            : rng.Weighted((AcceptanceRating.Excellent, 25), (AcceptanceRating.Passed, 75));
        DateOnly? registration = status == TaskStatus.Accepted ? null : acceptance.AddDays(rng.Between(15, 25));
        return new(status, start.AddDays(-rng.Between(15, 60)), start, end, acceptance, rating, registration);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
    private static DateOnly LastOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);
}
