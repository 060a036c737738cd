using Microsoft.Extensions.Logging.Console;

namespace Registry.Api.Telemetry;

/// <summary><c>Registry:Logging</c>: how the console log is written.</summary>
public sealed class RegistryLoggingOptions
{
    public const string Section = "Registry:Logging";

    /// <summary><c>simple</c> (the default: one readable line per event) or <c>json</c> (one JSON object per line,
    /// UTC timestamps, scopes such as the trace and request ids included), for log collectors.</summary>
    public string Format { get; set; } = "simple";

    public bool Json => string.Equals(Format?.Trim(), "json", StringComparison.OrdinalIgnoreCase);
}

internal static class LogFormat
{
    public static IServiceCollection AddRegistryLogFormat(this IServiceCollection services)
    {
        services.AddOptions<RegistryLoggingOptions>().BindConfiguration(RegistryLoggingOptions.Section).ValidateOnStart()
            .Validate(o => o.Json || string.Equals(o.Format?.Trim(), "simple", StringComparison.OrdinalIgnoreCase),
                "Registry:Logging:Format must be simple or json");
        // Read from configuration, not the validated options: the logger is built before start-up validation runs.
        services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration>((console, configuration) =>
        {
            if (new RegistryLoggingOptions { Format = configuration[RegistryLoggingOptions.Section + ":Format"] ?? "simple" }.Json)
                console.FormatterName = ConsoleFormatterNames.Json;
        });
        services.AddOptions<JsonConsoleFormatterOptions>().Configure(json =>
        {
            json.UseUtcTimestamp = true;
            json.IncludeScopes = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            json.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        return services;
    }
}
