using System.Text.Json;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>Small files: imported inline, the report in the response.</summary>
public sealed class ImportTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private const string Jsonl = "application/x-ndjson";

    [Fact]
    public async Task Json_lines_import_creates_tasks_and_a_second_import_is_unchanged()
    {
        var curator = await factory.CuratorAsync();
        var records = Enumerable.Range(0, 3).Select(_ => TaskRecordBuilder.Valid()).ToList();
        var file = ImportFiles.JsonLines(records);

        var first = await (await curator.PostImportAsync(file, Jsonl)).ReadJsonAsync();
        Assert.Equal(3, first.GetProperty("created").GetInt32());
        Assert.True(first.GetProperty("committed").GetBoolean());

        var again = await curator.PostImportAsync(file, "application/jsonl");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.ReadJsonAsync();
        Assert.Equal(3, second.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(records[0].Code!)}")).StatusCode);
    }

    [Fact]
    public async Task Csv_import_with_vietnamese_headers_creates_tasks()
    {
        var curator = await factory.CuratorAsync();
        var a = TaskRecordBuilder.Valid().Code!;
        var b = TaskRecordBuilder.Valid().Code!;

        var response = await curator.PostImportAsync(ImportFiles.Csv(ImportFiles.CsvRow(a, "Nhân giống chè"), ImportFiles.CsvRow(b, "Nuôi cá lồng")), "text/csv");

        var report = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var task = await (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(b)}")).ReadJsonAsync();
        Assert.Equal("Nuôi cá lồng", task.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Multipart_upload_with_a_file_part_is_accepted()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid();

        var response = await curator.PostMultipartAsync(ImportFiles.JsonLines([record]), "tasks.jsonl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Dry_run_reports_and_writes_nothing()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid();

        var report = await (await curator.PostImportAsync(ImportFiles.JsonLines([record]), Jsonl, "?dryRun=true")).ReadJsonAsync();

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(record.Code!)}")).StatusCode);
    }

    [Fact]
    public async Task One_bad_row_refuses_the_file_unless_skip_invalid()
    {
        var curator = await factory.CuratorAsync();
        var good = TaskRecordBuilder.Valid();
        var bad = TaskRecordBuilder.Valid() with { Fields = ["999"] };
        var file = ImportFiles.JsonLines([good, bad]);

        var refused = await (await curator.PostImportAsync(file, Jsonl)).ReadJsonAsync();
        Assert.False(refused.GetProperty("committed").GetBoolean());
        var rejected = refused.GetProperty("rejectedRows").EnumerateArray().Single();
        Assert.Equal(2, rejected.GetProperty("line").GetInt32());
        Assert.Equal(bad.Code, rejected.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(good.Code!)}")).StatusCode);

        var skipped = await (await curator.PostImportAsync(file, Jsonl, "?skipInvalid=true")).ReadJsonAsync();
        Assert.True(skipped.GetProperty("committed").GetBoolean());
        Assert.Equal(1, skipped.GetProperty("created").GetInt32());
        Assert.Equal(1, skipped.GetProperty("rejected").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(good.Code!)}")).StatusCode);
    }

    [Theory]
    [InlineData("Mã số,Tên nhiệm vụ,Màu yêu thích\nA-1,T,xanh\n", "text/csv", HttpStatusCode.BadRequest, "unknownColumn")]
    [InlineData("Tên nhiệm vụ\nT\n", "text/csv", HttpStatusCode.BadRequest, "missingColumn")]
    [InlineData("", "application/x-ndjson", HttpStatusCode.BadRequest, "empty")]
    [InlineData("this is not a workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", HttpStatusCode.UnsupportedMediaType, "malformedFile")]
    public async Task Malformed_files_are_import_file_problems_with_their_kind(string body, string contentType, HttpStatusCode status, string kind)
    {
        var curator = await factory.CuratorAsync();
        var problem = await (await curator.PostImportAsync(body, contentType)).AssertProblemAsync(status, $"import-file/{kind}");
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Broken_encoding_is_a_415_import_file_problem()
    {
        var curator = await factory.CuratorAsync();
        byte[] latin1 = [.. "Mã số,Tên nhiệm vụ\nA-1,"u8.ToArray(), 0xC0, 0xC1, 0xFE, (byte)'\n'];
        await (await curator.PostImportBytesAsync(latin1, "text/csv")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "import-file/encoding");
    }

    [Fact]
    public async Task Unsupported_content_type_is_415()
    {
        var curator = await factory.CuratorAsync();
        await (await curator.PostImportAsync("<xml/>", "application/xml")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Multipart_without_a_file_part_is_a_validation_problem()
    {
        var curator = await factory.CuratorAsync();
        var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var problem = await (await curator.PostAsync("/api/v1/imports", form)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Imports_need_a_curator_key()
    {
        var response = await factory.Anonymous().PostImportAsync("{}", Jsonl);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Unknown_import_job_is_404()
    {
        var curator = await factory.CuratorAsync();
        await (await curator.GetAsync("/api/v1/imports/jnothing")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        _ = JsonValueKind.Null;
    }
}
