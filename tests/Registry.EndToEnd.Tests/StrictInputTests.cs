using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Registry.Api.Cli;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>Duplicate and unknown properties, text hygiene on write, withdrawal only with a reason, API key names.</summary>
public sealed class StrictInputTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private static string Body(TaskRecord record, string extra) => JsonSerializer.Serialize(record, RegistryJson.Options)[..^1] + extra + "}";

    [Theory]
    [InlineData(",\"Code\":\"X-1\"", "Code", "duplicate property")]
    [InlineData(",\"TITLE\":\"x\"", "TITLE", "duplicate property")]
    [InlineData(",\"colour\":\"red\"", "colour", "unknown property")]
    [InlineData(",\"budget\":{\"totalVnd\":1,\"TotalVnd\":2}", "budget.TotalVnd", "duplicate property")]
    [InlineData(",\"members\":[{\"name\":\"A\",\"age\":40}]", "members[0].age", "unknown property")]
    public async Task Create_refuses_duplicate_and_unknown_properties_naming_their_path(string extra, string path, string what)
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid() with { Budget = null, Members = null };

        var problem = await (await curator.PostRawAsync("/api/v1/tasks", Body(record, extra))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Contains(what, problem.GetProperty("errors").GetProperty(path)[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(record.Code!)}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"reason\":\"a\",\"Reason\":\"b\"}", "Reason")]
    [InlineData("{\"reason\":\"a\",\"force\":true}", "force")]
    public async Task Withdraw_body_is_read_strictly_too(string body, string path)
    {
        var curator = await factory.CuratorAsync();
        var task = (await (await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid())).ReadAsync<TaskWriteResponse>()).Task;

        var problem = await (await curator.PostRawAsync($"/api/v1/tasks/{task.Id}/withdraw", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(path, out _));
    }

    [Fact]
    public async Task Control_characters_are_normalised_on_write_and_feeds_and_exports_stay_well_formed()
    {
        var curator = await factory.CuratorAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var record = TaskRecordBuilder.Valid() with
        {
            Title = $"Chè\u000B{marker}\u0000 xanh\uFFFE", Summary = "Dòng một\fDòng hai\u0007\uFFFF",
            HostOrganization = new OrganizationRef { Name = $"Viện\u0001 {marker}" }, Keywords = ["chè\u001F"],
        };
        var created = await curator.PostRecordAsync("/api/v1/tasks", record);
        var task = (await created.ReadAsync<TaskWriteResponse>()).Task;
        Assert.Equal($"Chè\n{marker} xanh", task.Title);
        Assert.Equal("Dòng một\nDòng hai", task.Summary);
        Assert.Equal($"Viện {marker}", task.HostOrganization!.Name);
        Assert.Equal(["chè"], task.Keywords);
        Assert.Equal(HttpStatusCode.OK, (await curator.PostAsync($"/api/v1/tasks/{task.Id}/publish", null)).StatusCode);

        var atom = await factory.Anonymous().GetAsync($"/feeds/tasks.atom?q={marker}");
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        XDocument.Parse(await atom.Content.ReadAsStringAsync());
        var csv = await factory.Anonymous().GetAsync("/api/v1/tasks/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.DoesNotContain((await csv.Content.ReadAsStringAsync()).ToCharArray(), c => c < ' ' && c is not ('\t' or '\n' or '\r'));
    }

    [Fact]
    public async Task Put_cannot_withdraw_without_the_reason_and_points_to_the_withdraw_operation()
    {
        var curator = await factory.CuratorAsync();
        var created = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        var task = (await created.ReadAsync<TaskWriteResponse>()).Task;

        var put = await curator.PutRecordAsync($"/api/v1/tasks/{task.Id}", task with { Visibility = Visibility.Withdrawn }, created.Headers.ETag!.Tag);

        var problem = await put.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("/withdraw", problem.GetProperty("errors").GetProperty("visibility")[0].GetString());
        Assert.Equal(Visibility.Draft, (await (await curator.GetAsync($"/api/v1/tasks/{task.Id}")).ReadAsync<TaskRecord>()).Visibility);
        Assert.Equal(HttpStatusCode.BadRequest, (await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid() with { Visibility = Visibility.Withdrawn })).StatusCode);
    }

    [Fact]
    public async Task Import_rows_cannot_withdraw_either()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid() with { Visibility = Visibility.Withdrawn };

        var report = await (await curator.PostImportAsync(ImportFiles.JsonLines([record]), "application/x-ndjson", "?skipInvalid=true")).ReadJsonAsync();

        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Contains("/withdraw", report.GetProperty("rejectedRows")[0].GetProperty("reasons")[0].GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("có dấu")]
    [InlineData("two words")]
    [InlineData("-leading-dash")]
    [InlineData("tab\tname")]
    [InlineData("nul\u0000name")]
    [InlineData("a/b")]
    public async Task Api_key_names_outside_the_rule_are_400(string name)
    {
        var problem = await (await factory.Admin().PostAsJsonAsync("/api/v1/apikeys", new { name, role = "curator" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Contains("1–64", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Api_key_names_are_limited_unique_and_checked_by_the_command_line_too()
    {
        var tooLong = new string('k', 65);
        await (await factory.Admin().PostAsJsonAsync("/api/v1/apikeys", new { name = tooLong, role = "curator" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var name = $"so-khcn.{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await factory.Admin().PostAsJsonAsync("/api/v1/apikeys", new { name, role = "curator" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.Admin().PostAsJsonAsync("/api/v1/apikeys", new { name = name.ToUpperInvariant(), role = "curator" })).StatusCode);

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await RegistryCli.RunAsync(["apikey", "create", "--role", "curator", "--name", "tên có dấu"], stdout, stderr, factory.AllSettings);

        Assert.Equal(RegistryCli.Usage, exit);
        Assert.Contains("1–64", stderr.ToString());
    }
}
