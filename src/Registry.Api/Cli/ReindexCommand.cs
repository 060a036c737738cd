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
        var progress = new ReindexProgressBar(stderr, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        var indexed = await services.GetRequiredService<SearchReindexer>().RebuildAsync(progress, ct);
        progress.Finish();
        await stdout.WriteLineAsync($"Đã dựng lại chỉ mục tìm kiếm với {indexed:N0} nhiệm vụ đã công bố (search index rebuilt with {indexed:N0} published tasks).");
        return RegistryCli.Ok;
    }
}
