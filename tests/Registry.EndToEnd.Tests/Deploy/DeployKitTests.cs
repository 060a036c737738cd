using System.Text.RegularExpressions;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Deploy;

/// <summary>
/// The deployment kit in <c>deploy/</c>, checked without a container engine (none runs on the build machines): the
/// compose file against the Compose Specification's schema with the example environment substituted, the
/// Dockerfile through dockerfilelint, and the promises the kit makes (non-root, read-only, health checks, the proxy
/// the API trusts is the proxy compose runs) read from the files themselves.
/// </summary>
public sealed class DeployKitTests
{
    private static readonly string Root = NodeValidators.RepositoryRoot();
    private static string Kit(string name) => Path.Combine(Root, "deploy", name);
    private static string Read(string name) => File.ReadAllText(Kit(name));

    [Fact]
    public async Task Compose_file_matches_the_compose_specification_and_the_dockerfile_passes_the_linter()
    {
        var result = await NodeValidators.RunAsync("deploy-check.mjs", Kit("compose.yaml"), Kit(".env.example"), Kit("Dockerfile"));
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        foreach (var service in new[] { "sqlserver", "elasticsearch", "api1", "api2", "proxy" })
            Assert.Contains($"\"{service}\"", result.StandardOutput);
    }

    [Fact]
    public async Task The_checker_finds_a_misspelt_key_and_a_missing_secret()
    {
        var dir = Directory.CreateTempSubdirectory("registry-deploy-").FullName;
        try
        {
            var compose = Path.Combine(dir, "compose.yaml");
            await File.WriteAllTextAsync(compose, Read("compose.yaml").Replace("    hostname: api2", "    hostnam: api2", StringComparison.Ordinal));
            var env = Path.Combine(dir, ".env");
            await File.WriteAllLinesAsync(env, File.ReadAllLines(Kit(".env.example")).Where(l => !l.StartsWith("ELASTIC_PASSWORD=", StringComparison.Ordinal)));
            var result = await NodeValidators.RunAsync("deploy-check.mjs", compose, env, Kit("Dockerfile"));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("hostnam", result.StandardOutput);
            Assert.Contains("required variable ELASTIC_PASSWORD", result.StandardOutput);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_with_a_health_check()
    {
        var dockerfile = Read("Dockerfile");
        var finalStage = dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
        var user = Regex.Match(finalStage, @"^USER\s+(\S+)", RegexOptions.Multiline);
        Assert.True(user.Success, "the final stage sets no USER: the service would run as root");
        Assert.DoesNotMatch(@"^(0|root)(:|$)", user.Groups[1].Value);
        Assert.Matches(@"(?m)^HEALTHCHECK .*\\\s*\n\s*CMD \[""dotnet"", ""/app/Registry.Api.dll"", ""healthcheck""\]", finalStage);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/Registry.Api.dll\"]", finalStage);
        // Nothing of the build machine's state goes into the image.
        var ignore = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));
        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/data/", "*.db", ".git/", "deploy/.env" }) Assert.Contains(pattern, ignore);
    }

    [Fact]
    public void Both_api_instances_are_read_only_non_root_and_trust_only_the_proxy_compose_runs()
    {
        var compose = Read("compose.yaml");
        var anchor = Section(compose, "x-api: &api");
        Assert.Matches(@"(?m)^  read_only: true$", anchor);
        Assert.Matches(@"(?m)^  user: ""1654:1654""$", anchor);
        Assert.Matches(@"(?m)^    - /tmp:", anchor);
        Assert.Contains("cap_drop: [ALL]", anchor);
        foreach (var api in new[] { "api1", "api2" })
        {
            var service = Section(compose, $"  {api}:");
            Assert.Contains("<<: *api", service);
            Assert.Contains($"- {api}-data:/data", service);
        }

        var proxyAddress = Regex.Match(Section(compose, "  proxy:"), @"ipv4_address: (\S+)").Groups[1].Value;
        var trusted = Regex.Match(anchor, @"Registry__ForwardedHeaders__KnownProxies: (\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(proxyAddress));
        Assert.Equal(proxyAddress, trusted);
        Assert.StartsWith("172.30.0.", proxyAddress);
        Assert.Contains("subnet: 172.30.0.0/24", compose);

        // The proxy sends traffic to exactly the two instances compose defines, on the port the image listens on.
        var nginx = Read(Path.Combine("nginx", "registry.conf"));
        var upstreams = Regex.Matches(nginx, @"(?m)^\s*server (\S+):(\d+)").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("api1", "8080"), ("api2", "8080")], upstreams);
        Assert.Matches(@"ASPNETCORE_HTTP_PORTS=8080", Read("Dockerfile"));
        // The client's own X-Forwarded-For is replaced, never appended to.
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", nginx);
        Assert.DoesNotContain("$proxy_add_x_forwarded_for", nginx);
    }

    [Fact]
    public void Secrets_come_from_the_environment_file_which_git_ignores()
    {
        var compose = Read("compose.yaml");
        foreach (var secret in new[] { "MSSQL_SA_PASSWORD", "ELASTIC_PASSWORD", "REGISTRY_BOOTSTRAP_ADMIN_KEY", "REGISTRY_FORMS_SIGNING_KEY" })
        {
            Assert.Matches(@"\$\{" + secret + @":\?", compose);
            Assert.Contains(secret + "=CHANGE-ME", Read(".env.example"));
        }
        Assert.Contains("/deploy/.env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    /// <summary>The lines of a YAML block: its header line and every following line indented deeper.</summary>
    private static string Section(string yaml, string header)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == header || l.StartsWith(header + " ", StringComparison.Ordinal) || l == header);
        Assert.True(start >= 0, $"'{header}' not found");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = start + 1;
        while (end < lines.Length && (lines[end].Trim().Length == 0 || lines[end].Length - lines[end].TrimStart().Length > indent)) end++;
        return string.Join('\n', lines[start..end]);
    }
}
