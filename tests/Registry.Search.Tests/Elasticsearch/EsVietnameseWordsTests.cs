using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Registry.Search.Elasticsearch;
using Registry.Search.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The optional vi_tokenizer plugin: sub-fields of the head and a clause that only ranks.</summary>
public sealed class EsVietnameseWordsTests
{
    private static ElasticsearchOptions Options(string value)
    {
        var options = FakeCluster.Options();
        options.VietnameseAnalyzer = value;
        return options;
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("true")]
    [InlineData("")]
    public void Only_off_and_on_are_valid(string value)
    {
        var options = Options(value);
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        var error = Assert.Single(results);
        Assert.Contains("VietnameseAnalyzer", error.ErrorMessage);
        Assert.Contains("'off'", error.ErrorMessage);
    }

    [Theory]
    [InlineData("off", false)]
    [InlineData("On", true)]
    public void Off_is_the_default_and_on_turns_it_on(string value, bool expected)
    {
        var options = Options(value);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.Equal(expected, options.UsesVietnameseAnalyzer);
        Assert.False(FakeCluster.Options().UsesVietnameseAnalyzer);
    }

    [Fact]
    public async Task On_an_index_gets_the_plugin_tokenizer_and_two_sub_fields_of_the_head()
    {
        var cluster = new FakeCluster()
            .On("GET", "/_alias/registry-tasks", (404, EsJson.AliasMissing), (200, EsJson.Alias("registry-tasks-v20261130010203")))
            .On("GET", "/registry-tasks-v", EsJson.Mapping(EsJson.CurrentLayout + "+vi", "registry-tasks-v20261130010203"))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged);
        await cluster.Index(Options("on")).EnsureIndexAsync();
        var body = cluster.Single("PUT", "/registry-tasks-v").Json;

        var analysis = body["settings"]!["analysis"]!;
        Assert.Equal("""{"type":"vi_tokenizer"}""", analysis["tokenizer"]!["registry_vi"]!.ToJsonString());
        Assert.Equal("registry_vi", analysis["analyzer"]!["registry_vi"]!["tokenizer"]!.GetValue<string>());
        Assert.Equal(["lowercase", "registry_asciifolding"], FakeCluster.Many(analysis["analyzer"]!["registry_vi_folded"]!["filter"]).Select(f => f.GetValue<string>()));
        var head = body["mappings"]!["properties"]!["head"]!;
        Assert.Equal("registry_vi", head["fields"]!["vi"]!["analyzer"]!.GetValue<string>());
        Assert.Equal("registry_vi_folded", head["fields"]!["vi_f"]!["analyzer"]!.GetValue<string>());
        Assert.Equal(EsJson.CurrentLayout + "+vi", body["mappings"]!["_meta"]!["registry.layout"]!.GetValue<string>());
    }

    [Fact]
    public async Task Off_nothing_of_the_plugin_is_asked_for()
    {
        var cluster = new FakeCluster()
            .On("GET", "/_alias/registry-tasks", (404, EsJson.AliasMissing), (200, EsJson.Alias("registry-tasks-v20261130010203")))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged);
        await cluster.Index().EnsureIndexAsync();
        Assert.DoesNotContain("vi_tokenizer", cluster.Single("PUT", "/registry-tasks-v").Body);
        Assert.DoesNotContain("head.vi", (await Body("công nghệ sinh học", "off")).ToJsonString());
    }

    [Theory]
    [InlineData("công nghệ sinh học", "head.vi")]
    [InlineData("cong nghe sinh hoc", "head.vi_f")]
    public async Task On_a_scored_search_adds_one_optional_match_on_the_plugin_words(string query, string field)
    {
        var body = await Body(query, "on");
        var root = body["query"]!["bool"]!;
        var match = Assert.Single(FakeCluster.Many(root["should"])).AsObject().Single();
        Assert.Equal("match", match.Key);
        var clause = match.Value!.AsObject().Single();
        Assert.Equal(field, clause.Key);
        Assert.Equal(query, clause.Value!["query"]!.GetValue<string>());
        Assert.Equal(4.5, clause.Value!["boost"]!.GetValue<double>(), 3);
        // Never required: the concepts stay the only must.
        Assert.Single(FakeCluster.Many(root["must"]));
        Assert.Null(root["minimum_should_match"]);
    }

    [Fact]
    public async Task On_a_sorted_search_only_matches_and_adds_nothing()
    {
        var body = await Body("công nghệ sinh học", "on", new SearchSort(SortBy.Newest, SortDirection.Descending));
        Assert.DoesNotContain("head.vi", body.ToJsonString());
    }

    [Fact]
    public async Task Turning_it_on_replaces_an_index_made_without_it()
    {
        var cluster = new FakeCluster()
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged)
            .On("POST", "/_aliases", EsJson.Acknowledged);
        await cluster.Index(Options("on")).EnsureIndexAsync();
        Assert.Single(cluster.All("PUT", "/registry-tasks-v"));
        Assert.Single(cluster.All("POST", "/_aliases"));
    }

    private static async Task<JsonNode> Body(string query, string option, SearchSort? sort = null)
    {
        var cluster = new FakeCluster()
            .On("GET", "/registry-tasks-v", EsJson.Mapping(option == "on" ? EsJson.CurrentLayout + "+vi" : EsJson.CurrentLayout))
            .On("POST", "/registry-tasks/_search", EsJson.Search(0, []))
            .On("POST", "/registry-tasks/_search?request_cache=true", EsQueryRequestTests.Statistics(query, k => k.Field == "text" ? 100 : 0, 1000));
        await cluster.Index(Options(option)).SearchAsync(new SearchRequest { Query = query, Sort = sort ?? SearchSort.Default });
        return cluster.Searches()[0].Json;
    }
}
