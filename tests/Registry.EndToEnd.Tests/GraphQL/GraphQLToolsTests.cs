using System.Text.Json;
using Microsoft.Playwright;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// What GraphQL tools do with the live service over a real socket: graphql-js (what GraphiQL, Postman, Insomnia,
/// Altair and graphql-codegen build on) loads the schema with getIntrospectionQuery(), rebuilds it, compares it with
/// the committed SDL and validates client operations; Chromium opens the service's own explorer.
/// </summary>
public sealed class GraphQLToolsTests(GraphQLKestrelFactory host) : IClassFixture<GraphQLKestrelFactory>
{
    private static string CommittedSdl => Path.GetFullPath(Path.Combine(NodeValidators.Directory, "..", "..", "openapi", "registry.graphql"));

    [Fact]
    public async Task Graphql_js_loads_the_schema_with_the_standard_and_the_modern_introspection_query()
    {
        var result = await NodeValidators.RunAsync("graphql-introspection.mjs", host.Endpoint, CommittedSdl);

        Assert.True(result.ExitCode == 0, result.Output);
        using var report = JsonDocument.Parse(result.StandardOutput);
        var root = report.RootElement;
        Assert.Equal("16.11.0", root.GetProperty("graphqlJs").GetString());
        foreach (var mode in new[] { "default", "modern" })
        {
            var introspection = root.GetProperty("introspection").GetProperty(mode);
            Assert.Equal(200, introspection.GetProperty("status").GetInt32());
            Assert.True(introspection.GetProperty("types").GetInt32() > 40, result.Output);
            Assert.True(root.GetProperty("sdl").GetProperty(mode).GetProperty("sameAsCommitted").GetBoolean(), result.Output);
        }

        var modern = root.GetProperty("introspection").GetProperty("modern");
        Assert.StartsWith("Registry:", modern.GetProperty("description").GetString());
        Assert.Contains(modern.GetProperty("directives").EnumerateArray(), d => d.GetString() == "deprecated");
        var operations = root.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(6, operations.Count(o => o.TryGetProperty("validGraphqlJs", out var ok) && ok.GetBoolean()));
        Assert.Equal(3, operations.Count(o => o.TryGetProperty("refusedByGraphqlJs", out var errors) && errors.GetArrayLength() > 0));
    }

    [Fact]
    public async Task The_explorer_loads_the_schema_and_runs_a_query_in_Chromium()
    {
        var chromium = Environment.GetEnvironmentVariable("REGISTRY_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium not found at {chromium}: install it with 'apt-get install -y chromium' or set REGISTRY_TEST_CHROMIUM.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = host.BaseUrl, Locale = "vi-VN" });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/graphql");
        var docs = page.Locator("#docs");
        await Assertions.Expect(docs).ToHaveAttributeAsync("data-loaded", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 15_000 });
        await Assertions.Expect(docs.Locator("summary", new() { HasText = "TaskFilter" })).ToHaveCountAsync(1);
        await docs.Locator("summary", new() { HasText = "TaskFilter" }).ClickAsync();
        await Assertions.Expect(docs).ToContainTextAsync("level: [TaskLevel!]");

        await page.GetByRole(AriaRole.Button, new() { Name = "Chạy (run) ▶" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("HTTP 200", new() { Timeout = 15_000 });
        var result = JsonDocument.Parse(await page.Locator("#result").InnerTextAsync()).RootElement;
        Assert.True(result.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32() > 0);
        Assert.False(result.TryGetProperty("errors", out _));
        Assert.Empty(problems);
    }
}
