using System.Text.Json;
using Registry.Api.Tests.Builders;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>
/// kill -9 in the middle of a large import job, after some of its batches were written into the import's
/// transaction: nothing of the file is in the store after a restart, and the job, whose owner died, is failed as
/// interrupted by the new instance's sweep once its lease runs out.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class ImportKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Registry:Imports:InlineMaxBytes"] = "0",
        ["Registry:Imports:JobLease"] = "00:00:10",
        ["Registry:Imports:JobHeartbeat"] = "00:00:01",
    };

    [Fact]
    public async Task Kill_in_the_middle_of_an_import_job_leaves_nothing_of_the_file_and_the_job_is_failed_as_interrupted()
    {
        var directory = Directory.CreateTempSubdirectory("registry-crash-import-job-").FullName;
        var host = new ChildHost(directory, Settings);
        try
        {
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);
            var (before, _) = await DataDirectoryInspector.ReadStoreAsync(directory);
            var records = Enumerable.Range(0, 12_000).Select(_ => TaskRecordBuilder.Valid()).ToList();
            using var client = host.Client();
            var response = await client.PostImportAsync(ImportFiles.JsonLines(records), "application/x-ndjson");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var location = response.Headers.Location!.OriginalString;

            var processed = await WaitForWrittenBatchesAsync(client, location);
            host.Kill();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"killed after {processed} of {records.Count} rows had been written into the import's transaction");

            await host.DisposeAsync();
            host = new ChildHost(directory, Settings);
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);
            var (after, _) = await DataDirectoryInspector.ReadStoreAsync(directory);
            Assert.Equal(before.Count, after.Count);
            var codes = records.Select(r => r.Code!).ToHashSet();
            Assert.DoesNotContain(after, t => codes.Contains(t.Code));

            using var again = host.Client();
            var job = await ImportJobTests.PollUntilFinishedAsync(again, location);
            Assert.Equal("failed", job.GetProperty("status").GetString());
            Assert.Equal("interrupted", job.GetProperty("error").GetProperty("kind").GetString());
        }
        finally
        {
            await host.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Polls until the job reports rows written (at least one batch inside the open transaction).</summary>
    private static async Task<int> WaitForWrittenBatchesAsync(HttpClient client, string location)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var job = await (await client.GetAsync(location)).ReadJsonAsync();
            var status = job.GetProperty("status").GetString();
            Assert.True(status is "queued" or "running", $"the job ended before the kill: {job}");
            var processed = job.GetProperty("processedRows").GetInt32();
            if (processed > 0) return processed;
            await Task.Delay(50);
        }
        throw new TimeoutException("The import wrote no batch within 60 s.");
    }
}
