using System.Text.Json.Nodes;
using Registry.Search.Elasticsearch;
using Registry.Search.Model;
using Registry.Search.Tests.Corpus;
using Registry.Search.Tests.Model;

namespace Registry.Search.Tests.Elasticsearch;

/// <summary>The Elasticsearch mapping and documents come from the one field declaration (<see cref="IndexFields"/>).</summary>
public sealed class EsFieldDeclarationTests
{
    private static async Task<JsonObject> MappingProperties()
    {
        var cluster = new FakeCluster()
            .On("GET", "/_alias/registry-tasks", (404, EsJson.AliasMissing), (200, EsJson.Alias("registry-tasks-v20261130010203")))
            .On("PUT", "/registry-tasks-v", EsJson.Acknowledged)
            .On("POST", "/registry-tasks/_count", EsJson.Count(0));
        await cluster.Index().CountAsync();
        return cluster.Single("PUT", "/registry-tasks-v").Json["mappings"]!["properties"]!.AsObject();
    }

    private static string ExpectedType(IndexField field) => field.Kind switch
    {
        IndexFieldKind.Text => "text",
        IndexFieldKind.Keyword or IndexFieldKind.Suggestion => "keyword",
        IndexFieldKind.Int32 => "integer",
        IndexFieldKind.Int64 => "long",
        IndexFieldKind.EpochMillis => "date",
        IndexFieldKind.Boolean => "boolean",
        IndexFieldKind.Source => "object",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public async Task Every_declared_field_is_mapped_with_its_declared_type_and_nothing_else_is()
    {
        var properties = await MappingProperties();
        foreach (var field in IndexFields.All)
            Assert.Equal(ExpectedType(field), properties[field.ElasticsearchName]?["type"]?.GetValue<string>());
        // Besides the declared fields, the search fields of the text layout, filled by copy_to.
        string[] layout = [TextLayout.All, TextLayout.AllPairs, TextLayout.BodyPairs, TextLayout.Head, TextLayout.HeadPairs];
        Assert.Equal(IndexFields.All.Select(f => f.ElasticsearchName).Concat(layout).Distinct().Order(StringComparer.Ordinal),
            properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("epoch_millis", properties[IndexFields.UpdatedAt.Name]!["format"]!.GetValue<string>());
        Assert.False(properties[IndexFields.Source.Name]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void A_lucene_only_split_shares_a_later_declared_field_of_the_same_kind()
    {
        foreach (var split in IndexFields.All.Where(f => f.ElasticsearchName != f.Name))
        {
            var target = IndexFields.Get(split.ElasticsearchName);
            Assert.Equal(target.ElasticsearchName, target.Name);
            Assert.Equal(target.Kind, split.Kind);
            Assert.True(split.MultiValued && target.MultiValued, split.Name);
            Assert.True(IndexFields.All.ToList().IndexOf(split) < IndexFields.All.ToList().IndexOf(target), split.Name);
        }
    }

    [Fact]
    public void The_document_of_a_full_task_holds_each_declared_value_in_its_json_shape()
    {
        var d = FullSearchDocument.Value;
        var doc = EsTaskDocument.From(d);
        Assert.Equal(IndexFields.All.Select(f => f.ElasticsearchName).Distinct(), doc.Select(p => p.Key));
        foreach (var field in IndexFields.All.Where(f => f.ElasticsearchName == f.Name))
        {
            var value = doc[field.Name]!;
            if (field.IsNumeric) Assert.Equal(field.Number(d), value.GetValue<long>());
            else if (field.Kind == IndexFieldKind.Boolean) Assert.Equal(field.Flag(d), value.GetValue<bool>());
            else if (field.Kind == IndexFieldKind.Source) Assert.True(JsonNode.DeepEquals(JsonNode.Parse(d.SourceJson), value));
            else if (field.MultiValued)
                Assert.Equal(IndexFields.All.Where(f => f.ElasticsearchName == field.Name).SelectMany(f => f.Strings(d)),
                    value.AsArray().Select(v => v!.GetValue<string>()));
            else Assert.Equal(field.Strings(d).Single(), value.GetValue<string>());
        }
        // The title term (Lucene's own field) leads the one suggestion property.
        var suggest = doc[SearchFields.Suggest]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Equal([.. SuggestionTerms.Title(d), .. SuggestionTerms.Phrases(d)], suggest);
    }

    [Fact]
    public async Task Bulk_documents_of_the_corpus_use_only_mapped_properties_and_leave_absent_values_out()
    {
        var bare = SeededCorpus.Records[0] with { Id = "t-bare-1", HostOrganization = null, Budget = null, StartDate = null, Keywords = null };
        var records = SeededCorpus.Records.Take(59).Append(bare).ToList();
        var cluster = new FakeCluster().On("POST", "/registry-tasks/_bulk", EsJson.Bulk(records.Select(r => ("index", r.Id!, 201)).ToArray()));
        await cluster.Index().UpsertAsync(records);
        var mapped = (await MappingProperties()).Select(p => p.Key).ToHashSet();
        var documents = cluster.Single("POST", "/registry-tasks/_bulk").Lines.Where((_, i) => i % 2 == 1).ToList();
        Assert.Equal(records.Count, documents.Count);
        Assert.All(documents, doc => Assert.Subset(mapped, doc.AsObject().Select(p => p.Key).ToHashSet()));
        Assert.All(documents, doc => Assert.DoesNotContain(doc.AsObject(), p => p.Value is null));
        var bareDocument = documents[^1].AsObject();
        foreach (var absent in new[] { IndexFields.OrganizationId, IndexFields.OrganizationName, IndexFields.BudgetTotal, IndexFields.StartYear })
            Assert.False(bareDocument.ContainsKey(absent.Name), absent.Name);
        // A field of many values stays an array when empty, so its type never depends on the task.
        Assert.Empty(bareDocument[SearchFields.Keywords]!.AsArray());
    }
}
