using Registry.Data;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Registry.Data.Catalog;
using Registry.Data.Records;
using static Registry.Api.Coverage.XlsxCell;

namespace Registry.Api.Coverage;

/// <summary>
/// The semi-annual report as an .xlsx: "Tổng hợp" (per agency), "Chưa truyền thông" and "Chưa có kết quả" (the gap
/// lists), "Ghi chú" (period, as-of, definitions, source). Shares are stored as fractions with a percentage format.
/// </summary>
public static class CoverageReportWorkbook
{
    public const string SummarySheet = "Tổng hợp";
    public const string NotCommunicatedSheet = "Chưa truyền thông";
    public const string NoResultsSheet = "Chưa có kết quả";
    public const string NotesSheet = "Ghi chú";

    public static readonly string[] SummaryHeaders =
    [
        "Cơ quan quản lý", "Đã đăng ký", "Đã công bố", "Đã truyền thông", "Tỷ lệ công bố", "Tỷ lệ truyền thông (trên số đăng ký)",
        "Tỷ lệ truyền thông (trên số công bố)", "Đã xong, chưa có kết quả", "Đăng ký kỳ trước", "Công bố kỳ trước", "Truyền thông kỳ trước",
        "Thay đổi đăng ký", "Thay đổi công bố", "Thay đổi truyền thông", "Thay đổi tỷ lệ truyền thông (điểm %)",
    ];

    public static readonly string[] GapHeaders = ["Mã số", "Tên nhiệm vụ", "Cơ quan quản lý", "Năm báo cáo", "Tình trạng", "Ngày công bố", "Liên kết"];

    public static byte[] Write(CoveragePeriodReport report, CoverageReportLinks links)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = XlsxSheetWriter.Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            XlsxSheetWriter.AddSheet(workbook, sheets, SummarySheet, [44, 12, 12, 14, 12, 18, 18, 16, 14, 14, 14, 12, 12, 14, 18], Summary(report));
            XlsxSheetWriter.AddSheet(workbook, sheets, NotCommunicatedSheet, GapWidths, Gaps(report.NotCommunicated, links));
            XlsxSheetWriter.AddSheet(workbook, sheets, NoResultsSheet, GapWidths, Gaps(report.NoResults, links));
            XlsxSheetWriter.AddSheet(workbook, sheets, NotesSheet, [36, 100], Notes(report, links));
            document.PackageProperties.Title = $"Báo cáo công bố và truyền thông nhiệm vụ KH&CN {report.Period}";
            document.PackageProperties.Creator = "Registry";
        }
        return stream.ToArray();
    }

    private static readonly double[] GapWidths = [22, 70, 40, 12, 18, 14, 48];

    private static IEnumerable<IReadOnlyList<XlsxCell>> Summary(CoveragePeriodReport report)
    {
        yield return SummaryHeaders.Select(h => Of(h, XlsxStyle.Header)).ToList();
        foreach (var row in report.Rows) yield return SummaryRow(row.ManagingAgency ?? CoverageReportText.UnknownAgency.Vi, row, XlsxStyle.Text);
        yield return SummaryRow("Tổng cộng", report.Totals, XlsxStyle.Bold);
    }

    private static List<XlsxCell> SummaryRow(string agency, CoverageAgencyRow row, XlsxStyle labelStyle) =>
    [
        Of(agency, labelStyle),
        Of(row.Figures.Registered, XlsxStyle.Integer), Of(row.Figures.Published, XlsxStyle.Integer), Of(row.Figures.Communicated, XlsxStyle.Integer),
        Of(row.Figures.SharePublished / 100, XlsxStyle.Percent), Of(row.Figures.ShareCommunicated / 100, XlsxStyle.Percent),
        Of(row.Figures.ShareCommunicatedOfPublished / 100, XlsxStyle.Percent), Of(row.Figures.FinishedMissingResults, XlsxStyle.Integer),
        Of(row.Previous.Registered, XlsxStyle.Integer), Of(row.Previous.Published, XlsxStyle.Integer), Of(row.Previous.Communicated, XlsxStyle.Integer),
        Of(row.Change.Registered, XlsxStyle.SignedInteger), Of(row.Change.Published, XlsxStyle.SignedInteger),
        Of(row.Change.Communicated, XlsxStyle.SignedInteger), Of(row.Change.ShareCommunicated, XlsxStyle.SignedPoints),
    ];

    private static IEnumerable<IReadOnlyList<XlsxCell>> Gaps(CoverageGapList list, CoverageReportLinks links)
    {
        yield return GapHeaders.Select(h => Of(h, XlsxStyle.Header)).ToList();
        foreach (var gap in list.Items)
        {
            yield return
            [
                Of(gap.Code), Of(gap.Title), Of(gap.ManagingAgency ?? CoverageReportText.UnknownAgency.Vi),
                Of(gap.Year, XlsxStyle.Text), Of(EnumLabels.Status.Of(gap.Status).Vi),
                Of(gap.PublishedAt is { } at ? at.ToOffset(VietnamTime.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
                Of(links.TaskPage(gap.Id)),
            ];
        }
    }

    private static IEnumerable<IReadOnlyList<XlsxCell>> Notes(CoveragePeriodReport report, CoverageReportLinks links)
    {
        yield return [Of("Mục", XlsxStyle.Header), Of("Nội dung", XlsxStyle.Header)];
        foreach (var (label, text) in CoverageReportText.Notes(report, links))
        {
            yield return [Of(label, XlsxStyle.Bold), Of(text, XlsxStyle.Wrapped)];
        }
    }
}
