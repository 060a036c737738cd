using Registry.Data.Catalog;

namespace Registry.Data.Tests.Catalog;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-H1", "2025-12-02", "2026-06-01", "2025-H2", "2026-H2")]
    [InlineData("2026-H2", "2026-06-02", "2026-12-01", "2026-H1", "2027-H1")]
    [InlineData("1990-H1", "1989-12-02", "1990-06-01", "1989-H2", "1990-H2")]
    public void Periods_end_on_1_June_and_1_December_and_chain(string text, string start, string end, string previous, string next)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), (period.StartDate, period.EndDate));
        Assert.Equal((previous, next), (period.Previous.ToString(), period.Next.ToString()));
        Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void The_end_day_is_inclusive_in_Vietnam_time()
    {
        Assert.True(ReportingPeriod.TryParse("2026-H1", out var h1));

        Assert.Equal(DateTimeOffset.Parse("2026-06-01T17:00:00Z"), h1.EndsBefore);
        Assert.Equal(h1, ReportingPeriod.Containing(DateTimeOffset.Parse("2026-06-01T16:59:59Z")));
        Assert.Equal("2026-H2", ReportingPeriod.Containing(DateTimeOffset.Parse("2026-06-01T17:00:00Z")).ToString());
        Assert.Equal("2027-H1", ReportingPeriod.Containing(DateTimeOffset.Parse("2026-12-01T17:00:00Z")).ToString());
        Assert.Equal(h1.Previous.EndsBefore, h1.StartsAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-h1")]
    [InlineData("2026-H3")]
    [InlineData("2026-H0")]
    [InlineData("2026-Q1")]
    [InlineData("99999-H1")]
    [InlineData("026-H1")]
    [InlineData(" 2026-H1")]
    [InlineData("2026-H1 ")]
    [InlineData("2026 -H1")]
    [InlineData("2026–H1")]          // en dash
    [InlineData("２０２６-H1")]      // full-width digits
    [InlineData("٢٠٢٦-H1")]          // Arabic-Indic digits
    [InlineData("2026-Ｈ1")]         // full-width H
    [InlineData("2026-H1\0")]
    [InlineData("1989-H2")]          // before the earliest year
    [InlineData("2101-H1")]          // after the last
    [InlineData("-026-H1")]
    [InlineData("+026-H1")]
    public void Anything_but_the_exact_form_is_refused(string text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out _));
    }

    [Fact]
    public void Null_is_refused_and_the_message_names_the_format_in_both_languages()
    {
        Assert.False(ReportingPeriod.TryParse(null, out _));
        Assert.Contains("YYYY-H1", ReportingPeriod.InvalidMessage);
        Assert.Contains("(period must be", ReportingPeriod.InvalidMessage);
    }
}
