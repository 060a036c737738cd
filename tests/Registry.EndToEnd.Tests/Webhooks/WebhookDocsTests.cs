using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>The signature-checking examples of docs/integrators.md are the code the tests run, character for character.</summary>
public sealed class WebhookDocsTests
{
    private static string Root => Path.GetFullPath(Path.Combine(NodeValidators.Directory, "..", ".."));

    private static string Between(string path, string begin, string end)
    {
        var lines = File.ReadAllLines(path);
        var from = Array.FindIndex(lines, l => l.Contains(begin, StringComparison.Ordinal));
        var to = Array.FindIndex(lines, l => l.Contains(end, StringComparison.Ordinal));
        Assert.True(from >= 0 && to > from, $"markers missing in {path}");
        return string.Join("\n", lines[(from + 1)..to]);
    }

    private static string Docs => File.ReadAllText(Path.Combine(Root, "docs", "integrators.md")).ReplaceLineEndings("\n");

    [Fact]
    public void The_csharp_example_is_the_receivers_verifier()
    {
        var code = Between(Path.Combine(Root, "tests", "Registry.EndToEnd.Tests", "Webhooks", "WebhookVerifier.cs"), "BEGIN verifier", "END verifier");
        Assert.Contains("HMACSHA256.HashData", code);
        Assert.Contains("```csharp\n" + code + "\n```", Docs);
    }

    [Fact]
    public void The_nodejs_example_is_the_validator_script()
    {
        var code = Between(Path.Combine(NodeValidators.Directory, "webhooks-verify.mjs"), "BEGIN verify", "END verify");
        Assert.Contains("createHmac", code);
        Assert.Contains(code, Docs);
    }
}
