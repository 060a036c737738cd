using System.Text.Json;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.GraphQL;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Persistent identifiers (ROR, ORCID, funder, typed output identifiers) through every write path of the host:
/// REST create/update, JSON Lines and CSV import, GraphQL mutations. Pasted forms come back canonical; a wrong
/// check digit is a 400 validation problem naming the field, Vietnamese first.
/// </summary>
public sealed class IdentifierTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private const string Jsonl = "application/x-ndjson";

    private static TaskRecord Pasted() => TaskRecordBuilder.Valid() is var r ? r with
    {
        Funder = new FunderRecord { Name = "Quỹ Phát triển khoa học và công nghệ Quốc gia", Identifier = "10.13039/100007224" },
        HostOrganization = r.HostOrganization! with { Name = "Viện Nghiên cứu Chè " + Guid.NewGuid().ToString("N")[..6], Ror = "ror.org/02jx3x895" },
        PrincipalInvestigator = r.PrincipalInvestigator! with { Orcid = "0000000218250097" },
        Outputs =
        [
            new OutputRecord { Type = OutputType.Publication, Title = "Bài báo", Identifier = "https://doi.org/10.31276/VJST.64(2).01", IdentifierType = OutputIdentifierType.Doi },
            new OutputRecord { Type = OutputType.Patent, Title = "Sáng chế", Identifier = "VN 1-0012345", IdentifierType = OutputIdentifierType.Patent },
        ],
    } : throw new InvalidOperationException();

    private static void AssertCanonical(JsonElement task)
    {
        Assert.Equal("https://doi.org/10.13039/100007224", task.GetProperty("funder").GetProperty("identifier").GetString());
        Assert.Equal("https://ror.org/02jx3x895", task.GetProperty("hostOrganization").GetProperty("ror").GetString());
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", task.GetProperty("principalInvestigator").GetProperty("orcid").GetString());
        var outputs = task.GetProperty("outputs").EnumerateArray().Select(o => (o.GetProperty("identifierType").GetString(), o.GetProperty("identifier").GetString()));
        Assert.Equal([("doi", "10.31276/VJST.64(2).01"), ("patent", "1-0012345")], outputs);
    }

    [Fact]
    public async Task Rest_create_stores_canonical_forms_and_a_put_of_the_pasted_forms_is_unchanged()
    {
        var curator = await factory.CuratorAsync();
        var record = Pasted();

        var created = await curator.PostRecordAsync("/api/v1/tasks", record);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        AssertCanonical(body.GetProperty("task"));

        var id = body.GetProperty("task").GetProperty("id").GetString()!;
        var again = await curator.PutRecordAsync($"/api/v1/tasks/{id}", record, created.Headers.ETag!.Tag);
        Assert.Equal("unchanged", (await again.ReadAsync<TaskWriteResponse>()).Outcome);
        AssertCanonical(await (await curator.GetAsync($"/api/v1/tasks/{id}")).ReadJsonAsync());
    }

    [Fact]
    public async Task Rest_refuses_a_mistyped_orcid_with_a_validation_problem_naming_the_field()
    {
        var curator = await factory.CuratorAsync();
        var record = Pasted() with { Members = [new PersonRecord { Name = "Trần Thị Bình", Orcid = "0000-0002-1825-0098" }] };

        var problem = await (await curator.PostRecordAsync("/api/v1/tasks", record)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var message = problem.GetProperty("errors").GetProperty("members[0].orcid")[0].GetString()!;
        Assert.StartsWith("ORCID sai chữ số kiểm tra", message);
        Assert.Contains("check digits do not match", message);
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(record.Code!)}")).StatusCode);
    }

    [Fact]
    public async Task Json_lines_import_normalises_identifiers_and_rejects_a_bad_one_by_line_and_path()
    {
        var curator = await factory.CuratorAsync();
        var good = Pasted();
        var bad = Pasted() with { HostOrganization = good.HostOrganization! with { Name = "Trường Đại học Hùng Vương", Ror = "02jx3x896" } };

        var refused = await (await curator.PostImportAsync(ImportFiles.JsonLines([good, bad]), Jsonl)).ReadJsonAsync();
        Assert.False(refused.GetProperty("committed").GetBoolean());
        var rejected = refused.GetProperty("rejectedRows").EnumerateArray().Single();
        Assert.Equal(2, rejected.GetProperty("line").GetInt32());
        Assert.Contains("hostOrganization.ror", rejected.GetRawText());

        var imported = await (await curator.PostImportAsync(ImportFiles.JsonLines([good]), Jsonl)).ReadJsonAsync();
        Assert.Equal(1, imported.GetProperty("created").GetInt32());
        AssertCanonical(await (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(good.Code!)}")).ReadJsonAsync());
    }

    [Fact]
    public async Task Csv_import_reads_the_vietnamese_identifier_columns()
    {
        var curator = await factory.CuratorAsync();
        var code = TaskRecordBuilder.Valid().Code!;
        var csv = ImportFiles.CsvHeader + ",Mã ROR tổ chức chủ trì,Thành viên,Mã định danh đơn vị cấp kinh phí,Đơn vị cấp kinh phí\n" +
                  ImportFiles.CsvRow(code, "Nhân giống chè").Replace("Trường Đại học Hùng Vương", "Viện Chè " + Guid.NewGuid().ToString("N")[..6]) +
                  ",https://ror.org/02JX3X895,\"ThS. Lê Văn Cường (thư ký) [0000-0002-1694-233x]\",https://ror.org/01ggx4157,CERN\n";

        var report = await (await curator.PostImportAsync(csv, "text/csv")).ReadJsonAsync();

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var task = await (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(code)}")).ReadJsonAsync();
        Assert.Equal("https://ror.org/02jx3x895", task.GetProperty("hostOrganization").GetProperty("ror").GetString());
        Assert.Equal("https://orcid.org/0000-0002-1694-233X", task.GetProperty("members")[0].GetProperty("orcid").GetString());
        Assert.Equal("https://ror.org/01ggx4157", task.GetProperty("funder").GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task Graphql_mutations_take_and_return_identifiers_and_name_a_bad_one_by_its_input_path()
    {
        var curator = await factory.CuratorAsync();
        const string create = "mutation($input: TaskInput!) { createTask(input: $input) { task { funder { name identifier } hostOrganization { ror } " +
                              "principalInvestigator { orcid } outputs { identifierType identifier } } } }";
        object Input(string orcid) => new
        {
            code = "ĐT-GQL-ID-" + Guid.NewGuid().ToString("N")[..8],
            title = "Nghiên cứu định danh",
            kind = "researchProject", level = "provincial", fields = new[] { "401" }, status = "inProgress",
            funder = new { name = "Quỹ NAFOSTED", identifier = "doi:10.13039/100007224" },
            hostOrganization = new { name = "Viện Chè " + Guid.NewGuid().ToString("N")[..6], ror = "02jx3x895" },
            principalInvestigator = new { name = "Nguyễn Văn An", orcid },
            outputs = new[] { new { title = "Sách", identifierType = "isbn", identifier = "978-3-16-148410-0" } },
        };

        var ok = await GraphQLApiFactory.PostAsync(curator, create, new { input = Input("0000-0002-1825-0097") });
        Assert.DoesNotContain("\"errors\"", ok.Body);
        var task = ok.Json.GetProperty("data").GetProperty("createTask").GetProperty("task");
        Assert.Equal("https://doi.org/10.13039/100007224", task.GetProperty("funder").GetProperty("identifier").GetString());
        Assert.Equal("https://ror.org/02jx3x895", task.GetProperty("hostOrganization").GetProperty("ror").GetString());
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", task.GetProperty("principalInvestigator").GetProperty("orcid").GetString());
        Assert.Equal("isbn", task.GetProperty("outputs")[0].GetProperty("identifierType").GetString());
        Assert.Equal("9783161484100", task.GetProperty("outputs")[0].GetProperty("identifier").GetString());

        var bad = await GraphQLApiFactory.PostAsync(curator, create, new { input = Input("0000-0002-1825-0096") });
        Assert.Contains("input.principalInvestigator.orcid", bad.Body);
        Assert.Contains("ORCID sai chữ số kiểm tra", bad.Body);
    }
}
