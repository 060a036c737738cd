using Registry.Api.Coverage;
using Registry.Data.Catalog;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.EndToEnd.Tests.Coverage;

/// <summary>The workbook writer with text no store should hold but a spreadsheet must survive anyway.</summary>
public sealed class CoverageWorkbookTests
{
    private static CoveragePeriodReport Report(params string[] titles)
    {
        Assert.True(ReportingPeriod.TryParse("2026-H1", out var period));
        var figures = new CoverageFigures(3, 2, 1, 66.7, 33.3, 50.0, 0);
        var row = new CoverageAgencyRow("Sở \u0007Khoa học", figures, new CoverageFigures(0, 0, 0, 0, 0, 0, 0), new CoverageChange(3, 2, 1, 66.7, 33.3));
        var gaps = titles.Select((t, i) => new CoverageGap($"t00000000000{i}", $"C-{i}", t, "Sở Khoa học", 2026, TaskStatus.Accepted, DateTimeOffset.UnixEpoch)).ToList();
        return new CoveragePeriodReport(period, period.EndsBefore, false, period.EndsBefore, period.Previous.EndsBefore, [row], row,
            new CoverageGapList(gaps.Count, gaps), new CoverageGapList(0, []));
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_are_dropped_and_the_file_still_validates_and_reads()
    {
        var bytes = CoverageReportWorkbook.Write(Report("Tên\u0001 lỗi\u001F", "nửa \uD800 cặp", "đảo \uDC00\uD800 ngược", "emoji 🍵 giữ nguyên", "\uFFFEkhông"),
            new CoverageReportLinks("https://example.org", ReportingPeriod.Containing(DateTimeOffset.Parse("2026-03-01T00:00:00Z"))));

        Assert.Empty(XlsxReadBack.ValidationErrors(bytes));
        var sheets = XlsxReadBack.Read(bytes);
        Assert.Equal(["Tên lỗi", "nửa  cặp", "đảo  ngược", "emoji 🍵 giữ nguyên", "không"], sheets[1].Rows.Skip(1).Select(r => r[1]));
        Assert.Equal("Sở Khoa học", sheets[0].Rows[1][0]);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    public void A_title_that_looks_like_a_formula_is_stored_and_read_as_that_text(string title)
    {
        var bytes = CoverageReportWorkbook.Write(Report(title), new CoverageReportLinks("https://example.org", ReportingPeriod.Containing(DateTimeOffset.UnixEpoch.AddYears(40))));

        Assert.Equal(title, XlsxReadBack.Read(bytes)[1].Rows[1][1]);
        Assert.DoesNotContain("<x:f>", System.Text.Encoding.UTF8.GetString(Unzip(bytes, "xl/worksheets/")));
        Assert.DoesNotContain("<f>", System.Text.Encoding.UTF8.GetString(Unzip(bytes, "xl/worksheets/")));
    }

    [Fact]
    public void Shares_are_fractions_with_a_percentage_format_and_the_header_row_is_frozen()
    {
        var bytes = CoverageReportWorkbook.Write(Report("x"), new CoverageReportLinks("https://example.org", ReportingPeriod.Containing(DateTimeOffset.UnixEpoch.AddYears(40))));

        Assert.Equal(0.333, (double)XlsxReadBack.Read(bytes)[0].Rows[1][5]!, 6);
        var sheetXml = System.Text.Encoding.UTF8.GetString(Unzip(bytes, "xl/worksheets/"));
        Assert.Contains("state=\"frozen\"", sheetXml);
        var styles = System.Text.Encoding.UTF8.GetString(Unzip(bytes, "xl/styles.xml"));
        Assert.Contains("formatCode=\"0.0%\"", styles);
    }

    [Theory]
    [InlineData(0, 1u, "A1")]
    [InlineData(25, 2u, "Z2")]
    [InlineData(26, 3u, "AA3")]
    [InlineData(701, 4u, "ZZ4")]
    [InlineData(702, 5u, "AAA5")]
    public void Cell_references_count_columns_in_letters(int column, uint row, string expected) =>
        Assert.Equal(expected, XlsxSheetWriter.Reference(column, row));

    private static byte[] Unzip(byte[] xlsx, string prefix)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        using var all = new MemoryStream();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var s = entry.Open();
            s.CopyTo(all);
        }
        return all.ToArray();
    }
}
