using System.Text;
using Registry.Data.Import;

namespace Registry.Data.Tests.Import;

public class ImportFormatDetectorTests
{
    [Theory]
    [InlineData("nhiem-vu.xlsx", null, ImportFormat.Xlsx)]
    [InlineData("export.jsonl", null, ImportFormat.JsonLines)]
    [InlineData("Danh sách.CSV", null, ImportFormat.Csv)]
    [InlineData(null, "text/csv; charset=utf-8", ImportFormat.Csv)]
    [InlineData(null, "application/x-ndjson", ImportFormat.JsonLines)]
    [InlineData("upload", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ImportFormat.Xlsx)]
    public void From_name_or_content_type(string? name, string? type, ImportFormat expected) =>
        Assert.Equal(expected, ImportFormatDetector.FromNameOrContentType(name, type));

    [Fact]
    public void Unknown_name_and_type_say_nothing() =>
        Assert.Null(ImportFormatDetector.FromNameOrContentType("upload.bin", "application/octet-stream"));

    [Theory]
    [InlineData("PK\u0003\u0004rest", ImportFormat.Xlsx)]
    [InlineData("\n  {\"code\":\"A\"}", ImportFormat.JsonLines)]
    [InlineData("\uFEFF{\"code\":\"A\"}", ImportFormat.JsonLines)]
    [InlineData("Mã số,Tên nhiệm vụ", ImportFormat.Csv)]
    public void From_content(string head, ImportFormat expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(head));
        stream.Position = 0;
        Assert.Equal(expected, ImportFormatDetector.Detect(stream));
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData(ImportFileErrorKind.TooLarge, 413)]
    [InlineData(ImportFileErrorKind.Encoding, 415)]
    [InlineData(ImportFileErrorKind.MalformedFile, 415)]
    [InlineData(ImportFileErrorKind.UnknownColumn, 400)]
    [InlineData(ImportFileErrorKind.Empty, 400)]
    public void File_errors_suggest_the_http_status(string kind, int status) =>
        Assert.Equal(status, new ImportFileException(kind, "x").SuggestedStatusCode);
}
