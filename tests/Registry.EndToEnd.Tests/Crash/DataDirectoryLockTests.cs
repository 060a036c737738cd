using Registry.Api.Cli;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>One service per embedded data directory: a second one stops at once and says why; the first keeps serving.</summary>
[Collection(ChildProcessCollection.Name)]
public sealed class DataDirectoryLockTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_second_service_on_the_same_directory_exits_1_with_a_message_and_the_first_keeps_serving()
    {
        var directory = Directory.CreateTempSubdirectory("registry-lock-").FullName;
        try
        {
            await using var first = new ChildHost(directory);
            first.Start();
            await first.WaitUntilReadyAsync(StartTimeout);

            await using var second = new ChildHost(directory);
            second.Start();
            var exit = await second.WaitForExitAsync(StartTimeout);

            Assert.Equal(RegistryCli.Rejected, exit);
            Assert.Contains($"data directory '{directory}' is in use by another Registry process", second.Output, StringComparison.Ordinal);
            Assert.Contains("Thư mục dữ liệu", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", second.Output, StringComparison.Ordinal);

            using var client = first.Client();
            var created = await client.PostRecordAsync("/api/v1/tasks", Registry.Api.Tests.Builders.TaskRecordBuilder.Valid());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>The verbs beside a running service: reindex needs the index and refuses; import and apikey still run.</summary>
[Collection(ReadOnlyHost.Name)]
public sealed class CommandLineBesideTheServiceTests(RegistryApiFactory factory)
{
    [Fact]
    public async Task Reindex_refuses_while_the_service_holds_the_directory()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/live")).StatusCode);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await RegistryCli.RunAsync(["reindex"], stdout, stderr, factory.AllSettings);

        Assert.Equal(RegistryCli.Rejected, exit);
        Assert.Contains("is in use by another Registry process", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("reindex needs the service stopped", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apikey_runs_beside_the_service()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/health/live")).StatusCode);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await RegistryCli.RunAsync(["apikey", "list"], stdout, stderr, factory.AllSettings);

        Assert.Equal(RegistryCli.Ok, exit);
    }
}
