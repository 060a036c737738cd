using System.Runtime.CompilerServices;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>The served schema must equal the committed openapi/registry.graphql.</summary>
[Collection(ReadOnlyHost.Name)]
public sealed class GraphQLSchemaContractTests(RegistryApiFactory factory)
{
    private const string UpdateVariable = "REGISTRY_UPDATE_GRAPHQL";

    [Fact]
    public async Task Served_schema_matches_the_committed_contract()
    {
        var served = (await factory.Anonymous().GetStringAsync("/graphql/schema.graphql")).Replace("\r\n", "\n");
        var path = CommittedPath();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(path, served);

        Assert.True(File.Exists(path), $"Missing {path}. Regenerate: {UpdateVariable}=1 dotnet test tests/Registry.EndToEnd.Tests --filter GraphQLSchemaContractTests");
        var committed = (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n");
        Assert.True(committed == served,
            $"The GraphQL schema differs from openapi/registry.graphql. If the change is intended, regenerate it with " +
            $"`{UpdateVariable}=1 dotnet test tests/Registry.EndToEnd.Tests --filter GraphQLSchemaContractTests` and commit the file.\n" +
            FirstDifference(committed, served));
    }

    [Fact]
    public async Task The_filter_input_has_one_field_per_search_filter_and_no_contact_fields_are_output()
    {
        var sdl = await factory.Anonymous().GetStringAsync("/graphql/schema.graphql");
        var filter = sdl[sdl.IndexOf("input TaskFilter {", StringComparison.Ordinal)..];
        filter = filter[..filter.IndexOf('}')];
        foreach (var f in Registry.Search.Model.SearchFilters.All) Assert.Contains($"  {f.Name}: ", filter);
        var person = sdl[sdl.IndexOf("type Person {", StringComparison.Ordinal)..];
        person = person[..person.IndexOf('}')];
        Assert.DoesNotContain("email", person);
        Assert.DoesNotContain("phone", person);
    }

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
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "openapi", "registry.graphql"));
}
