using System.Text;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.Data.Tests.Import.RawXlsx;

namespace Registry.EndToEnd.Tests.Imports;

/// <summary>
/// Hostile uploads through the real host, run inline (threshold 8 MB): each is answered with a clear 4xx problem,
/// stores nothing, leaves no upload on disk, and the service keeps answering.
/// </summary>
public sealed class HostileUploadTests(HostileUploadTests.InlineFactory factory) : IClassFixture<HostileUploadTests.InlineFactory>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed class InlineFactory : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:Imports:InlineMaxBytes"] = (8 * 1024 * 1024).ToString(),
        };
    }

    [Fact]
    public async Task Top_secret_cell_written_after_the_rest_of_its_row_is_refused_as_a_state_secret()
    {
        var curator = await factory.CuratorAsync();
        var marker = $"BIMAT-{Guid.NewGuid():N}";
        using var book = Build(Header + Row(2, ("C2", "Tuyệt mật"), ("A2", marker), ("B2", $"Tên {marker}")));

        var response = await curator.PostImportBytesAsync(book.ToArray(), XlsxType);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");
        Assert.DoesNotContain(marker, problem.GetRawText());
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(marker)); // before the lookup below logs its URL
        AssertNoUploadsLeft();
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{marker}")).StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode, string> Workbooks => new()
    {
        { "nested 200,000 deep", Header + "<row r=\"2\">" + Repeat("<x>", 200_000) + "</row>", HttpStatusCode.RequestEntityTooLarge, "tooLarge" },
        { "column ZZZZZ", Header + Row(2, ("A2", "A-1"), ("ZZZZZ2", "x")), HttpStatusCode.UnsupportedMediaType, "malformedFile" },
        { "column XFE", Header + Row(2, ("A2", "A-1"), ("XFE2", "x")), HttpStatusCode.UnsupportedMediaType, "malformedFile" },
        { "row 2,000,000", Header + Row(2_000_000, ("A2000000", "A-1")), HttpStatusCode.UnsupportedMediaType, "malformedFile" },
        { "reference twice", Header + Row(2, ("A2", "A-1"), ("C2", "Tuyệt mật"), ("C2", "Không")), HttpStatusCode.UnsupportedMediaType, "malformedFile" },
        { "formula classification", Header + "<row r=\"2\">" + Cell("A2", "A-1") + "<c r=\"C2\" t=\"str\"><f>\"Không\"</f><v>Không</v></c></row>", HttpStatusCode.BadRequest, "formula" },
    };

    [Theory]
    [MemberData(nameof(Workbooks))]
    public async Task Hostile_workbook_is_a_clear_file_problem_and_the_service_carries_on(string what, string sheetData, HttpStatusCode status, string kind)
    {
        var curator = await factory.CuratorAsync();
        using var book = Build(sheetData);

        var response = await curator.PostImportBytesAsync(book.ToArray(), XlsxType);

        var problem = await response.AssertProblemAsync(status, $"import-file/{kind}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
        AssertNoUploadsLeft();
    }

    [Fact]
    public async Task Workbook_with_a_dtd_is_refused()
    {
        var curator = await factory.CuratorAsync();
        using var book = BuildParts(new Dictionary<string, string>
        {
            ["xl/worksheets/sheet1.xml"] = $"<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet xmlns=\"{Main}\"><sheetData>{Header}{Row(2, ("A2", "&b;"))}</sheetData></worksheet>",
        });

        var response = await curator.PostImportBytesAsync(book.ToArray(), XlsxType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "import-file/malformedFile");
    }

    [Fact]
    public async Task Csv_header_of_a_million_empty_cells_is_413()
    {
        var curator = await factory.CuratorAsync();

        var response = await curator.PostImportAsync("Mã số,Tên nhiệm vụ" + new string(',', 1_000_000) + "\n", "text/csv");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import-file/tooLarge");
        AssertNoUploadsLeft();
    }

    [Fact]
    public async Task Csv_with_an_unterminated_quote_is_413_naming_the_row()
    {
        var curator = await factory.CuratorAsync();
        var body = new StringBuilder("Mã số,Tên nhiệm vụ\nA-1,\"Gốm\n");
        // Under the inline row threshold, past the 32,767-character cell limit.
        for (var i = 0; i < 1500; i++) body.Append("A-").Append(i).Append(",Tên nhiệm vụ khá dài để tệp vượt giới hạn\n");

        var response = await curator.PostImportAsync(body.ToString(), "text/csv");

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import-file/tooLarge");
        Assert.Contains("row 2", problem.GetProperty("detail").GetString());
    }

    private void AssertNoUploadsLeft()
    {
        var folder = Path.Combine(factory.DataDirectory, "imports");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "an upload was left on disk");
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
