using Registry.Api.Hosting;

namespace Registry.Api.Cli;

/// <summary>
/// Command-line verbs, handled before the web host starts. They read the same configuration as the host
/// (appsettings, environment variables <c>Registry__...</c>, and <c>--Registry:Key=value</c> arguments).
/// Exit codes: 0 done, 1 refused or failed, 2 usage error.
/// </summary>
public static class RegistryCli
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["import", "apikey", "reindex", "healthcheck", "help", "--help", "-h"];

    /// <summary>
    /// True when the command line is for a verb rather than the web host: a known verb, or any first word that is
    /// neither an option (<c>-x</c>, <c>--Key=value</c>) nor a configuration setting (<c>Key=value</c>). A mistyped
    /// verb (<c>imoprt</c>) must reach <see cref="RunAsync"/> and exit 2, never start a web server.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase) || IsWord(args[0]));

    private static bool IsWord(string arg) => !arg.StartsWith('-') && !arg.Contains('=');

    /// <param name="settings">Extra configuration (tests point it at their data directory).</param>
    /// <param name="configureServices">Runs after the standard registrations (tests may observe services).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, CancellationToken ct = default)
    {
        var parsed = CliArguments.Parse(args);
        var verb = parsed.Words.Count > 0 ? parsed.Words[0].ToLowerInvariant() : "help";
        if (verb == "help" || parsed.Has("--help") || parsed.Has("-h"))
        {
            await stdout.WriteAsync(CliHelp.Text);
            return Ok;
        }

        // Needs no store and no data directory: it only asks a running service.
        if (verb == "healthcheck") return await HealthCheckCommand.RunAsync(parsed, stdout, stderr, ct);

        var command = CliCommand.From(verb, parsed, out var usageError);
        if (command is null)
        {
            await stderr.WriteLineAsync(usageError);
            await stderr.WriteLineAsync("Xem `help` (see `help`).");
            if (!Verbs.Contains(verb)) await stderr.WriteAsync(CliHelp.Text);
            return Usage;
        }

        using var host = BuildHost(parsed, settings, configureServices);
        // The verbs work on the real store: migrate it first, but never seed demo data into it.
        await RegistryInitializer.InitializeAsync(host.Services, seedDemoData: false, ct);
        await using var scope = host.Services.CreateAsyncScope();
        return await command(scope.ServiceProvider, stdout, stderr, ct);
    }

    private static IHost BuildHost(CliArguments parsed, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? configureServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. parsed.ConfigArgs],
            ApplicationName = typeof(RegistryCli).Assembly.GetName().Name,
            EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);

        // Verbs talk to a person: only warnings and errors are logged, on stderr, never the data itself.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddRegistryCore(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
