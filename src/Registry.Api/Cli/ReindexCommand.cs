using Registry.Api.Hosting;
using Registry.Search.Indexing;

namespace Registry.Api.Cli;

/// <summary><c>reindex</c>: rebuilds the search index from the published tasks, with a progress bar on stderr.</summary>
internal static class ReindexCommand
{
    public static CliAction? Parse(CliArguments args, out string usageError)
    {
        usageError = "";
        if (args.Words.Count != 1 || args.Unknown() is not null)
        {
            usageError = "Cách dùng (usage): reindex";
            return null;
        }

        return RunAsync;
    }

    private static async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        // The running service owns the index (and keeps it current); a second writer would be refused by Lucene's
        // own lock half-way, so say why up front.
        try
        {
            services.GetRequiredService<DataDirectoryLock>();
        }
        catch (DataDirectoryLockedException locked)
        {
            await stderr.WriteLineAsync($"{locked.Message}. Lệnh reindex cần dừng dịch vụ trước; dịch vụ tự dựng lại và đối chiếu chỉ mục khi khởi động (reindex needs the service stopped; the service itself rebuilds and reconciles the index at start).");
            return RegistryCli.Rejected;
        }
        var progress = new ReindexProgressBar(stderr, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        var indexed = await services.GetRequiredService<SearchReindexer>().RebuildAsync(progress, ct);
        progress.Finish();
        await stdout.WriteLineAsync($"Đã dựng lại chỉ mục tìm kiếm với {indexed:N0} nhiệm vụ đã công bố (search index rebuilt with {indexed:N0} published tasks).");
        return RegistryCli.Ok;
    }
}
