using System.Xml.Linq;
using System.Xml.Schema;

namespace Registry.EndToEnd.Tests.Feeds;

[Collection(FeedsCollection.Name)]
public sealed class OaiPmhTests(FeedsFactory factory)
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Cerif = "https://www.openaire.eu/cerif-profile/1.1/";
    /// <summary>The official OAI-PMH schema (strict), oai_dc, oai-identifier and the OpenAIRE CERIF profile 1.1.</summary>
    private static readonly XmlSchemaSet Schemas = OpenAireSchemas.Build();
    private const string IdPrefix = "oai:registry.phutho.gov.vn:";

    private async Task<XDocument> OaiAsync(string query)
    {
        var response = await factory.Anonymous().GetAsync("/oai?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return FeedsFactory.ParseValid(await response.Content.ReadAsStringAsync(), Schemas);
    }

    private async Task<string> ErrorCodeAsync(string query) =>
        (await OaiAsync(query)).Root!.Element(Oai + "error")?.Attribute("code")?.Value ?? "(no error)";

    [Fact]
    public async Task Identify_describes_the_repository_its_identifiers_and_its_openaire_service()
    {
        var identify = (await OaiAsync("verb=Identify")).Root!.Element(Oai + "Identify")!;
        Assert.Equal(FeedsFactory.PublicBase + "/oai", identify.Element(Oai + "baseURL")!.Value);
        // Withdrawn tasks stay deleted records, but a person or product removed from a task is simply gone.
        Assert.Equal("transient", identify.Element(Oai + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
        var descriptions = identify.Elements(Oai + "description").Select(d => d.Elements().Single()).ToList();
        XNamespace oaiId = "http://www.openarchives.org/OAI/2.0/oai-identifier";
        var oaiIdentifier = descriptions.Single(d => d.Name == oaiId + "oai-identifier");
        Assert.Equal("registry.phutho.gov.vn", oaiIdentifier.Element(oaiId + "repositoryIdentifier")!.Value);
        Assert.StartsWith(IdPrefix, oaiIdentifier.Element(oaiId + "sampleIdentifier")!.Value);
        var service = descriptions.Single(d => d.Name == Cerif + "Service");
        Assert.Equal("https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Service_Compatibility#1.1", service.Elements().First().Value);
        Assert.Equal(FeedsFactory.PublicBase + "/oai", service.Element(Cerif + "OAIPMHBaseURL")!.Value);
    }

    [Fact]
    public async Task A_full_harvest_by_resumption_tokens_returns_each_published_record_once_and_withdrawn_as_deleted()
    {
        var seeded = await factory.SeedAsync();
        var expected = await factory.PublishedInStoreAsync();
        var seen = new List<string>();
        var deleted = new List<string>();
        var query = "verb=ListRecords&metadataPrefix=oai_dc";
        var pages = 0;
        int? completeListSize = null;
        while (true)
        {
            var list = (await OaiAsync(query)).Root!.Element(Oai + "ListRecords")!;
            foreach (var record in list.Elements(Oai + "record"))
            {
                var header = record.Element(Oai + "header")!;
                var id = header.Element(Oai + "identifier")!.Value[IdPrefix.Length..];
                if (header.Attribute("status")?.Value == "deleted")
                {
                    Assert.Null(record.Element(Oai + "metadata"));
                    deleted.Add(id);
                    continue;
                }
                seen.Add(id);
                var dc = record.Element(Oai + "metadata")!.Element(XName.Get("dc", "http://www.openarchives.org/OAI/2.0/oai_dc/"))!;
                Assert.Equal(expected[id].Title, dc.Elements(Dc + "title").First().Value);
                Assert.DoesNotContain("@", dc.ToString());
            }
            var token = list.Element(Oai + "resumptionToken");
            pages++;
            if (token is null) break;
            completeListSize ??= int.Parse(token.Attribute("completeListSize")!.Value);
            Assert.Equal((pages - 1) * FeedsFactory.OaiPageSize, int.Parse(token.Attribute("cursor")!.Value));
            if (token.Value.Length == 0) break;
            query = "verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value);
        }
        Assert.True(pages > 1);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected.Keys.Order(), seen.Order());
        Assert.Contains(seeded.Withdrawn, deleted);
        Assert.DoesNotContain(seeded.Draft, seen.Concat(deleted));
        Assert.Equal(completeListSize, seen.Count + deleted.Count);
    }

    [Fact]
    public async Task Sets_select_by_field_prefix_and_level()
    {
        await factory.SeedAsync();
        var expected = (await factory.PublishedInStoreAsync()).Values.Where(r => r.Fields!.Any(f => f.StartsWith('4'))).Select(r => r.Id!).ToHashSet();
        var ids = await HarvestIdsAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=field:4");
        Assert.True(expected.IsSubsetOf(ids));
        var records = await factory.PublishedInStoreAsync();
        Assert.All(ids.Where(records.ContainsKey), id => Assert.StartsWith("4", records[id].Fields![0]));

        var national = await HarvestIdsAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=level:national");
        Assert.NotEmpty(national);
        Assert.All(national.Where(records.ContainsKey), id => Assert.Equal(Registry.Data.Records.TaskLevel.National, records[id].Level));

        var sets = (await OaiAsync("verb=ListSets")).Root!.Descendants(Oai + "setSpec").Select(s => s.Value).ToList();
        Assert.Contains("field:401", sets);
        Assert.Contains("status:accepted", sets);
    }

    [Fact]
    public async Task From_and_until_select_by_datestamp_at_both_granularities()
    {
        await factory.SeedAsync();
        var all = await HeadersAsync("verb=ListIdentifiers&metadataPrefix=oai_dc");
        var middle = all[all.Count / 2].Datestamp;
        var from = await HeadersAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&from={middle}");
        Assert.Equal(all.Where(h => string.CompareOrdinal(h.Datestamp, middle) >= 0).Select(h => h.Id).Order(), from.Select(h => h.Id).Order());
        var until = await HeadersAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&until={middle}");
        Assert.Equal(all.Where(h => string.CompareOrdinal(h.Datestamp, middle) <= 0).Select(h => h.Id).Order(), until.Select(h => h.Id).Order());
        var day = middle[..10];
        var sameDay = await HeadersAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&from={day}&until={day}");
        Assert.Equal(all.Where(h => h.Datestamp.StartsWith(day)).Select(h => h.Id).Order(), sameDay.Select(h => h.Id).Order());
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Dance", "badVerb")]
    [InlineData("verb=Identify&verb=Identify", "badVerb")]
    [InlineData("verb=Identify&extra=1", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2024-01-01&until=2024-01-02T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2025-01-02&until=2025-01-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=field:999", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01", "noRecordsMatch")]
    [InlineData("verb=ListRecords&resumptionToken=garbage", "badResumptionToken")]
    [InlineData("verb=ListRecords&resumptionToken=x&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListSets&resumptionToken=anything", "badResumptionToken")]
    [InlineData("verb=GetRecord&identifier=oai:registry.phutho.gov.vn:tnothere&metadataPrefix=oai_dc", "idDoesNotExist")]
    [InlineData("verb=GetRecord&identifier=oai:registry.phutho.gov.vn:tnothere", "badArgument")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:elsewhere:1", "idDoesNotExist")]
    public async Task Protocol_errors_carry_the_codes_the_spec_names(string query, string code)
    {
        await factory.SeedAsync();
        Assert.Equal(code, await ErrorCodeAsync(query));
    }

    [Fact]
    public async Task Drafts_do_not_exist_and_withdrawn_records_are_deleted_headers()
    {
        var seeded = await factory.SeedAsync();
        Assert.Equal("idDoesNotExist", await ErrorCodeAsync($"verb=GetRecord&identifier={IdPrefix}{seeded.Draft}&metadataPrefix=oai_dc"));
        var record = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{seeded.Withdrawn}&metadataPrefix=oai_dc")).Root!.Descendants(Oai + "record").Single();
        Assert.Equal("deleted", record.Element(Oai + "header")!.Attribute("status")?.Value);
        Assert.Null(record.Element(Oai + "metadata"));
    }

    [Fact]
    public async Task Cerif_profile_describes_the_project_its_funding_and_host_organization()
    {
        var seeded = await factory.SeedAsync();
        var id = seeded.Published[0];
        var doc = await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{id}&metadataPrefix=oai_cerif_openaire");
        var project = doc.Root!.Descendants(Cerif + "Project").Single();
        Assert.Equal(id, project.Attribute("id")!.Value);
        var amount = project.Element(Cerif + "Funded")!.Descendants(Cerif + "Amount").Single();
        Assert.Equal("VND", amount.Attribute("currency")!.Value);
        Assert.Equal("1200000000", amount.Value);
        var coordinator = project.Element(Cerif + "Consortium")!.Element(Cerif + "Coordinator")!.Element(Cerif + "OrgUnit")!;
        Assert.Equal("Trường Đại học Hùng Vương", coordinator.Element(Cerif + "Name")!.Value);
        var principal = project.Element(Cerif + "Team")!.Element(Cerif + "PrincipalInvestigator")!;
        Assert.Equal($"{id}-p0", principal.Element(Cerif + "Person")!.Attribute("id")!.Value);
        Assert.DoesNotContain("an.nguyen@example.vn", doc.ToString());
        Assert.DoesNotContain("0912345678", doc.ToString());
    }

    [Fact]
    public async Task Post_form_requests_work_like_get()
    {
        var response = await factory.Anonymous().PostAsync("/oai", new FormUrlEncodedContent([new("verb", "ListMetadataFormats")]));
        var doc = FeedsFactory.ParseValid(await response.Content.ReadAsStringAsync(), Schemas);
        var prefixes = doc.Root!.Descendants(Oai + "metadataPrefix").Select(p => p.Value).ToList();
        Assert.Equal(["oai_dc", "oai_cerif_openaire"], prefixes);
    }

    private async Task<HashSet<string>> HarvestIdsAsync(string query) => (await HeadersAsync(query)).Select(h => h.Id).ToHashSet();

    private async Task<List<(string Id, string Datestamp)>> HeadersAsync(string query)
    {
        var result = new List<(string, string)>();
        while (true)
        {
            var doc = await OaiAsync(query);
            if (doc.Root!.Element(Oai + "error") is not null) return result;
            var list = doc.Root!.Element(Oai + "ListIdentifiers")!;
            result.AddRange(list.Elements(Oai + "header").Select(h => (h.Element(Oai + "identifier")!.Value[IdPrefix.Length..], h.Element(Oai + "datestamp")!.Value)));
            var token = list.Element(Oai + "resumptionToken")?.Value;
            if (string.IsNullOrEmpty(token)) return result;
            query = "verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token);
        }
    }
}
