using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feeds;

[Collection(FeedsCollection.Name)]
public sealed class CatalogTests(FeedsFactory factory)
{
    [Fact]
    public async Task Dcat_catalogue_is_json_ld_with_catalog_dataset_distributions_and_licence()
    {
        var response = await factory.Anonymous().GetAsync("/catalog");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var catalog = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("http://www.w3.org/ns/dcat#", catalog.GetProperty("@context").GetProperty("dcat").GetString());
        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        Assert.Equal("Sở Khoa học và Công nghệ tỉnh Phú Thọ", catalog.GetProperty("dct:publisher").GetProperty("foaf:name").GetString());
        var dataset = catalog.GetProperty("dcat:dataset")[0];
        Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
        var distributions = dataset.GetProperty("dcat:distribution").EnumerateArray().ToList();
        Assert.All(distributions, d =>
        {
            Assert.Equal("dcat:Distribution", d.GetProperty("@type").GetString());
            Assert.StartsWith(FeedsFactory.PublicBase, d.GetProperty("dcat:accessURL").GetProperty("@id").GetString());
            Assert.True(d.TryGetProperty("dct:license", out _));
        });
        var urls = distributions.Select(d => d.GetProperty("dcat:accessURL").GetProperty("@id").GetString()).ToList();
        Assert.Contains(FeedsFactory.PublicBase + "/oai?verb=Identify", urls);
        Assert.Contains(FeedsFactory.PublicBase + "/snapshots/manifest.json", urls);
        Assert.Contains("47/2020", catalog.GetProperty("dct:license").GetRawText());
        Assert.Equal(2, catalog.GetProperty("dcat:service").GetArrayLength());
    }

    [Fact]
    public async Task Dcat_dataset_is_dated_themed_and_covered_by_its_records()
    {
        await factory.SeedAsync();
        var catalog = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/catalog")).RootElement;
        var dataset = catalog.GetProperty("dcat:dataset")[0];
        var records = (await factory.PublishedInStoreAsync()).Values.ToList();

        var issued = DateTimeOffset.Parse(dataset.GetProperty("dct:issued").GetProperty("@value").GetString()!);
        var modified = DateTimeOffset.Parse(dataset.GetProperty("dct:modified").GetProperty("@value").GetString()!);
        Assert.Equal(records.Min(r => r.PublishedAt)!.Value.ToUnixTimeSeconds(), issued.ToUnixTimeSeconds());
        Assert.Equal(records.Max(r => r.UpdatedAt ?? r.PublishedAt)!.Value.ToUnixTimeSeconds(), modified.ToUnixTimeSeconds());
        var temporal = dataset.GetProperty("dct:temporal");
        Assert.Equal(records.Min(r => r.StartDate)!.Value.ToString("yyyy-MM-dd"), temporal.GetProperty("dcat:startDate").GetProperty("@value").GetString());
        Assert.Equal(records.Max(r => r.EndDate)!.Value.ToString("yyyy-MM-dd"), temporal.GetProperty("dcat:endDate").GetProperty("@value").GetString());

        var themes = dataset.GetProperty("dcat:theme").EnumerateArray().Select(t => t.GetProperty("@id").GetString()).ToList();
        Assert.Contains("http://publications.europa.eu/resource/authority/data-theme/TECH", themes);
        var fields = records.SelectMany(r => r.Fields ?? []).Select(f => f[..1]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(fields.Select(f => $"{FeedsFactory.PublicBase}/api/v1/fields#{f}"), themes.Skip(1));

        Assert.All(dataset.GetProperty("dcat:distribution").EnumerateArray(), d =>
        {
            Assert.StartsWith("http://publications.europa.eu/resource/authority/file-type/", d.GetProperty("dct:format").GetProperty("@id").GetString());
            Assert.Equal("dct:MediaType", d.GetProperty("dcat:mediaType").GetProperty("@type").GetString());
        });
        Assert.All(catalog.GetProperty("dcat:service").EnumerateArray(), s =>
        {
            Assert.Equal("dct:Standard", s.GetProperty("dct:conformsTo").GetProperty("@type").GetString());
            Assert.StartsWith(FeedsFactory.PublicBase, s.GetProperty("dcat:endpointDescription").GetProperty("@id").GetString());
        });
        Assert.Equal("http://purl.org/adms/publishertype/RegionalAuthority", catalog.GetProperty("dct:publisher").GetProperty("dct:type").GetProperty("@id").GetString());
        Assert.Equal("vcard:Organization", dataset.GetProperty("dcat:contactPoint").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task Dcat_catalogue_sees_a_task_published_after_it_was_read()
    {
        await factory.SeedAsync();
        static string Start(JsonElement catalog) =>
            catalog.GetProperty("dcat:dataset")[0].GetProperty("dct:temporal").GetProperty("dcat:startDate").GetProperty("@value").GetString()!;
        var before = Start(JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/catalog")).RootElement);
        Assert.NotEqual("1986-02-03", before);

        var old = new Registry.Api.Tests.Builders.TaskRecordBuilder().With(r => r with { StartDate = new DateOnly(1986, 2, 3) }).Build();
        await factory.PublishAsync(await factory.CreateAsync(old));
        await factory.WaitForIndexAsync();

        var after = Start(JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/catalog")).RootElement);
        Assert.Equal("1986-02-03", after);
    }

    [Theory]
    [InlineData("/api/v1/tasks/export.csv")]
    [InlineData("/api/v1/tasks/export.jsonl")]
    public async Task Dcat_names_the_media_type_each_export_is_served_with(string path)
    {
        var catalog = JsonDocument.Parse(await factory.Anonymous().GetStringAsync("/catalog")).RootElement;
        var distribution = catalog.GetProperty("dcat:dataset")[0].GetProperty("dcat:distribution").EnumerateArray()
            .Single(d => d.TryGetProperty("dcat:downloadURL", out var url) && url.GetProperty("@id").GetString() == FeedsFactory.PublicBase + path);
        var named = distribution.GetProperty("dcat:mediaType").GetProperty("@id").GetString();

        var served = (await factory.Anonymous().GetAsync(path)).Content.Headers.ContentType?.MediaType;
        Assert.Equal("https://www.iana.org/assignments/media-types/" + served, named);
    }

    [Fact]
    public async Task Dcat_catalogue_is_turtle_when_asked()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        request.Headers.Accept.ParseAdd("text/turtle");
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal("text/turtle", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("@prefix dcat: <http://www.w3.org/ns/dcat#> .", text);
        Assert.Contains($"<{FeedsFactory.PublicBase}/catalog> a dcat:Catalog ;", text);
        Assert.Contains("a dcat:Distribution", text);
    }

    [Fact]
    public async Task Task_json_ld_is_a_research_project_with_a_monetary_grant_in_vnd()
    {
        var seeded = await factory.SeedAsync();
        var id = seeded.Published[0];
        var response = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}.jsonld");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var project = JsonDocument.Parse(text).RootElement;
        Assert.Equal("https://schema.org", project.GetProperty("@context").GetString());
        Assert.Equal("ResearchProject", project.GetProperty("@type").GetString());
        Assert.Equal($"{FeedsFactory.PublicBase}/tasks/{id}", project.GetProperty("url").GetString());
        var funding = project.GetProperty("funding");
        Assert.Equal("MonetaryGrant", funding.GetProperty("@type").GetString());
        Assert.Equal("VND", funding.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal(1_200_000_000, funding.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.Equal("Trường Đại học Hùng Vương", project.GetProperty("sponsor").GetProperty("name").GetString());
        Assert.Equal("2024-01-01", project.GetProperty("foundingDate").GetString());
        Assert.DoesNotContain("an.nguyen@example.vn", text);

        await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{seeded.Draft}.jsonld")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{seeded.Withdrawn}.jsonld")).AssertProblemAsync(HttpStatusCode.Gone, "gone");
    }

    [Fact]
    public async Task The_rest_task_url_answers_json_ld_when_asked_and_record_v1_otherwise()
    {
        var seeded = await factory.SeedAsync();
        var id = seeded.Published[0];
        var ld = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        ld.Headers.Accept.ParseAdd("application/ld+json");
        var response = await factory.Anonymous().SendAsync(ld);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ResearchProject", (await response.ReadJsonAsync()).GetProperty("@type").GetString());

        var plain = await factory.Anonymous().GetAsync($"/api/v1/tasks/{id}");
        Assert.Equal("application/json", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(id, (await plain.ReadJsonAsync()).GetProperty("id").GetString());
        // Shared caches must keep the two apart: both answers vary on Accept.
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("Accept", plain.Headers.Vary);

        var withdrawn = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{seeded.Withdrawn}");
        withdrawn.Headers.Accept.ParseAdd("application/ld+json");
        await (await factory.Anonymous().SendAsync(withdrawn)).AssertProblemAsync(HttpStatusCode.Gone, "gone");
    }
}
