using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.OpenApi;

/// <summary>
/// Redocly CLI (a linter nobody here wrote) with its <c>recommended</c> ruleset (tests/validators/redocly.yaml)
/// finds no error in the served document. Warnings are printed, not hidden.
/// </summary>
[Collection(ReadOnlyHost.Name)]
public sealed class OpenApiLintTests(RegistryApiFactory factory, ITestOutputHelper output)
{
    private static string Config => Path.Combine(NodeValidators.Directory, "redocly.yaml");

    [Fact]
    public async Task Redocly_recommended_finds_no_error()
    {
        var document = await factory.Anonymous().GetStringAsync("/swagger/v1/swagger.json");
        var (errors, warnings, problems) = await LintAsync(document);
        foreach (var problem in problems) output.WriteLine(problem);
        Assert.True(errors == 0, $"Redocly found {errors} errors:\n{string.Join("\n", problems)}");
        output.WriteLine($"{warnings} warnings");
    }

    [Fact]
    public void The_ruleset_is_recommended_and_nothing_is_switched_off()
    {
        var lines = File.ReadAllLines(Config).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("- recommended", lines);
        Assert.DoesNotContain(lines, l => l.EndsWith(": off", StringComparison.Ordinal) || l.StartsWith("rules:", StringComparison.Ordinal));
    }

    /// <summary>The lint can fail: the served document with its servers and a public operation's security removed.</summary>
    [Fact]
    public async Task Redocly_reports_what_the_contract_must_state()
    {
        var document = JsonNode.Parse(await factory.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        document.Remove("servers");
        document["paths"]!["/api/v1/tasks"]!["get"]!.AsObject().Remove("security");
        var (errors, _, problems) = await LintAsync(document.ToJsonString());
        Assert.True(errors >= 2, string.Join("\n", problems));
        Assert.Contains(problems, p => p.Contains("no-empty-servers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("security-defined", StringComparison.Ordinal));
    }

    private static async Task<(int Errors, int Warnings, IReadOnlyList<string> Problems)> LintAsync(string document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"registry-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var result = await NodeValidators.RunBinAsync("redocly", "lint", "--config", Config, "--format=json", file);
            var start = result.StandardOutput.IndexOf('{');
            Assert.True(start >= 0, $"redocly printed no JSON ({result.ExitCode}):\n{result.Output}");
            using var report = JsonDocument.Parse(result.StandardOutput[start..]);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            return (totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32(), problems);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
