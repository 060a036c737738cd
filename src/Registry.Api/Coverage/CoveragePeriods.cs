using Registry.Data.Catalog;

namespace Registry.Api.Coverage;

/// <summary>Reads a period as every surface takes it (REST path and query, GraphQL, pages): one set of rules, one message.</summary>
public static class CoveragePeriods
{
    /// <summary>The period, or the message saying what would have been valid: the exact form, and not a period that has not begun.</summary>
    public static bool TryRead(string? text, DateTimeOffset now, out ReportingPeriod period, out string error)
    {
        error = "";
        if (!ReportingPeriod.TryParse(text, out period))
        {
            error = ReportingPeriod.InvalidMessage;
            return false;
        }
        var current = ReportingPeriod.Containing(now);
        if (period.CompareTo(current) > 0)
        {
            error = $"Kỳ báo cáo {period} chưa bắt đầu; kỳ hiện tại là {current} " +
                    $"(period {period} has not begun; the current period is {current})";
            return false;
        }
        return true;
    }
}
