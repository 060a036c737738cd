using System.Text.Json.Nodes;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The first start: the alias is missing, so the first versioned index is created with the mapping.</summary>
public sealed class EsIndexCreationTests
{
    private static async Task<(FakeCluster Cluster, JsonNode Body)> Create()
    {
        var cluster = new FakeCluster()
            .On("GET", "/_alias/registry-tasks", (404, EsJson.AliasMissing), (200, EsJson.Alias("registry-tasks-v20261130010203")))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged)
            .On("POST", "/registry-tasks/_count", EsJson.Count(0));
        Assert.Equal(0, await cluster.Index().CountAsync());
        return (cluster, cluster.Single("PUT", "/registry-tasks-v").Json);
    }

    [Fact]
    public async Task A_missing_alias_creates_the_first_versioned_index_with_the_alias_in_one_request()
    {
        var (cluster, body) = await Create();
        Assert.Equal("/registry-tasks-v20261130010203", cluster.Single("PUT", "/registry-tasks-v").Path);
        Assert.NotNull(body["aliases"]!["registry-tasks"]);
        Assert.Equal("1s", body["settings"]!["refresh_interval"]!.GetValue<string>());
        // Later calls use the alias, never the versioned name.
        Assert.Equal("/registry-tasks/_count", cluster.Calls[^1].Path);
    }

    [Fact]
    public async Task Analyzers_use_only_stock_parts_mirroring_the_project_analysis()
    {
        var (_, body) = await Create();
        var analysis = body["settings"]!["analysis"]!;
        var tokenizer = analysis["tokenizer"]!["registry_words"]!;
        Assert.Equal("char_group", tokenizer["type"]!.GetValue<string>());
        Assert.Equal(["whitespace", "punctuation", "symbol"], tokenizer["tokenize_on_chars"]!.AsArray().Select(c => c!.GetValue<string>()));

        Assert.Equal("""{"type":"asciifolding","preserve_original":false}""", Sorted(analysis["filter"]!["registry_asciifolding"]!));
        Assert.Equal("""{"type":"shingle","max_shingle_size":2,"min_shingle_size":2,"output_unigrams":false}""", Sorted(analysis["filter"]!["registry_shingle"]!));

        string[] Filters(string analyzer) => FakeCluster.Many(analysis["analyzer"]![analyzer]!["filter"]).Select(f => f.GetValue<string>()).ToArray();
        Assert.Equal(["lowercase"], Filters("registry_original"));
        Assert.Equal(["lowercase", "registry_asciifolding"], Filters("registry_folded"));
        Assert.Equal(["lowercase", "registry_shingle"], Filters("registry_original_shingles"));
        Assert.Equal(["lowercase", "registry_asciifolding", "registry_shingle"], Filters("registry_folded_shingles"));
        Assert.Equal(["lowercase", "registry_asciifolding", "registry_synonyms"], Filters("registry_folded_synonyms"));
        Assert.All(analysis["analyzer"]!.AsObject(), a => Assert.Equal("registry_words", a.Value!["tokenizer"]!.GetValue<string>()));
        Assert.DoesNotContain("icu", body.ToJsonString());
    }

    [Fact]
    public async Task The_synonym_filter_comes_from_the_embedded_dictionary_in_folded_form()
    {
        var (_, body) = await Create();
        var synonyms = body["settings"]!["analysis"]!["filter"]!["registry_synonyms"]!;
        Assert.Equal("synonym_graph", synonyms["type"]!.GetValue<string>());
        var rules = synonyms["synonyms"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains("cds => cds, chuyen doi so", rules);
        Assert.Contains("chuyen doi so => chuyen doi so, cds", rules);
        Assert.Contains(rules, r => r.StartsWith("kh cn => kh cn, khcn, khoa hoc va cong nghe", StringComparison.Ordinal));
        Assert.All(rules, r => Assert.True(r.All(c => c < 128), r));
    }

    [Fact]
    public async Task The_mapping_is_strict_with_keyword_filters_text_sub_fields_and_an_unindexed_record()
    {
        var (_, body) = await Create();
        var mappings = body["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        var properties = mappings["properties"]!;
        foreach (var keyword in new[] { "id", "code", "codeKey", "orgId", "orgFacet", "fieldPrefix", "field", "sector", "level", "kind", "status", "suggest" })
            Assert.Equal("keyword", properties[keyword]!["type"]!.GetValue<string>());
        Assert.Equal("integer", properties["year"]!["type"]!.GetValue<string>());
        Assert.Equal("long", properties["budget"]!["type"]!.GetValue<string>());
        Assert.Equal("boolean", properties["transferable"]!["type"]!.GetValue<string>());
        Assert.Equal("epoch_millis", properties["updatedAt"]!["format"]!.GetValue<string>());
        Assert.Equal("""{"type":"object","enabled":false}""", Sorted(properties["source"]!, typeFirst: true));

        foreach (var text in new[] { "title", "keywords", "summary", "orgName", "body" })
        {
            var field = properties[text]!;
            Assert.Equal("registry_original", field["analyzer"]!.GetValue<string>());
            Assert.Equal("registry_folded", field["fields"]!["f"]!["analyzer"]!.GetValue<string>());
            Assert.Equal("registry_folded_synonyms", field["fields"]!["f"]!["search_analyzer"]!.GetValue<string>());
            if (text == "body") continue;
            Assert.Equal("registry_original_shingles", field["fields"]!["s"]!["analyzer"]!.GetValue<string>());
            Assert.Equal("registry_folded_shingles", field["fields"]!["fs"]!["analyzer"]!.GetValue<string>());
        }
        // No shingles for the long body, as in the Lucene engine: they cost the most indexing and barely rank.
        Assert.Equal(["f"], properties["body"]!["fields"]!.AsObject().Select(f => f.Key));
    }

    [Fact]
    public async Task An_existing_alias_is_used_as_is_and_checked_only_once()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_count", EsJson.Count(204));
        var index = cluster.Index();
        Assert.Equal(204, await index.CountAsync());
        Assert.Equal(204, await index.CountAsync());
        Assert.Single(cluster.All("GET", "/_alias/"));
        Assert.Empty(cluster.All("PUT", "/"));
    }

    [Fact]
    public async Task Two_instances_racing_on_first_start_keep_the_oldest_index()
    {
        var cluster = new FakeCluster()
            .On("GET", "/_alias/registry-tasks", (404, EsJson.AliasMissing), (200, EsJson.Alias("registry-tasks-v20261130010203", "registry-tasks-v20261130010159")))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged)
            .On("POST", "/_aliases", EsJson.Acknowledged);
        await cluster.Index().EnsureIndexAsync();
        var actions = cluster.Single("POST", "/_aliases").Json["actions"]!.AsArray();
        Assert.Equal("registry-tasks-v20261130010159", actions[0]!["add"]!["index"]!.GetValue<string>());
        Assert.Equal("registry-tasks-v20261130010203", actions[1]!["remove_index"]!["index"]!.GetValue<string>());
    }

    /// <summary>Compact JSON with keys sorted ("type" first when asked), for order-independent comparison.</summary>
    private static string Sorted(JsonNode node, bool typeFirst = true)
    {
        var o = node.AsObject();
        var keys = o.Select(p => p.Key).OrderBy(k => typeFirst && k == "type" ? "" : k, StringComparer.Ordinal);
        return new JsonObject(keys.Select(k => KeyValuePair.Create(k, o[k]?.DeepClone()))).ToJsonString();
    }
}
