using Registry.Data.Demo;
using Registry.Data.Validation;

namespace Registry.Data.Tests.PlainSummary;

/// <summary>The demo catalogue shows plain summaries on a share of tasks, and every one passes the write rules.</summary>
public sealed class DemoPlainSummaryTests
{
    [Fact]
    public void A_share_of_demo_tasks_has_a_plain_summary_that_passes_the_rules()
    {
        var catalogue = DemoCatalogue.Generate().ToList();
        var with = catalogue.Where(r => r.PlainSummary is not null).ToList();
        Assert.InRange(with.Count / (double)catalogue.Count, 0.25, 0.45);
        // Every field of science has some.
        Assert.Equal(6, with.Select(r => r.Fields![0][0]).Distinct().Count());
        var failing = with.Select(r => (r.Code, Problems: PlainSummaryRules.Problems(r.PlainSummary, r.Summary)))
            .Where(p => p.Problems.Count > 0).Select(p => $"{p.Code}: {string.Join(" | ", p.Problems)}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing.Take(10)));
        Assert.All(with, r => Assert.Empty(TaskRecordValidator.Validate(r)));
    }
}
