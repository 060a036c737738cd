using System.Xml.Linq;
using System.Xml.Schema;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// The OpenAIRE CRIS profile over OAI-PMH: every record of every OpenAIRE set validates against the official
/// schemas (OAI-PMH strict, CERIF profile 1.1, shipped in Schemas/openaire-cris), every id a record links to is
/// answered by GetRecord, contact data never appears, and hostile sets and identifiers get the protocol's errors.
/// </summary>
[Collection(FeedsCollection.Name)]
public sealed class OaiCerifTests(FeedsFactory factory)
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Cerif = "https://www.openaire.eu/cerif-profile/1.1/";
    private static readonly XmlSchemaSet Schemas = OpenAireSchemas.Build();
    private const string IdPrefix = "oai:registry.phutho.gov.vn:";
    private const string Format = "metadataPrefix=oai_cerif_openaire";

    public static readonly TheoryData<string> Sets =
        ["openaire_cris_projects", "openaire_cris_orgunits", "openaire_cris_persons", "openaire_cris_funding", "openaire_cris_products"];

    private async Task<XDocument> OaiAsync(string query)
    {
        var response = await factory.Anonymous().GetAsync("/oai?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FeedsFactory.ParseValid(await response.Content.ReadAsStringAsync(), Schemas);
    }

    private async Task<string> ErrorCodeAsync(string query) =>
        (await OaiAsync(query)).Root!.Element(Oai + "error")?.Attribute("code")?.Value ?? "(no error)";

    /// <summary>A task with every identifier, its own host organization, members and typed outputs, published.</summary>
    private async Task<string> PublishRichTaskAsync(string organization)
    {
        var record = new TaskRecordBuilder().With(r => r with
        {
            Funder = new FunderRecord { Name = "Quỹ Phát triển khoa học và công nghệ Quốc gia", Identifier = "10.13039/100007224" },
            HostOrganization = new OrganizationRef { Name = organization, Type = OrganizationType.ResearchInstitute, Province = "Phú Thọ", Ror = "02jx3x895" },
            PrincipalInvestigator = r.PrincipalInvestigator! with { Orcid = "0000-0002-1825-0097" },
            Members =
            [
                new PersonRecord { Name = "Trần Thị Bình", AcademicTitle = "ThS.", Role = "Thư ký", Orcid = "0000-0002-1694-233X", Email = "binh@bimat.example.vn", Phone = "0987654321" },
                new PersonRecord { Name = "Lê Cường", Role = "Thành viên" },
            ],
            Outputs =
            [
                new OutputRecord { Type = OutputType.Publication, Title = "Bài báo về giống chè", Identifier = "10.31276/VJST.64(2).01", IdentifierType = OutputIdentifierType.Doi, Url = "https://vjst.vn/bai-bao" },
                new OutputRecord { Type = OutputType.Software, Title = "Phần mềm quản lý vùng chè", Identifier = "20.500.12345/678", IdentifierType = OutputIdentifierType.Handle },
                new OutputRecord { Type = OutputType.Publication, Title = "Sách chuyên khảo", Identifier = "978-3-16-148410-0", IdentifierType = OutputIdentifierType.Isbn },
                new OutputRecord { Type = OutputType.UtilitySolution, Title = "Giải pháp hữu ích", Identifier = "2-0001234", IdentifierType = OutputIdentifierType.Patent, Description = "Đã được cấp bằng." },
            ],
        }).Build();
        return await factory.PublishAsync(await factory.CreateAsync(record));
    }

    /// <summary>Every record of a list, through all its resumption tokens; each page validated.</summary>
    private async Task<List<XElement>> HarvestAsync(string query)
    {
        var records = new List<XElement>();
        var cursors = new List<int>();
        while (true)
        {
            var doc = await OaiAsync(query);
            if (doc.Root!.Element(Oai + "error") is { } error)
            {
                Assert.Equal("noRecordsMatch", error.Attribute("code")!.Value);
                return records;
            }
            var list = doc.Root!.Element(Oai + "ListRecords")!;
            records.AddRange(list.Elements(Oai + "record"));
            var token = list.Element(Oai + "resumptionToken");
            if (token is null) return records;
            cursors.Add(int.Parse(token.Attribute("cursor")!.Value));
            if (token.Value.Length == 0) return records;
            query = "verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value);
        }
    }

    private static string LocalId(XElement record) => record.Element(Oai + "header")!.Element(Oai + "identifier")!.Value[IdPrefix.Length..];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Every_record_of_every_openaire_set_validates_and_lists_once_with_the_set_in_its_header(string set)
    {
        await factory.SeedAsync();
        await PublishRichTaskAsync("Viện Nghiên cứu Chè " + Guid.NewGuid().ToString("N")[..6]);

        var records = await HarvestAsync($"verb=ListRecords&{Format}&set={set}");

        Assert.NotEmpty(records);
        var ids = records.Select(LocalId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(records, r => Assert.Contains(set, r.Element(Oai + "header")!.Elements(Oai + "setSpec").Select(s => s.Value)));
        foreach (var record in records.Where(r => r.Element(Oai + "header")!.Attribute("status") is null))
        {
            var entity = record.Element(Oai + "metadata")!.Elements().Single();
            Assert.Equal(LocalId(record), entity.Attribute("id")!.Value);
            Assert.Empty(entity.DescendantsAndSelf(Cerif + "ElectronicAddress"));
            Assert.DoesNotContain("@bimat.example.vn", entity.ToString());
            Assert.DoesNotContain("0987654321", entity.ToString());
        }
    }

    [Fact]
    public async Task Every_id_a_project_or_product_links_to_is_answered_by_GetRecord_with_that_entity()
    {
        await factory.SeedAsync();
        var task = await PublishRichTaskAsync("Viện Nghiên cứu Chè " + Guid.NewGuid().ToString("N")[..6]);
        var project = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}&{Format}")).Root!.Descendants(Cerif + "Project").Single();
        var product = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}-o0&{Format}")).Root!.Descendants(Cerif + "Product").Single();

        var links = project.Descendants().Concat(product.Descendants()).Where(e => e.Attribute("id") is not null).ToList();
        Assert.Contains(links, l => l.Name == Cerif + "OrgUnit");
        Assert.Equal(3, links.Count(l => l.Name == Cerif + "Person"));
        Assert.Contains(links, l => l.Name == Cerif + "Funding");
        Assert.Contains(links, l => l.Name == Cerif + "Project");
        foreach (var link in links)
        {
            var answer = await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{link.Attribute("id")!.Value}&{Format}");
            var entity = answer.Root!.Descendants(Oai + "metadata").Single().Elements().Single();
            Assert.Equal(link.Name, entity.Name);
            Assert.Equal(link.Attribute("id")!.Value, entity.Attribute("id")!.Value);
        }
    }

    [Fact]
    public async Task Identifiers_reach_the_cerif_records_and_oai_dc_relations()
    {
        await factory.SeedAsync();
        var task = await PublishRichTaskAsync("Viện Nghiên cứu Chè " + Guid.NewGuid().ToString("N")[..6]);

        var person = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}-p1&{Format}")).Root!.Descendants(Cerif + "Person").Single();
        Assert.Equal("https://orcid.org/0000-0002-1694-233X", person.Element(Cerif + "ORCID")!.Value);
        Assert.Equal(("Trần", "Thị Bình"), (person.Descendants(Cerif + "FamilyNames").Single().Value, person.Descendants(Cerif + "FirstNames").Single().Value));
        var org = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}&{Format}")).Root!.Descendants(Cerif + "Coordinator").Single().Element(Cerif + "OrgUnit")!;
        Assert.Equal("https://ror.org/02jx3x895", org.Element(Cerif + "Identifier")!.Value);
        var funding = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}-f&{Format}")).Root!.Descendants(Cerif + "Funding").Single();
        Assert.Equal("https://doi.org/10.13039/100007224", funding.Element(Cerif + "Funder")!.Descendants(Cerif + "Identifier").Single().Value);
        var doi = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}-o0&{Format}")).Root!.Descendants(Cerif + "DOI").Single();
        Assert.Equal("10.31276/VJST.64(2).01", doi.Value);

        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var relations = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{task}&metadataPrefix=oai_dc")).Root!.Descendants(dc + "relation").Select(r => r.Value).ToList();
        Assert.Equal(
            ["https://doi.org/10.31276/VJST.64(2).01", "https://hdl.handle.net/20.500.12345/678", "urn:isbn:9783161484100", "patent:VN 2-0001234",
             "https://doi.org/10.13039/100007224", "https://ror.org/02jx3x895", "https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1694-233X"],
            relations);
    }

    [Fact]
    public async Task Organisation_units_page_with_resumption_tokens_and_each_answers_GetRecord()
    {
        await factory.SeedAsync();
        var names = Enumerable.Range(0, 4).Select(i => $"Trung tâm Ứng dụng KH&CN {i} {Guid.NewGuid():N}"[..40]).ToList();
        foreach (var name in names) await PublishRichTaskAsync(name);

        var pages = 0;
        var query = $"verb=ListIdentifiers&{Format}&set=openaire_cris_orgunits";
        var ids = new List<string>();
        while (true)
        {
            var list = (await OaiAsync(query)).Root!.Element(Oai + "ListIdentifiers")!;
            pages++;
            ids.AddRange(list.Elements(Oai + "header").Select(h => h.Element(Oai + "identifier")!.Value));
            var token = list.Element(Oai + "resumptionToken");
            if (token is null || token.Value.Length == 0)
            {
                if (token is not null) Assert.Equal(ids.Count, int.Parse(token.Attribute("completeListSize")!.Value));
                break;
            }
            query = "verb=ListIdentifiers&resumptionToken=" + Uri.EscapeDataString(token.Value);
        }

        Assert.True(pages > 1, $"{ids.Count} organisations in {pages} page(s)");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var records = new List<string>();
        foreach (var id in ids)
            records.Add((await OaiAsync($"verb=GetRecord&identifier={id}&{Format}")).Root!.Descendants(Cerif + "OrgUnit").Single().Element(Cerif + "Name")!.Value);
        Assert.All(names, n => Assert.Contains(n, records));
    }

    [Fact]
    public async Task Persons_page_with_resumption_tokens_each_person_once()
    {
        await factory.SeedAsync();
        var records = await HarvestAsync($"verb=ListRecords&{Format}&set=openaire_cris_persons");
        var published = await factory.PublishedInStoreAsync();
        var expected = published.Values.Sum(r => (r.PrincipalInvestigator is null ? 0 : 1) + (r.Members?.Count ?? 0));
        Assert.True(records.Count >= expected, $"{records.Count} persons for {expected} investigators");
        Assert.Equal(records.Count, records.Select(LocalId).Distinct().Count());
    }

    [Fact]
    public async Task A_withdrawn_task_leaves_deleted_records_and_cerif_entities_have_no_oai_dc()
    {
        var seeded = await factory.SeedAsync();
        var funding = (await HarvestAsync($"verb=ListRecords&{Format}&set=openaire_cris_funding"))
            .Single(r => LocalId(r) == $"{seeded.Withdrawn}-f");
        Assert.Equal("deleted", funding.Element(Oai + "header")!.Attribute("status")!.Value);
        var person = (await OaiAsync($"verb=GetRecord&identifier={IdPrefix}{seeded.Withdrawn}-p0&{Format}")).Root!.Descendants(Oai + "header").Single();
        Assert.Equal("deleted", person.Attribute("status")!.Value);
        Assert.Equal("idDoesNotExist", await ErrorCodeAsync($"verb=GetRecord&identifier={IdPrefix}{seeded.Draft}-p0&{Format}"));

        Assert.Equal("cannotDisseminateFormat", await ErrorCodeAsync($"verb=GetRecord&identifier={IdPrefix}{seeded.Published[0]}-p0&metadataPrefix=oai_dc"));
        Assert.Equal("noRecordsMatch", await ErrorCodeAsync("verb=ListRecords&metadataPrefix=oai_dc&set=openaire_cris_persons"));
        var formats = (await OaiAsync($"verb=ListMetadataFormats&identifier={IdPrefix}{seeded.Published[0]}-f")).Root!.Descendants(Oai + "metadataPrefix").Select(p => p.Value);
        Assert.Equal(["oai_cerif_openaire"], formats);
    }

    [Theory]
    [InlineData("openaire_cris_people")]
    [InlineData("OPENAIRE_CRIS_PROJECTS")]
    [InlineData("openaire_cris_projects:x")]
    [InlineData("openaire_cris_publications")]
    [InlineData("openaire_cris_projects ")]
    [InlineData("openaire")]
    [InlineData("field:4' OR '1'='1")]
    [InlineData("../../etc/passwd")]
    public async Task Hostile_or_unknown_set_names_are_badArgument(string set)
    {
        await factory.SeedAsync();
        Assert.Equal("badArgument", await ErrorCodeAsync($"verb=ListRecords&{Format}&set={Uri.EscapeDataString(set)}"));
        Assert.Equal("badArgument", await ErrorCodeAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&set={Uri.EscapeDataString(set)}"));
    }

    [Fact]
    public async Task A_long_set_name_is_refused_without_being_echoed_at_length()
    {
        // Long, but within the host's 2048-character query limit, so the OAI handler is the one that answers.
        var set = new string('x', 1900);
        var doc = await OaiAsync($"verb=ListRecords&{Format}&set={set}");
        var error = doc.Root!.Element(Oai + "error")!;
        Assert.Equal("badArgument", error.Attribute("code")!.Value);
        Assert.True(error.Value.Length < 300, error.Value);
    }

    [Theory]
    [InlineData("-p01")]
    [InlineData("-p-1")]
    [InlineData("-p1000")]
    [InlineData("-p")]
    [InlineData("-x0")]
    [InlineData("-f-f")]
    [InlineData("-F")]
    [InlineData("-o99")]
    [InlineData("-p٣")]
    [InlineData("/../o0")]
    public async Task Hostile_identifiers_built_on_a_real_task_are_idDoesNotExist(string suffix)
    {
        var seeded = await factory.SeedAsync();
        var identifier = Uri.EscapeDataString(IdPrefix + seeded.Published[0] + suffix);
        Assert.Equal("idDoesNotExist", await ErrorCodeAsync($"verb=GetRecord&identifier={identifier}&{Format}"));
        Assert.Equal("idDoesNotExist", await ErrorCodeAsync($"verb=ListMetadataFormats&identifier={identifier}"));
    }

    [Theory]
    [InlineData("oai:registry.phutho.gov.vn:")]
    [InlineData("oai:registry.phutho.gov.vn:Projects/t0123456789ab")]
    [InlineData("oai:registry.phutho.gov.vn:o0123456789ab")]
    [InlineData("oai:registry.phutho.gov.vn:T0123456789AB")]
    [InlineData("oai:elsewhere.example:t0123456789ab")]
    [InlineData("t0123456789ab")]
    public async Task Unknown_identifiers_are_idDoesNotExist(string identifier)
    {
        await factory.SeedAsync();
        Assert.Equal("idDoesNotExist", await ErrorCodeAsync($"verb=GetRecord&identifier={Uri.EscapeDataString(identifier)}&{Format}"));
    }
}
