using Registry.Data;
using System.Globalization;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Coverage;

/// <summary>Addresses of one report and of what it links to, absolute from the public base URL.</summary>
public sealed record CoverageReportLinks(string BaseUrl, ReportingPeriod Period)
{
    public string Json => $"{BaseUrl}/api/v1/coverage/reports/{Period}";
    public string Xlsx => $"{Json}.xlsx";
    public string Page => $"{BaseUrl}/stats/report/{Period}";
    public string Gaps(CoverageGapKind kind) => $"{BaseUrl}/api/v1/coverage/gaps?kind={CoverageReportText.Key(kind)}&period={Period}";
    public string TaskPage(string id) => Feeds.PublicUrls.TaskPage(BaseUrl, id);
}

/// <summary>The report's definitions and notes, written once for the .xlsx "Ghi chú" sheet and the printable page.</summary>
public static class CoverageReportText
{
    public static readonly Label UnknownAgency = new("(không ghi cơ quan quản lý)", "(no managing agency recorded)");

    public static string Key(CoverageGapKind kind) => kind switch
    {
        CoverageGapKind.NotCommunicated => "notCommunicated",
        CoverageGapKind.NoResults => "noResults",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static readonly IReadOnlyList<(Label Term, Label Definition)> Definitions =
    [
        (new("Đã đăng ký", "Registered"), new(
            "Nhiệm vụ đã nhập vào cơ sở dữ liệu trước thời điểm số liệu và chưa bị rút tại thời điểm đó (gồm cả bản nháp). Nhiệm vụ thuộc danh mục bí mật nhà nước không được nhập nên không được tính.",
            "Tasks entered before the as-of instant and not withdrawn by then, drafts included. State-secret tasks are never entered, so they are never counted.")),
        (new("Đã công bố", "Published"), new(
            "Nhiệm vụ đã đăng ký và được công bố công khai trước thời điểm số liệu, chưa bị rút tại thời điểm đó.",
            "Registered tasks made public before the as-of instant and not withdrawn by then.")),
        (new("Đã truyền thông", "Communicated"), new(
            "Nhiệm vụ đã công bố có ít nhất một tin, bài hoặc hoạt động truyền thông (báo chí, phát thanh, truyền hình, cổng thông tin, mạng xã hội, sự kiện) đề ngày đến hết ngày cuối kỳ.",
            "Published tasks with at least one coverage item (press, radio, television, portal, social network, event) dated on or before the period's last day.")),
        (new("Tỷ lệ truyền thông", "Share communicated"), new(
            "Đã truyền thông / đã đăng ký: chỉ tiêu \"100% nhiệm vụ được công bố và truyền thông\". Tỷ lệ trên số đã công bố được ghi kèm để thấy phần việc truyền thông còn lại.",
            "Communicated / registered: the KPI \"every task published and communicated\". The share of published tasks is given too, to show the communication work left.")),
        (new("Đã xong, chưa có kết quả", "Finished, no results"), new(
            "Nhiệm vụ đã công bố ở tình trạng đã nghiệm thu, đã đăng ký kết quả hoặc đã ứng dụng nhưng chưa ghi kết quả (theo dữ liệu hiện tại).",
            "Published tasks accepted, results-registered or applied without results recorded (as the registry knows them today).")),
        (new("Thay đổi", "Change"), new(
            "Số liệu kỳ này trừ số liệu tại cuối kỳ trước; tỷ lệ tính bằng điểm phần trăm.",
            "This period's figures minus those at the end of the previous period; shares in percentage points.")),
    ];

    public static readonly IReadOnlyList<Label> Limits =
    [
        new("Số liệu của kỳ đã qua được tính lại từ dữ liệu hiện có: tin, bài được ghi nhận muộn nhưng đề ngày trong kỳ vẫn được tính cho kỳ đó; nhiệm vụ bị rút rồi công bố lại được coi như chưa từng bị rút; nhiệm vụ chuyển về bản nháp được coi như chưa công bố.",
            "Past periods are recomputed from what the registry holds today: coverage recorded late but dated within a period counts for it; a task withdrawn and published again counts as never withdrawn; a task put back to draft counts as never published."),
        new("Danh sách chỉ gồm nhiệm vụ đang công khai; nhiệm vụ đã rút vẫn được tính trong số liệu của kỳ nó còn công khai nhưng không được liệt kê.",
            "Lists hold tasks public today; a task withdrawn since still counts in the figures of periods it was public in, but is not listed."),
    ];

    /// <summary>The "Ghi chú" rows: label, value.</summary>
    public static IEnumerable<(string Label, string Text)> Notes(CoveragePeriodReport report, CoverageReportLinks links)
    {
        yield return ("Kỳ báo cáo", $"{report.Period} (từ {Day(report.Period.StartDate)} đến hết {Day(report.Period.EndDate)}, giờ Việt Nam UTC+7)");
        yield return ("Số liệu tại thời điểm", Instant(report.AsOf) + (report.Provisional ? " — TẠM TÍNH: kỳ chưa kết thúc, số liệu sẽ còn thay đổi" : ""));
        yield return ("Kỳ trước", $"{report.Period.Previous} (số liệu tại {Instant(report.PreviousAsOf)})");
        yield return ("Lập lúc", Instant(report.GeneratedAt));
        yield return ("Chưa truyền thông", Listed(report.NotCommunicated, links.Gaps(CoverageGapKind.NotCommunicated)));
        yield return ("Chưa có kết quả", Listed(report.NoResults, links.Gaps(CoverageGapKind.NoResults)));
        foreach (var (term, definition) in Definitions) yield return (term.Vi, definition.Vi);
        foreach (var limit in Limits) yield return ("Giới hạn", limit.Vi);
        yield return ("Nguồn (JSON)", links.Json);
        yield return ("Trang in", links.Page);
    }

    private static string Listed(CoverageGapList list, string url) => list.Truncated
        ? $"{list.Count} nhiệm vụ; bảng này liệt kê {list.Items.Count} nhiệm vụ đầu (theo mã số), danh sách đầy đủ: {url}"
        : $"{list.Count} nhiệm vụ; danh sách: {url}";

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An instant in Vietnam time, e.g. "02/06/2026 00:00 (UTC+7)".</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC+7)";
}
