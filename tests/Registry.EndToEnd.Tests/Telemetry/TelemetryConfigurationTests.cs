using System.Text.Json;
using Registry.EndToEnd.Tests.Crash;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Telemetry;

/// <summary>Bad Registry:Telemetry and Registry:Logging settings stop the start with a message naming the setting.</summary>
public sealed class TelemetryConfigurationTests
{
    [Theory]
    [InlineData("Registry:Telemetry:SamplingRatio", "1.5", "Registry:Telemetry:SamplingRatio")]
    [InlineData("Registry:Telemetry:SamplingRatio", "-0.1", "Registry:Telemetry:SamplingRatio")]
    [InlineData("Registry:Telemetry:SamplingRatio", "NaN", "Registry:Telemetry:SamplingRatio")]
    [InlineData("Registry:Telemetry:SamplingRatio", "lots", "Registry:Telemetry:SamplingRatio")]
    [InlineData("Registry:Telemetry:ServiceName", " ", "Registry:Telemetry:ServiceName")]
    [InlineData("Registry:Telemetry:FiguresRefreshSeconds", "0", "Registry:Telemetry:FiguresRefreshSeconds")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "metrics", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "/", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "/api/v1/metrics", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "/health/metrics", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "/met rics", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Path", "/a//b", "Registry:Telemetry:Prometheus:Path")]
    [InlineData("Registry:Telemetry:Prometheus:Port", "70000", "Registry:Telemetry:Prometheus:Port")]
    [InlineData("Registry:Telemetry:Prometheus:AllowedNetworks:0", "10.0.0.0/33", "Registry:Telemetry:Prometheus:AllowedNetworks")]
    [InlineData("Registry:Telemetry:Prometheus:AllowedNetworks:0", "10.0.0.1/8", "Registry:Telemetry:Prometheus:AllowedNetworks")]
    [InlineData("Registry:Telemetry:Prometheus:AllowedNetworks:0", "intranet", "Registry:Telemetry:Prometheus:AllowedNetworks")]
    [InlineData("Registry:Telemetry:Prometheus:AllowedNetworks:0", "0.0.0.0/0", "Registry:Telemetry:Prometheus:RequireAdminKey")]
    [InlineData("Registry:Telemetry:Prometheus:AllowedNetworks:0", "::/0", "Registry:Telemetry:Prometheus:RequireAdminKey")]
    [InlineData("Registry:Telemetry:Prometheus:Enabled", "perhaps", "Registry:Telemetry:Prometheus:Enabled")]
    [InlineData("Registry:Telemetry:Otlp:Protocol", "http", "Registry:Telemetry:Otlp:Protocol")]
    [InlineData("Registry:Telemetry:Otlp:Endpoint", "collector:4317", "Registry:Telemetry:Otlp:Endpoint")]
    [InlineData("Registry:Telemetry:Otlp:Endpoint", "ftp://collector", "Registry:Telemetry:Otlp:Endpoint")]
    [InlineData("Registry:Telemetry:Otlp:Headers", "no-equals-sign", "Registry:Telemetry:Otlp:Headers")]
    [InlineData("Registry:Telemetry:Otlp:Traces", "false", "Registry:Telemetry:Otlp:Traces")]
    [InlineData("Registry:Logging:Format", "xml", "Registry:Logging:Format")]
    public void A_bad_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Telemetry:Prometheus:Enabled"] = "true",
            ["Registry:Telemetry:Otlp:Enabled"] = "true",
            ["Registry:Telemetry:Otlp:Metrics"] = "false",
            ["Registry:Telemetry:Otlp:Endpoint"] = "http://127.0.0.1:9",
            [key] = value,
        };
        using var host = new TelemetryHost(settings);
        var error = Record.Exception(() => host.CreateClient());
        Assert.NotNull(error);
        Assert.Contains(named, Flatten(error));
    }

    [Fact]
    public void Every_address_is_accepted_only_with_the_admin_key_required()
    {
        using var host = new TelemetryHost(new Dictionary<string, string?>
        {
            ["Registry:Telemetry:Prometheus:Enabled"] = "true",
            ["Registry:Telemetry:Prometheus:AllowedNetworks:0"] = "0.0.0.0/0",
            ["Registry:Telemetry:Prometheus:RequireAdminKey"] = "true",
        });
        Assert.Null(Record.Exception(() => host.CreateClient()));
    }

    private static string Flatten(Exception error)
    {
        var text = error.ToString() + "\n";
        if (error is AggregateException aggregate) text += string.Join("\n", aggregate.InnerExceptions.Select(i => i.Message));
        return text;
    }
}

/// <summary>The real service in a child process with Registry:Logging:Format=json: every console line is one JSON object.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Every_console_line_is_a_json_object_with_a_utc_timestamp()
    {
        var data = Directory.CreateTempSubdirectory("registry-jsonlog-").FullName;
        try
        {
            await using (var child = new ChildHost(data, new Dictionary<string, string>
            {
                ["Registry:Logging:Format"] = "json",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            }))
            {
                child.Start();
                await child.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
                using var client = child.Client(key: null);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tasks/t000000000000")).StatusCode);
                for (var i = 0; i < 100 && !child.Output.Contains("Registry is running", StringComparison.Ordinal); i++) await Task.Delay(50);
                child.Kill();
                var lines = child.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.NotEmpty(lines);
                foreach (var line in lines)
                {
                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    Assert.EndsWith("Z", root.GetProperty("Timestamp").GetString());
                    Assert.True(DateTimeOffset.TryParse(root.GetProperty("Timestamp").GetString(), out _));
                    Assert.False(string.IsNullOrEmpty(root.GetProperty("Category").GetString()));
                    Assert.True(root.TryGetProperty("LogLevel", out _));
                    Assert.True(root.TryGetProperty("Message", out _));
                }
                Assert.Contains(lines, l => l.Contains("Registry is running", StringComparison.Ordinal));
            }
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
