using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Crash;

/// <summary>
/// A damaged index never stops the service: garbage in a segment file, a truncated one and a missing one are each
/// set aside and rebuilt from the store, with readiness 503 until the rebuild is done.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class StartupRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    // Enough tasks that the rebuild outlasts the start of the web server, so readiness can be seen answering 503.
    private const int Published = 4000;

    public enum Damage { Garbage, Truncated, Missing }

    [Fact]
    public async Task A_damaged_index_is_set_aside_and_rebuilt_and_the_service_starts()
    {
        var directory = Directory.CreateTempSubdirectory("registry-damaged-").FullName;
        var host = new ChildHost(directory, new Dictionary<string, string> { ["Registry:Imports:InlineMaxRows"] = "10000", ["Registry:Imports:InlineMaxBytes"] = "52428800" });
        try
        {
            host.Start();
            await host.WaitUntilReadyAsync(StartTimeout);
            var records = Enumerable.Range(0, Published)
                .Select(_ => new TaskRecordBuilder().With(r => r with { Visibility = Visibility.Published }).Build()).ToList();
            using (var client = host.Client())
                Assert.Equal(HttpStatusCode.OK, (await client.PostImportAsync(ImportFiles.JsonLines(records), "application/x-ndjson")).StatusCode);
            await CrashVerification.AssertConsistentAsync(host, [], byCode: false);

            foreach (var damage in Enum.GetValues<Damage>())
            {
                host.Kill();
                var file = DamageIndex(directory, damage);
                await host.DisposeAsync();
                host = new ChildHost(directory);
                host.Start();
                var answers = await host.WaitUntilReadyAsync(StartTimeout);

                Assert.Contains("search index could not be opened", host.Output, StringComparison.Ordinal);
                Assert.Equal((int)damage + 1, Directory.GetDirectories(directory, "index.corrupt-*").Length);
                // Not ready while rebuilding, and the 503 says so.
                Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable
                    && a.Body.Contains("search index rebuilding from the store", StringComparison.Ordinal));
                var (published, indexed) = await CrashVerification.AssertConsistentAsync(host, [], byCode: false);
                Assert.Equal(Published, published);
                output.WriteLine($"{damage} ({Path.GetFileName(file)}): started, set aside, rebuilt {indexed} of {published}; " +
                    $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} readiness answers 503 before 200");
            }
        }
        finally
        {
            await host.DisposeAsync();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Damages the largest file of a kind every segment has, among the files of the last commit (the one a restart
    /// opens: a merge that finished after it, or a segment flushed for searching but not yet committed, leaves files
    /// the restart never reads); returns its path.
    /// </summary>
    private static string DamageIndex(string dataDirectory, Damage damage)
    {
        var index = Path.Combine(dataDirectory, "index");
        var pattern = damage switch { Damage.Garbage => "*.tim", Damage.Truncated => "*.fdt", _ => "*.si" };
        var committed = CommittedFiles(index);
        var file = new DirectoryInfo(index).GetFiles(pattern).Where(f => committed.Contains(f.Name)).OrderByDescending(f => f.Length).First();
        switch (damage)
        {
            case Damage.Garbage:
                using (var stream = file.OpenWrite())
                    stream.Write(Enumerable.Range(0, 256).Select(i => (byte)(i * 37 + 11)).ToArray());
                break;
            case Damage.Truncated:
                using (var stream = file.OpenWrite()) stream.SetLength(file.Length / 2);
                break;
            case Damage.Missing:
                file.Delete();
                break;
        }
        return file.FullName;
    }

    private static HashSet<string> CommittedFiles(string index)
    {
        using var directory = global::Lucene.Net.Store.FSDirectory.Open(index);
        var commit = new global::Lucene.Net.Index.SegmentInfos();
        commit.Read(directory);
        return commit.GetFiles(directory, includeSegmentsFile: false).ToHashSet(StringComparer.Ordinal);
    }
}
