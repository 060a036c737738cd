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
    public async Task Analyzers_use_only_stock_parts_stacking_both_forms_of_each_word()
    {
        var (_, body) = await Create();
        var analysis = body["settings"]!["analysis"]!;
        var tokenizer = analysis["tokenizer"]!["registry_words"]!;
        Assert.Equal("char_group", tokenizer["type"]!.GetValue<string>());
        Assert.Equal(["whitespace", "punctuation", "symbol"], tokenizer["tokenize_on_chars"]!.AsArray().Select(c => c!.GetValue<string>()));

        // Word fields: the original and the folded form at one position ("nấm" and "nam"), as the Lucene engine writes them.
        Assert.Equal("""{"type":"asciifolding","preserve_original":true}""", Sorted(analysis["filter"]!["registry_asciifolding_both"]!));
        Assert.Equal("""{"type":"asciifolding","preserve_original":false}""", Sorted(analysis["filter"]!["registry_asciifolding"]!));
        Assert.Equal("""{"type":"shingle","max_shingle_size":2,"min_shingle_size":2,"output_unigrams":false}""", Sorted(analysis["filter"]!["registry_shingle"]!));

        string[] Filters(string analyzer) => FakeCluster.Many(analysis["analyzer"]![analyzer]!["filter"]).Select(f => f.GetValue<string>()).ToArray();
        Assert.Equal(["lowercase", "registry_asciifolding_both"], Filters("registry_both_forms"));
        Assert.Equal(["lowercase", "registry_synonyms"], Filters("registry_exact_synonyms"));
        Assert.Equal(["lowercase", "registry_shingle"], Filters("registry_pairs"));
        Assert.Equal(["lowercase", "registry_asciifolding", "registry_shingle"], Filters("registry_folded_pairs"));
        Assert.Equal(["lowercase", "registry_asciifolding"], Filters("registry_folded"));
        Assert.All(analysis["analyzer"]!.AsObject(), a => Assert.Equal("registry_words", a.Value!["tokenizer"]!.GetValue<string>()));
        Assert.DoesNotContain("\"type\":\"icu", body.ToJsonString());
    }

    [Fact]
    public async Task The_synonym_filter_holds_the_embedded_vocabulary_in_exact_spellings()
    {
        var (_, body) = await Create();
        var synonyms = body["settings"]!["analysis"]!["filter"]!["registry_synonyms"]!;
        Assert.Equal("synonym_graph", synonyms["type"]!.GetValue<string>());
        var rules = synonyms["synonyms"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains("cđs => cđs, chuyển đổi số", rules);
        Assert.Contains("chuyển đổi số => chuyển đổi số, cđs", rules);
        Assert.Contains(rules, r => r.StartsWith("kh cn => kh cn, khcn, khoa học và công nghệ", StringComparison.Ordinal));
        // Marks are kept: "chè" expands, and the "che" of another word cannot.
        Assert.DoesNotContain(rules, r => r.StartsWith("cds ", StringComparison.Ordinal) || r.StartsWith("chuyen doi so", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mapping_copies_each_source_text_into_the_fields_of_its_part()
    {
        var (_, body) = await Create();
        var mappings = body["mappings"]!;
        Assert.Equal("strict", mappings["dynamic"]!.GetValue<string>());
        Assert.Equal("7", mappings["_meta"]!["registry.layout"]!.GetValue<string>());
        var properties = mappings["properties"]!;
        string[] CopyTo(string source) => FakeCluster.Many(properties[source]!["copy_to"]).Select(f => f.GetValue<string>()).ToArray();
        Assert.Equal(["text", "text_p", "head", "head_p"], CopyTo("title"));
        Assert.Equal(["text", "text_p", "head", "head_p"], CopyTo("keywords"));
        Assert.Equal(["text", "text_p"], CopyTo("summary"));
        // The plain summary goes where the summary goes, so it weighs the same; it is not highlighted on its own.
        Assert.Equal(["text", "text_p"], CopyTo("plainSummary"));
        Assert.Equal(["text", "text_p"], CopyTo("orgName"));
        Assert.Equal(["text", "text_p"], CopyTo("places"));
        Assert.Equal(["text", "body_p"], CopyTo("body"));
        // Only the highlighted texts are searchable on their own; the others are searched through the layout fields.
        Assert.Null(properties["title"]!["index"]);
        Assert.Null(properties["summary"]!["index"]);
        Assert.All(new[] { "keywords", "plainSummary", "orgName", "places", "body" }, f => Assert.False(properties[f]!["index"]!.GetValue<bool>()));

        foreach (var words in new[] { "text", "head" })
        {
            Assert.Equal("registry_both_forms", properties[words]!["analyzer"]!.GetValue<string>());
            Assert.Equal("registry_exact_synonyms", properties[words]!["search_analyzer"]!.GetValue<string>());
            Assert.Equal("freqs", properties[words]!["index_options"]!.GetValue<string>());
        }
        foreach (var pairs in new[] { "text_p", "body_p", "head_p" })
        {
            Assert.Equal("registry_pairs", properties[pairs]!["analyzer"]!.GetValue<string>());
            Assert.Equal("freqs", properties[pairs]!["index_options"]!.GetValue<string>());
            Assert.Equal("registry_folded_pairs", properties[pairs]!["fields"]!["f"]!["analyzer"]!.GetValue<string>());
        }
        // No per-text fields with their own weights remain.
        Assert.DoesNotContain(properties.AsObject(), p => p.Value?["fields"]?["s"] is not null || p.Key.EndsWith(".f", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mapping_keeps_keyword_filters_and_an_unindexed_record()
    {
        var (_, body) = await Create();
        var properties = body["mappings"]!["properties"]!;
        foreach (var keyword in new[] { "id", "code", "codeKey", "orgId", "orgFacet", "fieldPrefix", "field", "sector", "level", "kind", "status", "suggest" })
            Assert.Equal("keyword", properties[keyword]!["type"]!.GetValue<string>());
        Assert.Equal("integer", properties["year"]!["type"]!.GetValue<string>());
        Assert.Equal("long", properties["budget"]!["type"]!.GetValue<string>());
        Assert.Equal("boolean", properties["transferable"]!["type"]!.GetValue<string>());
        Assert.Equal("epoch_millis", properties["updatedAt"]!["format"]!.GetValue<string>());
        Assert.Equal("""{"type":"object","enabled":false}""", Sorted(properties["source"]!, typeFirst: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("5")]
    public async Task A_live_index_of_another_layout_is_replaced_by_an_empty_one_to_rebuild(string? layout)
    {
        var cluster = new FakeCluster()
            .On("GET", "/registry-tasks-v", EsJson.Mapping(layout))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged)
            .On("POST", "/_aliases", EsJson.Acknowledged)
            .On("POST", "/registry-tasks/_count", EsJson.Count(0));
        Assert.Equal(0, await cluster.Index().CountAsync());

        Assert.Equal("/registry-tasks-v20261130010203", cluster.Single("PUT", "/registry-tasks-v").Path);
        var actions = cluster.Single("POST", "/_aliases").Json["actions"]!.AsArray();
        Assert.Equal("registry-tasks-v20261130010203", actions[0]!["add"]!["index"]!.GetValue<string>());
        Assert.Equal("registry-tasks-v20250101000000", actions[1]!["remove_index"]!["index"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_live_index_of_this_layout_is_kept()
    {
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_count", EsJson.Count(3));
        Assert.Equal(3, await cluster.Index().CountAsync());
        Assert.Equal("/registry-tasks-v20250101000000/_mapping", cluster.Single("GET", "/registry-tasks-v").Path);
        Assert.Empty(cluster.All("PUT", "/"));
        Assert.Empty(cluster.All("POST", "/_aliases"));
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
