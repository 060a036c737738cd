using System.Text;
using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.EndToEnd.Tests.Search;

namespace Registry.EndToEnd.Tests.Exports;

/// <summary>CSV and JSON Lines exports of a search.</summary>
public sealed class ExportTests(SearchCatalogue catalogue) : IClassFixture<SearchCatalogue>
{
    [Fact]
    public async Task Csv_has_a_BOM_Vietnamese_headers_one_row_per_task_and_neutralised_formulas()
    {
        await catalogue.SeededAsync();
        var ids = await catalogue.PublishAsync([SearchSeeding.Make("=cmd|' /C calc'!A0 xuất khẩu", r => r with { Code = "XK-" + Guid.NewGuid().ToString("N")[..6] })]);
        await catalogue.Anonymous().PollAsync("/api/v1/tasks?q=calc", b => b.Count() == 1);

        var response = await catalogue.Anonymous().GetAsync("/api/v1/tasks/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã công khai,Mã số,Tên nhiệm vụ", lines[0]);
        Assert.Equal(6 + 1, lines.Length);
        var row = lines.Single(l => l.StartsWith(ids[0], StringComparison.Ordinal));
        Assert.Contains(",'=cmd|' /C calc'!A0 xuất khẩu,", row);
        var text = string.Join("\n", lines);
        Assert.DoesNotContain("@example.vn", text);
        Assert.DoesNotContain("0912345678", text);
        Assert.DoesNotContain(catalogue.WithdrawnCode, text);
        Assert.DoesNotContain(catalogue.DraftCode, text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=chè")]
    [InlineData("?field=4&sort=budget")]
    public async Task Jsonl_has_one_public_record_per_matching_task(string query)
    {
        await catalogue.SeededAsync();
        var search = await (await catalogue.Anonymous().GetAsync("/api/v1/tasks" + query + (query.Length == 0 ? "?" : "&") + "pageSize=200")).ReadJsonAsync();
        var response = await catalogue.Anonymous().GetAsync("/api/v1/tasks/export.jsonl" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(search.Count(), lines.Length);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(search.Codes(), records.Select(r => r.GetProperty("code").GetString()));
        Assert.All(records, r => Assert.False(r.TryGetProperty("securityClassification", out _)));
        Assert.All(records, r => Assert.False(r.GetProperty("principalInvestigator").TryGetProperty("email", out _)));
        Assert.DoesNotContain(lines, l => l.Contains(catalogue.WithdrawnCode));
    }

    [Fact]
    public async Task Export_refuses_bad_filters_and_paging_parameters()
    {
        await (await catalogue.Anonymous().GetAsync("/api/v1/tasks/export.csv?level=galactic")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await catalogue.Anonymous().GetAsync("/api/v1/tasks/export.jsonl?pageSize=10")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}
