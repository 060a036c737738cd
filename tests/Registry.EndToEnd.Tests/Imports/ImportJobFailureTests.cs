using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Abstractions;
using Registry.Data.Import;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Imports;

/// <summary>
/// Background imports over a store that throws on every call, with a message quoting "record content": each job
/// fails on its own with a message that names nothing of the record, the worker goes on to the next job, the host
/// keeps serving, and the uploads are deleted.
/// </summary>
public sealed class ImportJobFailureTests(ImportJobFailureTests.ThrowingStoreFactory factory) : IClassFixture<ImportJobFailureTests.ThrowingStoreFactory>
{
    public const string Marker = "NOIDUNG-BI-MAT-7f3c";

    public sealed class ThrowingStoreFactory : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:Imports:InlineMaxBytes"] = "0",
        };

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton(new ImportService(ThrowingStore.Create()));
    }

    /// <summary>Every member throws, as a store whose database vanished might, quoting what it was given.</summary>
    public class ThrowingStore : DispatchProxy
    {
        public static ITaskStore Create() => Create<ITaskStore, ThrowingStore>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"constraint failed for title '{Marker}'");
    }

    [Fact]
    public async Task A_job_that_throws_fails_alone_and_the_next_job_still_runs()
    {
        var curator = await factory.CuratorAsync();
        var record = TaskRecordBuilder.Valid() with { Title = $"Đề tài {Marker}" };

        foreach (var attempt in new[] { 1, 2 })
        {
            var response = await curator.PostImportAsync(ImportFiles.JsonLines([record]), "application/x-ndjson");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            var job = await ImportJobTests.PollUntilFinishedAsync(curator, response.Headers.Location!.OriginalString);

            Assert.Equal("failed", job.GetProperty("status").GetString());
            Assert.Equal("internal", job.GetProperty("error").GetProperty("kind").GetString());
            Assert.DoesNotContain(Marker, job.GetRawText());
        }
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(Marker));
        Assert.Contains(factory.Logs.Lines, line => line.Contains(nameof(InvalidOperationException)));
        await AssertUploadsDeletedAsync(factory.DataDirectory);
    }

    internal static async Task AssertUploadsDeletedAsync(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "imports");
        for (var attempt = 0; attempt < 100 && Directory.Exists(folder) && Directory.GetFiles(folder).Length > 0; attempt++)
            await Task.Delay(50); // the worker deletes the upload just after recording the outcome
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "an upload was left on disk");
    }
}

/// <summary>An upload left by a crash (secret rows and all) is deleted when the host starts, before any request.</summary>
public sealed class LeftoverUploadTests : IDisposable
{
    private readonly RegistryApiFactory _factory = new();

    [Fact]
    public async Task Upload_left_in_the_imports_folder_is_deleted_at_start_up()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_factory.DataDirectory, "imports")).FullName;
        var leftover = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(leftover, ImportFiles.Csv(ImportFiles.CsvRow("MAT-1", "Đề tài mật", "Tuyệt mật")));

        using var client = _factory.Anonymous(); // starts the host

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks")).StatusCode);
        Assert.False(File.Exists(leftover));
    }

    public void Dispose() => _factory.Dispose();
}
