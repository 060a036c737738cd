using System.Text.Json;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>Every upload runs as a background job here (inline threshold 0), and uploads over 64 KB are refused.</summary>
public sealed class ImportJobTests(ImportJobTests.JobFactory factory) : IClassFixture<ImportJobTests.JobFactory>
{
    public sealed class JobFactory : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:Imports:InlineMaxBytes"] = "0",
            ["Registry:Imports:MaxBytes"] = "65536",
        };
    }

    [Fact]
    public async Task Large_import_runs_as_a_job_with_progress_and_a_report()
    {
        var curator = await factory.CuratorAsync();
        var records = Enumerable.Range(0, 40).Select(_ => TaskRecordBuilder.Valid()).ToList();

        var response = await curator.PostImportAsync(ImportFiles.JsonLines(records), "application/x-ndjson");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/v1/imports/j", location);
        var job = await PollUntilFinishedAsync(curator, location);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(40, job.GetProperty("processedRows").GetInt32());
        Assert.Equal(40, job.GetProperty("totalRows").GetInt32());
        var report = job.GetProperty("report");
        Assert.Equal(40, report.GetProperty("created").GetInt32());
        Assert.True(report.GetProperty("committed").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await curator.GetAsync($"/api/v1/tasks/by-code/{Uri.EscapeDataString(records[^1].Code!)}")).StatusCode);
    }

    [Fact]
    public async Task A_job_whose_file_is_unreadable_fails_with_the_file_problem_kind()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostImportAsync("Mã số,Cột lạ\nA,B\n", "text/csv");

        var job = await PollUntilFinishedAsync(curator, response.Headers.Location!.OriginalString);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("unknownColumn", job.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Upload_over_the_size_limit_is_413()
    {
        var curator = await factory.CuratorAsync();
        var big = new string('x', 70_000);

        await (await curator.PostImportAsync(big, "text/csv")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Upload_files_are_removed_once_the_job_is_done()
    {
        var curator = await factory.CuratorAsync();
        var response = await curator.PostImportAsync(ImportFiles.JsonLines([TaskRecordBuilder.Valid()]), "application/x-ndjson");
        await PollUntilFinishedAsync(curator, response.Headers.Location!.OriginalString);

        var folder = Path.Combine(factory.DataDirectory, "imports");
        await WaitForNoUploadsAsync(folder);
        Assert.Empty(Directory.GetFiles(folder));
    }

    /// <summary>Waits (bounded) for the job to leave queued/running; the assertion is on the outcome, not the time.</summary>
    internal static async Task<JsonElement> PollUntilFinishedAsync(HttpClient curator, string location)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await (await curator.GetAsync(location)).ReadJsonAsync();
            var status = job.GetProperty("status").GetString();
            if (status is "succeeded" or "failed") return job;
            await Task.Delay(50);
        }

        throw new TimeoutException($"Import job {location} did not finish within 30 s.");
    }

    /// <summary>The worker deletes the upload just after recording the report: allow it a moment.</summary>
    private static async Task WaitForNoUploadsAsync(string folder)
    {
        for (var attempt = 0; attempt < 100 && Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0; attempt++)
        {
            await Task.Delay(50);
        }
    }
}
