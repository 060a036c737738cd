using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Registry.EndToEnd.Tests.Infrastructure;
using Registry.Fuzz.Tests.Generators;
using Registry.Fuzz.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Fuzz.Tests.Properties;

/// <summary>
/// Invariant 1 under fuzzing: a state-secret record, its level spelled any way (enum names in any case, Mật /
/// Tối mật / Tuyệt mật composed, decomposed, upper-case or without diacritics) and possibly hidden behind a
/// repeated member, column or cell, is refused at every entrance; a plain (unhidden) spelling gets the 422
/// state-secret problem; and its unique marker is afterwards in no response, no log line at any level and no
/// byte of the data directory.
/// </summary>
public sealed class SecretProperties(SecretProperties.Host host, ITestOutputHelper output) : IClassFixture<SecretProperties.Host>
{
    public sealed class Host : FuzzHost;

    private static readonly Hiding[] JsonHidings = [Hiding.None, Hiding.RepeatedAfter, Hiding.RepeatedBefore, Hiding.OtherCaseAfter];

    private readonly PropertyRunner _runner = new(output);

    [Fact]
    public Task Rest_create() => RunAsync(SecretRecords.For("rest.create", JsonHidings), c =>
        host.Curator.PostAsync("/api/v1/tasks", Json(c.Json())));

    [Fact]
    public Task Rest_update() => RunAsync(SecretRecords.For("rest.update", JsonHidings), async c =>
    {
        var target = host.Published[1];
        var read = await host.Curator.GetAsync($"/api/v1/tasks/{target.Id}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tasks/{target.Id}") { Content = Json(c.Json(target.Code)) };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag?.Tag);
        return await host.Curator.SendAsync(request);
    });

    [Fact]
    public Task Json_lines_import() => RunAsync(SecretRecords.For("import.jsonl", JsonHidings), c =>
        Upload(ImportFiles.JsonLines([Registry.Api.Tests.Builders.TaskRecordBuilder.Valid()]) + c.Json() + "\n", HostileImports.JsonLinesType, c));

    [Fact]
    public Task Csv_import() => RunAsync(SecretRecords.For("import.csv", Hiding.None, Hiding.RepeatedAfter, Hiding.RepeatedBefore), c =>
    {
        var r = c.Record();
        var row = ImportFiles.CsvRow(r.Code!, r.Title!, HostileImports.Cell(c.Spelling)).Replace("TS. Nguyễn Văn An", $"Ông {c.Marker}", StringComparison.Ordinal);
        var (header, line) = c.Hiding switch
        {
            Hiding.RepeatedAfter => (ImportFiles.CsvHeader + ",Độ mật", row + ",Không"),
            Hiding.RepeatedBefore => ("Độ mật," + ImportFiles.CsvHeader, "Không," + row),
            _ => (ImportFiles.CsvHeader, row),
        };
        return Upload(header + "\n" + line + "\n", HostileImports.CsvType, c);
    });

    [Fact]
    public Task Xlsx_import() => RunAsync(SecretRecords.For("import.xlsx", Hiding.None, Hiding.CellOrder, Hiding.RepeatedAfter, Hiding.RepeatedBefore), c =>
    {
        var r = c.Record();
        var content = new ByteArrayContent(SecretSheets.Workbook(r.Code!, r.Title!, c.Spelling, c.Hiding));
        content.Headers.ContentType = new MediaTypeHeaderValue(HostileSpreadsheets.XlsxType);
        return host.Curator.PostAsync("/api/v1/imports" + (c.Marker[^1] < '8' ? "" : "?skipInvalid=true"), content);
    });

    [Fact]
    public Task Graphql_create_and_update() => RunAsync(SecretRecords.For("graphql", JsonHidings), async c =>
    {
        var update = c.Marker[^1] >= '8';
        var target = host.Published[2];
        var version = update ? (await host.Curator.GetAsync($"/api/v1/tasks/{target.Id}")).Headers.ETag!.Tag.Trim('"') : "0";
        var query = update
            ? "mutation U($id: ID!, $input: TaskInput!, $v: Long!) { updateTask(id: $id, input: $input, expectedVersion: $v) { outcome } }"
            : "mutation C($input: TaskInput!) { createTask(input: $input) { outcome } }";
        var variables = update
            ? $"{{\"id\":{Generators.Json.Quote(target.Id)},\"v\":{version},\"input\":{c.Json(target.Code)}}}"
            : $"{{\"input\":{c.Json()}}}";
        return await host.Curator.PostAsync("/graphql", Json($"{{\"query\":{Generators.Json.Quote(query)},\"variables\":{variables}}}"));
    }, graphql: true);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> Upload(string body, string type, SecretCase c)
    {
        var query = c.Marker[^1] switch { < '4' => "", < '8' => "?skipInvalid=true", < 'c' => "?dryRun=true", _ => "?dryRun=true&skipInvalid=true" };
        return host.Curator.PostAsync("/api/v1/imports" + query, new StringContent(body, Encoding.UTF8, type));
    }

    private async Task RunAsync(Gen<SecretCase> cases, Func<SecretCase, Task<HttpResponseMessage>> send, bool graphql = false)
    {
        var surface = "secret." + cases.Single().Entrance; // the entrance is the same in every case
        await _runner.CheckAsync(surface, cases, async c =>
        {
            var logsBefore = host.Logs.Lines.Count;
            var response = await send(c);
            var body = await ResponseChecks.AssertSaneAsync(response, c.ToString());
            AssertRefused(c, response, body, graphql);
            await Task.Delay(20); // let a background job or indexer that wrongly took the row write it
            Leaks.AssertNowhere(c.Marker, body + string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}")),
                host.Logs.Lines.Skip(logsBefore), host.DataDirectory);
        }, 60, c => c.ToString());
        await host.AssertAliveAsync();
    }

    private static void AssertRefused(SecretCase c, HttpResponseMessage response, string body, bool graphql)
    {
        var status = (int)response.StatusCode;
        if (graphql)
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object))
                throw new InvalidOperationException($"{c}: GraphQL wrote the secret record: {ResponseChecks.Clip(body)}");
            return;
        }

        if (status is >= 200 and < 300 && !(c.Entrance.StartsWith("import", StringComparison.Ordinal) && ReportsRejected(body)))
            throw new InvalidOperationException($"{c}: answered {status}, the secret was taken: {ResponseChecks.Clip(body)}");
        if (c.Hiding == Hiding.None && !c.Numeric && status is < 200 or >= 300 && !body.Contains("/problems/state-secret", StringComparison.Ordinal))
            throw new InvalidOperationException($"{c}: refused with {status} but not as a state secret (422 …/problems/state-secret): {ResponseChecks.Clip(body)}");
    }

    /// <summary>skipInvalid imports answer 200 with the secret row among the rejected ones; that is a refusal.</summary>
    private static bool ReportsRejected(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement.TryGetProperty("report", out var report) ? report : doc.RootElement;
        return root.TryGetProperty("rejectedRows", out var rows) && rows.GetArrayLength() > 0
               && !(root.TryGetProperty("created", out var created) && created.GetInt32() > 1);
    }
}
