using System.Runtime.CompilerServices;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>The served OpenAPI document must equal the committed openapi/registry.v1.json.</summary>
[Collection(ReadOnlyHost.Name)]
public sealed class OpenApiContractTests(RegistryApiFactory factory)
{
    private const string UpdateVariable = "REGISTRY_UPDATE_OPENAPI";

    [Fact]
    public async Task Served_document_matches_the_committed_contract()
    {
        var served = Normalize(await factory.Anonymous().GetStringAsync("/swagger/v1/swagger.json"));
        var path = CommittedPath();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.True(File.Exists(path), $"Missing {path}. Regenerate: {UpdateVariable}=1 dotnet test tests/Registry.EndToEnd.Tests --filter OpenApiContractTests");
        var committed = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(committed == served,
            $"The API's OpenAPI document differs from openapi/registry.v1.json. If the change is intended, regenerate it with " +
            $"`{UpdateVariable}=1 dotnet test tests/Registry.EndToEnd.Tests --filter OpenApiContractTests` and commit the file.\n" +
            FirstDifference(committed, served));
    }

    [Fact]
    public async Task Document_describes_security_errors_and_operations()
    {
        var doc = await (await factory.Anonymous().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        Assert.Equal("X-Api-Key", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        var create = doc.GetProperty("paths").GetProperty("/api/v1/tasks").GetProperty("post");
        Assert.Equal("CreateTask", create.GetProperty("operationId").GetString());
        Assert.True(create.TryGetProperty("summary", out _));
        Assert.True(create.TryGetProperty("security", out _));
        foreach (var status in new[] { "201", "400", "401", "403", "409", "422" })
        {
            Assert.True(create.GetProperty("responses").TryGetProperty(status, out _), status);
        }

        Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task Every_operation_states_its_security_and_its_problems()
    {
        var doc = await (await factory.Anonymous().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        Assert.Equal("https://registry.phutho.gov.vn", doc.GetProperty("servers")[0].GetProperty("url").GetString());
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var security = operation.Value.GetProperty("security");
                var responses = operation.Value.GetProperty("responses");
                if (security.GetArrayLength() == 0)
                {
                    Assert.False(responses.TryGetProperty("401", out _), $"{name} is public but declares 401");
                }
                else
                {
                    Assert.True(security[0].TryGetProperty("ApiKey", out _), name);
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{name} needs a key but declares no 401/403");
                }

                var problems = responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
                Assert.True(problems.Count > 0, $"{name} declares no 4xx");
                foreach (var problem in problems)
                {
                    Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {problem.Name} is not problem+json");
                }

                var success = responses.EnumerateObject().Where(r => r.Name.StartsWith('2') && r.Name != "204").ToList();
                Assert.All(success, r => Assert.True(r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any(), $"{name} {r.Name} has no media type"));
            }
        }
    }

    [Fact]
    public async Task No_dotnet_type_leaks_into_the_schemas()
    {
        var doc = await (await factory.Anonymous().GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync();
        var names = doc.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("Json", StringComparison.Ordinal) || n is "Type" or "Assembly" or "Stream" or "IFormFile");
        var results = doc.GetProperty("components").GetProperty("schemas").GetProperty("TaskSearchResponse").GetProperty("properties").GetProperty("results");
        Assert.Equal("#/components/schemas/TaskSearchResult", results.GetProperty("items").GetProperty("$ref").GetString());
    }

    private static string Normalize(string json) => json.Replace("\r\n", "\n").TrimEnd() + "\n";

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right) return $"First difference at line {i + 1}:\n  committed: {left.Trim()}\n  served:    {right.Trim()}";
        }

        return "";
    }

    private static string CommittedPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "openapi", "registry.v1.json"));
}
