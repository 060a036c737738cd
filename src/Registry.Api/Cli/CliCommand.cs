namespace Registry.Api.Cli;

/// <summary>A verb ready to run against the configured services; returns the exit code.</summary>
public delegate Task<int> CliAction(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct);

internal static class CliCommand
{
    /// <summary>The action for a verb, or null with a usage message when the arguments are wrong.</summary>
    public static CliAction? From(string verb, CliArguments args, out string usageError)
    {
        usageError = "";
        switch (verb)
        {
            case "import":
                return ImportCommand.Parse(args, out usageError);
            case "apikey":
                return ApiKeyCommands.Parse(args, out usageError);
            case "reindex":
                return ReindexCommand.Parse(args, out usageError);
            default:
                usageError = $"Lệnh không rõ '{verb}' (unknown verb '{verb}'); dùng import, apikey, reindex, healthcheck hoặc help (use import, apikey, reindex, healthcheck or help).";
                return null;
        }
    }
}
