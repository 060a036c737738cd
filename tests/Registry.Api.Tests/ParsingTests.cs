using System.Text.Json;
using Registry.Api.Cli;
using Registry.Api.Problems;
using Registry.Data.Records;

namespace Registry.Api.Tests;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("\"7\"", true, 7L)]
    [InlineData("W/\"7\"", true, -1L)]
    [InlineData("\"abc\"", true, -1L)]
    [InlineData("*", true, null)]
    [InlineData(null, false, null)]
    public void If_match_is_read_as_a_strong_version(string? header, bool present, long? expected)
    {
        var parsed = ETags.Parse(header);
        Assert.Equal(present, parsed.Present);
        Assert.Equal(expected, parsed.ExpectedVersion);
    }

    [Fact]
    public void Wrong_enum_value_names_the_field_and_the_allowed_values()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TaskRecord>("""{"kind":"banana"}""", RegistryJson.Options));
        var (path, message) = JsonErrorDescriber.Describe(ex, typeof(TaskRecord));
        Assert.Equal("kind", path);
        Assert.Contains("researchProject", message);
        Assert.DoesNotContain("banana", message);
    }

    [Fact]
    public void Wrong_type_inside_an_array_names_the_element()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TaskRecord>("""{"outputs":[{"transferable":"yes"}]}""", RegistryJson.Options));
        var (path, message) = JsonErrorDescriber.Describe(ex, typeof(TaskRecord));
        Assert.Equal("outputs[0].transferable", path);
        Assert.Contains("true or false", message);
    }

    [Fact]
    public void Syntax_error_is_reported_as_malformed_json()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TaskRecord>("""{"title": "abc" "x"}""", RegistryJson.Options));
        var (_, message) = JsonErrorDescriber.Describe(ex, typeof(TaskRecord));
        Assert.Contains("malformed JSON", message);
    }

    [Fact]
    public void Problem_slugs_are_unique()
    {
        var slugs = Enum.GetValues<ProblemKind>().Select(ProblemCatalog.Slug).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
    }

    [Fact]
    public void Command_line_separates_verb_options_from_configuration()
    {
        var parsed = CliArguments.Parse(["import", "tasks.csv", "--dry-run", "--Registry:DataDirectory=/tmp/x", "--role", "admin"]);
        Assert.Equal(["import", "tasks.csv"], parsed.Words);
        Assert.True(parsed.Has("--dry-run"));
        Assert.Equal("admin", parsed.Value("--role"));
        Assert.Equal(["--Registry:DataDirectory=/tmp/x"], parsed.ConfigArgs);
    }
}
