using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Api.Cli;
using Registry.Api.Tasks;
using Registry.Api.Tests.Builders;
using Registry.Data;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Invariant 1: a state-secret record is refused at every entrance (REST create and update, JSON Lines and CSV
/// imports, the command line) and its content is nowhere afterwards: not in any response, log line, audit entry
/// or byte of the database files.
/// </summary>
public sealed class StateSecretTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private readonly string _marker = $"MARKER{Guid.NewGuid():N}";
    private readonly List<string> _responses = [];

    [Fact]
    public async Task State_secret_is_refused_everywhere_and_leaves_no_trace()
    {
        var curator = await factory.CuratorAsync();
        await RefusedOverRestAsync(curator);
        await RefusedByImportsAsync(curator);
        await RefusedByTheCommandLineAsync();
        await ReadEverythingPublicAsync(curator);

        Assert.All(_responses, body => Assert.DoesNotContain(_marker, body));
        var leaked = factory.Logs.Lines.Where(line => line.Contains(_marker)).ToList();
        Assert.True(leaked.Count == 0, "Logged: " + string.Join("\n", leaked.Take(5)));
        await AssertNotInAuditAsync();
        AssertNotInDataFiles();
    }

    private TaskRecord Secret(SecurityClassification level = SecurityClassification.Secret) => new TaskRecordBuilder()
        .WithCode($"ĐT-{_marker}")
        .WithTitle($"Nghiên cứu {_marker}")
        .With(r => r with { Summary = $"Nội dung {_marker}", Keywords = [_marker], PrincipalInvestigator = new PersonRecord { Name = _marker } })
        .Secret(level)
        .Build();

    private async Task RefusedOverRestAsync(HttpClient curator)
    {
        var created = await curator.PostRecordAsync("/api/v1/tasks", Secret());
        await Keep(created).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");

        var existing = await curator.PostRecordAsync("/api/v1/tasks", TaskRecordBuilder.Valid());
        var task = (await existing.ReadAsync<TaskWriteResponse>()).Task;
        var update = await curator.PutRecordAsync($"/api/v1/tasks/{task.Id}", Secret(SecurityClassification.TopSecret) with { Code = task.Code }, existing.Headers.ETag!.Tag);
        await Keep(update).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");

        var after = await Keep(await curator.GetAsync($"/api/v1/tasks/{task.Id}")).ReadAsync<TaskRecord>();
        Assert.Equal(task.Title, after.Title);
    }

    private async Task RefusedByImportsAsync(HttpClient curator)
    {
        var good = TaskRecordBuilder.Valid();
        var file = ImportFiles.JsonLines([good, Secret(SecurityClassification.Confidential)]);

        var refused = await Keep(await curator.PostImportAsync(file, "application/x-ndjson")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");
        var row = refused.GetProperty("report").GetProperty("rejectedRows").EnumerateArray().Single();
        Assert.Equal(2, row.GetProperty("line").GetInt32());
        Assert.False(row.TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(good.Code!)}")).StatusCode);

        var skipped = await Keep(await curator.PostImportAsync(file, "application/x-ndjson", "?skipInvalid=true")).ReadJsonAsync();
        Assert.Equal(1, skipped.GetProperty("created").GetInt32());
        Assert.Equal(2, skipped.GetProperty("rejectedRows")[0].GetProperty("line").GetInt32());

        var csv = ImportFiles.Csv(ImportFiles.CsvRow(TaskRecordBuilder.Valid().Code!, "Hợp lệ"), ImportFiles.CsvRow($"ĐT-{_marker}", $"Tên {_marker}", "Mật"));
        var csvRefused = await Keep(await curator.PostImportAsync(csv, "text/csv")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "state-secret");
        Assert.Equal(3, csvRefused.GetProperty("report").GetProperty("rejectedRows")[0].GetProperty("line").GetInt32());
    }

    private async Task RefusedByTheCommandLineAsync()
    {
        var path = Path.Combine(factory.DataDirectory, "secret.jsonl");
        await File.WriteAllTextAsync(path, ImportFiles.JsonLines([TaskRecordBuilder.Valid(), Secret()]));
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await RegistryCli.RunAsync(["import", path], stdout, stderr, factory.AllSettings,
            services => services.AddLogging(b => b.AddProvider(factory.Logs).SetMinimumLevel(LogLevel.Trace)));
        File.Delete(path);

        Assert.Equal(RegistryCli.Rejected, exit);
        Assert.Contains("Dòng 2: Bản ghi thuộc danh mục bí mật nhà nước", stdout.ToString());
        _responses.Add(stdout.ToString());
        _responses.Add(stderr.ToString());
    }

    /// <summary>
    /// Reads what a client could reach: every listing page, and each created task as curator. (Asking for the
    /// secret's code in a URL would put the marker in the request log by the client's own hand, so the test
    /// checks the database for it instead.)
    /// </summary>
    private async Task ReadEverythingPublicAsync(HttpClient curator)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            foreach (var id in await db.Tasks.Select(t => t.PublicId).ToListAsync()) Keep(await curator.GetAsync($"/api/v1/tasks/{id}"));
        }

        string? url = "/api/v1/tasks?pageSize=200";
        while (url is not null)
        {
            var response = Keep(await factory.Anonymous().GetAsync(url));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single()[1..links.Single().IndexOf('>')] : null;
        }
    }

    private async Task AssertNotInAuditAsync()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var audit = await db.AuditEntries.Select(a => a.ChangesJson + a.EntityId + a.Actor).ToListAsync();
        Assert.NotEmpty(audit);
        Assert.DoesNotContain(audit, entry => entry.Contains(_marker));
        Assert.False(await db.Tasks.AnyAsync(t => t.Code.Contains(_marker)));
    }

    private void AssertNotInDataFiles()
    {
        var file = DataFiles.FindContaining(factory.DataDirectory, _marker);
        Assert.True(file is null, $"{file} contains the state secret's marker");
    }

    private HttpResponseMessage Keep(HttpResponseMessage response)
    {
        _responses.Add(response.Content.ReadAsStringAsync().GetAwaiter().GetResult() + string.Join("\n", response.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        return response;
    }
}
