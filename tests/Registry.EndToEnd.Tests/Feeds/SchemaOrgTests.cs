using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// schema.org as the service emits it (task JSON-LD, the blocks in the pages), checked against the official
/// vocabulary: every type exists and every property is used within its <c>domainIncludes</c>.
/// </summary>
[Collection(FeedsCollection.Name)]
public sealed partial class SchemaOrgTests(FeedsFactory factory)
{
    private static readonly SchemaOrgVocabulary Vocabulary = SchemaOrgVocabulary.Load();

    [Fact]
    public void The_domain_check_finds_properties_outside_their_domain()
    {
        var misuse = JsonNode.Parse("""
            {"@type": "ResearchProject", "name": "x", "license": "https://example.vn/l", "inLanguage": "vi",
             "member": [{"@type": "Person", "name": "A", "foundingDate": "2020-01-01"}], "notAProperty": 1,
             "funding": {"@type": "NotAType", "name": "y"}}
            """)!;
        var problems = Vocabulary.Check(misuse);
        Assert.Contains(problems, p => p.StartsWith("$.license: used on ResearchProject"));
        Assert.Contains(problems, p => p.StartsWith("$.inLanguage: used on ResearchProject"));
        Assert.Contains(problems, p => p.StartsWith("$.member[0].foundingDate: used on Person"));
        Assert.Contains(problems, p => p.StartsWith("$.notAProperty: not a schema.org property"));
        Assert.Contains(problems, p => p.StartsWith("$.funding: NotAType is not a schema.org type"));
        Assert.True(Vocabulary.Ancestors("ResearchProject").Contains("Organization"));
    }

    [Fact]
    public async Task Every_json_ld_node_the_service_emits_uses_properties_within_their_domains()
    {
        await factory.SeedAsync();
        var withOutputs = await CreateTaskWithOutputsAsync();
        var client = factory.Anonymous();
        var documents = new List<(string Where, string Json)>();
        // Every task public now (other tests in the collection withdraw some of the seeded ones).
        foreach (var id in (await factory.PublishedInStoreAsync()).Keys)
            documents.Add(($"/api/v1/tasks/{id}.jsonld", await client.GetStringAsync($"/api/v1/tasks/{id}.jsonld")));
        foreach (var page in new[] { "/", "/?lang=en", "/tasks", "/tasks?q=ch%C3%A8&level=provincial", $"/tasks/{withOutputs}", $"/tasks/{withOutputs}?lang=en" })
            foreach (var block in Scripts(await client.GetStringAsync(page)))
                documents.Add((page, block));

        Assert.Contains(documents, d => d.Where == "/" && d.Json.Contains("\"Dataset\""));
        var problems = documents.SelectMany(d => Vocabulary.Check(JsonNode.Parse(d.Json)!).Select(p => $"{d.Where} {p}")).ToList();
        Assert.True(problems.Count == 0, "schema.org misuse:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Task_names_its_fields_as_defined_terms_and_its_outputs_with_dois()
    {
        var id = await CreateTaskWithOutputsAsync();
        var project = JsonNode.Parse(await factory.Anonymous().GetStringAsync($"/api/v1/tasks/{id}.jsonld"))!.AsObject();
        Assert.False(project.ContainsKey("license"));
        Assert.False(project.ContainsKey("inLanguage"));
        Assert.False(project.ContainsKey("dateModified"));

        var field = project["knowsAbout"]![0]!;
        Assert.Equal("DefinedTerm", (string?)field["@type"]);
        Assert.Equal("40101", (string?)field["termCode"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)field["name"]));
        Assert.NotEqual("40101", (string?)field["name"]);
        Assert.Equal("DefinedTermSet", (string?)field["inDefinedTermSet"]!["@type"]);

        var outputs = project["funding"]!["fundedItem"]!.AsArray();
        var article = outputs.Single(o => (string?)o!["@type"] == "ScholarlyArticle")!;
        Assert.Equal("DOI", (string?)article["identifier"]!["propertyID"]);
        Assert.Equal("10.1234/tea.2024.001", (string?)article["identifier"]!["value"]);
        Assert.Equal("https://doi.org/10.1234/tea.2024.001", (string?)article["sameAs"]);
        var patent = outputs.Single(o => (string?)o!["name"] == "Quy trình chế biến chè xanh")!;
        Assert.Equal("VN patent", (string?)patent["identifier"]!["propertyID"]);
        Assert.Equal("1-0012345", (string?)patent["identifier"]!["value"]);
        Assert.Null(patent["sameAs"]);
        var untyped = outputs.Single(o => (string?)o!["name"] == "Báo cáo tổng kết")!;
        Assert.Equal("10.9999/not-typed", (string?)untyped["identifier"]);
        Assert.Null(untyped["sameAs"]);
    }

    [Fact]
    public async Task Orcid_ror_and_funder_ids_are_identifiers_and_same_as_links()
    {
        var id = await CreateTaskWithOutputsAsync();
        var project = JsonNode.Parse(await factory.Anonymous().GetStringAsync($"/api/v1/tasks/{id}.jsonld"))!;
        var leader = project["member"]![0]!;
        Assert.Equal("ORCID", (string?)leader["identifier"]!["propertyID"]);
        Assert.Equal("https://orcid.org/0000-0002-1694-233X", (string?)leader["sameAs"]);
        Assert.Equal("https://ror.org/05dxps055", (string?)project["sponsor"]!["sameAs"]);
        Assert.Equal("ROR", (string?)project["sponsor"]!["identifier"]!["propertyID"]);
        var funder = project["funding"]!["funder"]!;
        Assert.Equal("Quỹ Phát triển khoa học và công nghệ Quốc gia", (string?)funder["name"]);
        Assert.Equal("https://doi.org/10.13039/501100000780", (string?)funder["sameAs"]);
        Assert.Equal("Crossref Funder ID", (string?)funder["identifier"]!["propertyID"]);
        Assert.Equal((string?)funder["name"], (string?)project["funder"]!["name"]);
    }

    [Fact]
    public async Task Home_and_search_pages_carry_a_dataset_for_dataset_search_engines()
    {
        await factory.SeedAsync();
        var home = JsonNode.Parse(Scripts(await factory.Anonymous().GetStringAsync("/")).Single(s => s.Contains("\"Dataset\"")))!;
        Assert.Equal("Dataset", (string?)home["@type"]);
        Assert.True(((string?)home["description"])!.Length >= 50, "Google asks for a description of 50 characters or more");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$", (string?)home["temporalCoverage"]);
        Assert.Equal("Place", (string?)home["spatialCoverage"]!["@type"]);
        Assert.Equal("GovernmentOrganization", (string?)home["creator"]!["@type"]);
        Assert.Contains("47/2020", (string?)home["license"]!["name"]);
        var downloads = home["distribution"]!.AsArray();
        Assert.All(downloads, d => Assert.Equal("DataDownload", (string?)d!["@type"]));
        Assert.Contains(downloads, d => (string?)d!["encodingFormat"] == "text/csv");

        var search = JsonNode.Parse(Scripts(await factory.Anonymous().GetStringAsync("/tasks?q=ch%C3%A8&level=provincial")).Single())!;
        Assert.Equal("Dataset", (string?)search["@type"]);
        var csv = (string?)search["distribution"]!.AsArray().Single(d => (string?)d!["encodingFormat"] == "text/csv")!["contentUrl"];
        Assert.StartsWith("http://localhost/api/v1/tasks/export.csv?", csv);
        Assert.Contains("q=ch%C3%A8", csv);
        Assert.Contains("level=provincial", csv);
        // The export the markup names answers with the data.
        var export = await factory.Anonymous().GetAsync(new Uri(csv!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> CreateTaskWithOutputsAsync()
    {
        var record = new TaskRecordBuilder().With(r => r with
        {
            Fields = ["40101"],
            HostOrganization = r.HostOrganization! with { Ror = "https://ror.org/05dxps055" },
            PrincipalInvestigator = r.PrincipalInvestigator! with { Orcid = "0000-0002-1694-233X" },
            Funder = new FunderRecord { Name = "Quỹ Phát triển khoa học và công nghệ Quốc gia", Identifier = "10.13039/501100000780" },
            Outputs =
            [
                new OutputRecord { Type = OutputType.Publication, Title = "Chè Shan tuyết Phú Thọ", IdentifierType = OutputIdentifierType.Doi, Identifier = "https://doi.org/10.1234/tea.2024.001" },
                new OutputRecord { Type = OutputType.Patent, Title = "Quy trình chế biến chè xanh", IdentifierType = OutputIdentifierType.Patent, Identifier = "1-0012345", Transferable = true },
                // Free text that happens to look like a DOI: without a type it is not claimed to be one.
                new OutputRecord { Type = OutputType.Other, Title = "Báo cáo tổng kết", Identifier = "10.9999/not-typed" },
            ],
        }).Build();
        var id = await factory.PublishAsync(await factory.CreateAsync(record));
        await factory.WaitForIndexAsync();
        return id;
    }

    internal static IReadOnlyList<string> Scripts(string html) =>
        JsonLdScript().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("""<script type="application/ld\+json">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();
}
