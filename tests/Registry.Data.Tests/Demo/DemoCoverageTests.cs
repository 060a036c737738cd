using Registry.Data.Demo;
using Registry.Data.Records;
using Registry.Data.Tests.Coverage;
using Registry.Data.Validation;

namespace Registry.Data.Tests.Demo;

/// <summary>The demo catalogue's media coverage: a realistic share, plausible dates, honest links.</summary>
public sealed class DemoCoverageTests
{
    private static readonly List<TaskRecord> Catalogue = DemoCatalogue.Generate().ToList();

    [Fact]
    public void About_half_of_the_published_tasks_have_one_to_four_items_and_withdrawn_ones_none()
    {
        var published = Catalogue.Where(t => t.Visibility == Visibility.Published).ToList();
        var share = published.Count(t => t.Coverage is { Count: > 0 }) / (double)published.Count;
        Assert.InRange(share, 0.4, 0.6);
        Assert.All(Catalogue.Where(t => t.Coverage is not null), t => Assert.InRange(t.Coverage!.Count, 1, 4));
        Assert.All(Catalogue.Where(t => t.Visibility == Visibility.Withdrawn), t => Assert.Null(t.Coverage));
        Assert.Contains(Catalogue, t => t.Visibility == Visibility.Draft && t.Coverage is not null);
        // Every kind appears, press most often.
        var kinds = Catalogue.SelectMany(t => t.Coverage ?? []).GroupBy(c => c.Kind!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enum.GetValues<CoverageKind>().Length, kinds.Count);
        Assert.Equal(CoverageKind.Press, kinds.MaxBy(k => k.Value).Key);
    }

    [Fact]
    public void Items_are_dated_within_the_task_and_never_after_its_last_update_or_the_reference_date()
    {
        foreach (var task in Catalogue.Where(t => t.Coverage is not null))
        {
            var first = task.StartDate <= DemoCatalogue.ReferenceDate ? task.StartDate!.Value : task.ApprovalDecision!.Date!.Value;
            var updated = DateOnly.FromDateTime(task.UpdatedAt!.Value.ToOffset(TimeSpan.FromHours(7)).DateTime);
            Assert.All(task.Coverage!, c => Assert.InRange(c.Date!.Value, first, updated));
            Assert.All(task.Coverage!, c => Assert.True(c.Date <= DemoCatalogue.ReferenceDate));
        }
    }

    [Fact]
    public void Links_are_on_the_reserved_example_domain_and_every_record_is_valid()
    {
        var clock = new FixedClock(new DateTimeOffset(DemoCatalogue.ReferenceDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var items = Catalogue.SelectMany(t => t.Coverage ?? []).ToList();
        Assert.All(items, c => Assert.StartsWith("https://example.org/demo/truyen-thong/", c.Url));
        Assert.Equal(items.Count, items.Select(c => c.Url).Distinct().Count());
        Assert.All(Catalogue.Where(t => t.Coverage is not null), t => Assert.DoesNotContain(TaskRecordValidator.Validate(t, clock), e => e.Path.StartsWith("coverage")));
    }
}
