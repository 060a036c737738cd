using System.Text.Json;
using Registry.Data.Records;
using Registry.Data.Tests.Import;
using Registry.Data.Tests.Infrastructure;

namespace Registry.Data.Tests.Declarations;

/// <summary>What the CSV export writes (the exported columns of the declarations) the import reads back.</summary>
public sealed class SpreadsheetRoundTripTests
{
    [Fact]
    public async Task An_exported_row_imports_back_to_the_same_record()
    {
        var record = TaskRecordProjection.ForPublic(TestRecords.Valid()) with
        {
            Id = "t0123456789ab",
            Acceptance = new AcceptanceRecord { Date = new DateOnly(2025, 12, 20), Rating = AcceptanceRating.Excellent },
            ResultRegistration = new ResultRegistrationRecord { CertificateNumber = "12/2026/KQNV-PT", Date = new DateOnly(2026, 1, 9) },
            Results = "Quy trình được áp dụng tại 3 xã.",
            ApplicationPotential = "Chuyển giao cho hợp tác xã chè.",
            Coverage =
            [
                new CoverageRecord { Date = new DateOnly(2026, 1, 20), Kind = CoverageKind.Press, Outlet = "Báo Phú Thọ", Url = "https://baophutho.vn/tin;id=1?a=1;b=2", Title = "Giống chè | mới" },
                new CoverageRecord { Date = new DateOnly(2026, 1, 25), Kind = CoverageKind.SocialNetwork, Url = "https://facebook.com/sokhcnphutho/posts/2" },
            ],
            PublishedAt = new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero),
        };
        var exported = RecordFields.Columns.Where(c => c.Exported).ToList();
        var csv = Line(exported.Select(c => c.Header)) + "\n" + Line(exported.Select(c => c.Write(record)));

        var row = Assert.Single(await ImportTestData.CsvAsync(csv));

        Assert.Empty(row.Errors);
        // Read-only values and outputs are not taken from a spreadsheet; everything else comes back as it was.
        var expected = record with { Id = null, Outputs = null, PublishedAt = null, UpdatedAt = null };
        Assert.Equal(Json(expected), Json(row.Record!));
    }

    [Fact]
    public void Choice_cells_are_written_with_the_Vietnamese_label()
    {
        var record = TestRecords.Valid() with { Acceptance = new AcceptanceRecord { Rating = AcceptanceRating.Passed } };
        Assert.Equal("Cấp tỉnh", RecordFields.Level.Columns[0].Write(record));
        Assert.Equal("Đạt", AcceptanceFields.Rating.Columns[0].Write(record));
        Assert.Equal("ThS. Trần Thị Bình (Thư ký); TS. Lê Văn Cường (Thành viên)", RecordFields.Members.Columns[0].Write(record));
    }

    private static string Line(IEnumerable<string?> cells) =>
        string.Join(",", cells.Select(c => "\"" + (c ?? "").Replace("\"", "\"\"") + "\""));

    private static string Json(TaskRecord record) => JsonSerializer.Serialize(record, RegistryJson.Options);
}
