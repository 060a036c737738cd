using System.Text.Json.Nodes;
using Registry.Api.Exports;
using Registry.Api.Feeds.Syndication;
using Registry.Api.OpenApi;
using Registry.Data.Reference;
using static Registry.Api.Feeds.Dcat.DcatTerms;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// The registry described in DCAT-AP 3.0.1: one catalogue, one dataset (the tasks) with a distribution per way of
/// getting it, and the data services behind them. Every node a property points at carries the class DCAT-AP gives
/// that property's range; code lists come from EU Vocabularies and ADMS. Licence: Decree 47/2020 open data, free
/// reuse with attribution (no entry of the EU licence table states those terms, so the licence is our own document,
/// typed by ADMS as an attribution licence).
/// </summary>
public static class DcatCatalog
{
    public const string Publisher = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    /// <summary>A way of getting the dataset: its key (the node's fragment), file type, media type and address.</summary>
    private sealed record Way(string Key, string TitleVi, string TitleEn, string Path, string FileType, string MediaType, bool Download, string? Service = null);

    private static readonly Way[] Ways =
    [
        new("rest", "API REST (JSON), tìm kiếm và lọc", "REST API (JSON), search and filter", "/api/v1/tasks", "JSON", "application/json", false, "api"),
        new("csv", "Xuất CSV", "CSV export", "/api/v1/tasks/export.csv", "CSV", ExportMediaTypes.Csv, true),
        // Each line is one JSON text; the EU file-type table has no JSON Lines entry, the media type says lines.
        new("jsonl", "Xuất JSON Lines", "JSON Lines export", "/api/v1/tasks/export.jsonl", "JSON", ExportMediaTypes.JsonLines, true),
        new("atom", "Nguồn tin Atom", "Atom feed", "/feeds/tasks.atom", "ATOM", FeedMediaTypes.Atom, true),
        new("rss", "Nguồn tin RSS 2.0", "RSS 2.0 feed", "/feeds/tasks.rss", "RSS", FeedMediaTypes.Rss, true),
        new("jsonfeed", "Nguồn tin JSON Feed 1.1", "JSON Feed 1.1", "/feeds/tasks.json", "JSON", FeedMediaTypes.JsonFeed, true),
        new("oai", "Thu thập OAI-PMH 2.0", "OAI-PMH 2.0 harvesting", "/oai?verb=Identify", "XML", "text/xml", false, "oai"),
        new("snapshots", "Bản sao toàn bộ, JSON Lines gzip theo tháng", "Bulk snapshots, monthly gzip JSON Lines", "/snapshots/manifest.json", "JSON", "application/json", true),
    ];

    public static JsonObject Build(string baseUrl, CatalogFacts facts, DateTimeOffset now)
    {
        var catalog = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["dcatap"] = "http://data.europa.eu/r5r/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["skos"] = "http://www.w3.org/2004/02/skos/core#",
                ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = baseUrl + "/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Texts("Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ tỉnh Phú Thọ", "Registry of state-funded S&T tasks of Phú Thọ province"),
            ["dct:description"] = Texts(
                "Mọi nhiệm vụ KH&CN sử dụng ngân sách nhà nước của tỉnh Phú Thọ (trừ bí mật nhà nước), công bố để tái sử dụng.",
                "Every state-funded science and technology task of Phú Thọ province except state secrets, published for reuse."),
            ["foaf:homepage"] = Document(baseUrl + "/"),
            ["dcat:themeTaxonomy"] = new JsonArray(
                new JsonObject
                {
                    ["@id"] = Authority + "data-theme", ["@type"] = "skos:ConceptScheme",
                    ["dct:title"] = new JsonObject { ["@value"] = "Data theme", ["@language"] = "en" },
                },
                FieldScheme(baseUrl)),
            // The catalogue is itself a dataset (dcat:Catalog ⊑ dcat:Dataset): its own two serialisations.
            ["dcat:distribution"] = new JsonArray(
                CatalogDistribution(baseUrl, "jsonld", "JSON_LD", "application/ld+json"),
                CatalogDistribution(baseUrl, "turtle", "RDF_TURTLE", "text/turtle")),
            ["dcat:dataset"] = new JsonArray(Dataset(baseUrl, facts)),
            ["dcat:service"] = new JsonArray(
                Service(baseUrl, "api", "API REST v1 (JSON)", "REST API v1 (JSON)", baseUrl + "/api/v1/tasks", baseUrl + RegistrySwagger.DocumentPath,
                    Standard("https://spec.openapis.org/oas/v3.0.4", "OpenAPI Specification 3.0.4")),
                Service(baseUrl, "oai", "OAI-PMH 2.0 (oai_dc, oai_cerif_openaire)", "OAI-PMH 2.0 (oai_dc, oai_cerif_openaire)", baseUrl + "/oai",
                    baseUrl + "/oai?verb=Identify", Standard("http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm", "The Open Archives Initiative Protocol for Metadata Harvesting 2.0"))),
        };
        Describe(catalog, baseUrl, facts);
        // The catalogue answers now even when nothing is published yet; feeds date themselves the same way.
        catalog["dct:modified"] ??= DateTime(now);
        return catalog;
    }

    /// <summary>What the catalogue and its dataset share: publisher, contact, licence, coverage, dates, themes.</summary>
    private static void Describe(JsonObject node, string baseUrl, CatalogFacts facts)
    {
        node["dcat:keyword"] = Keywords();
        node["dct:publisher"] = PublisherNode(baseUrl);
        node["dcat:contactPoint"] = ContactPoint(baseUrl);
        node["dct:license"] = Licence(baseUrl);
        node["dct:language"] = new JsonArray(Language("VIE"), Language("ENG"));
        node["dct:spatial"] = Country("VNM");
        if (facts.Start is { } start && facts.End is { } end && start <= end)
            node["dct:temporal"] = new JsonObject { ["@type"] = "dct:PeriodOfTime", ["dcat:startDate"] = Date(start), ["dcat:endDate"] = Date(end) };
        if (facts.Issued is { } issued) node["dct:issued"] = DateTime(issued);
        if (facts.Modified is { } modified) node["dct:modified"] = DateTime(modified);
        node["dcat:theme"] = Themes(baseUrl, facts);
    }

    private static JsonObject Dataset(string baseUrl, CatalogFacts facts)
    {
        var dataset = new JsonObject
        {
            ["@id"] = baseUrl + "/catalog#tasks",
            ["@type"] = "dcat:Dataset",
            ["dct:title"] = Texts("Nhiệm vụ khoa học và công nghệ", "Science and technology tasks"),
            ["dct:description"] = Texts(
                "Đề tài, dự án, đề án KH&CN: tên, tổ chức chủ trì, chủ nhiệm, lĩnh vực, kinh phí, thời gian, kết quả (bản ghi mở v1).",
                "Research projects and schemes: title, host organization, investigators, field, budget, period, results (open-data record v1)."),
            ["dct:accessRights"] = AccessRight("PUBLIC"),
            ["dcat:landingPage"] = Document(baseUrl + "/tasks"),
            ["dcat:distribution"] = new JsonArray(Ways.Select(w => (JsonNode)Distribution(baseUrl, w)).ToArray()),
        };
        Describe(dataset, baseUrl, facts);
        return dataset;
    }

    private static JsonArray Keywords() => new(
        new JsonObject { ["@value"] = "khoa học và công nghệ", ["@language"] = "vi" },
        new JsonObject { ["@value"] = "nhiệm vụ KH&CN", ["@language"] = "vi" },
        new JsonObject { ["@value"] = "ngân sách nhà nước", ["@language"] = "vi" },
        new JsonObject { ["@value"] = "Phú Thọ", ["@language"] = "vi" },
        new JsonObject { ["@value"] = "research projects", ["@language"] = "en" });

    /// <summary>Science and technology (EU data theme), and each field of science the tasks belong to.</summary>
    private static JsonArray Themes(string baseUrl, CatalogFacts facts)
    {
        var themes = new JsonArray(DataTheme("TECH"));
        foreach (var code in facts.Fields)
        {
            if (FieldsOfScience.Find(code) is not { } field) continue;
            themes.Add(new JsonObject
            {
                ["@id"] = PublicUrls.FieldConcept(baseUrl, code),
                ["@type"] = "skos:Concept",
                ["skos:notation"] = code,
                ["skos:prefLabel"] = Texts(field.NameVi, field.NameEn),
                ["skos:inScheme"] = FieldScheme(baseUrl),
            });
        }
        return themes;
    }

    private static JsonObject FieldScheme(string baseUrl) => new()
    {
        ["@id"] = PublicUrls.FieldScheme(baseUrl),
        ["@type"] = "skos:ConceptScheme",
        ["dct:title"] = Texts("Bảng phân loại lĩnh vực KH&CN (Thông tư 24/2025/TT-BKHCN)", "Fields of science and technology (Circular 24/2025/TT-BKHCN)"),
    };

    private static JsonObject Distribution(string baseUrl, Way way)
    {
        var url = baseUrl + way.Path;
        var d = new JsonObject
        {
            ["@id"] = $"{baseUrl}/catalog#distribution-{way.Key}",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Texts(way.TitleVi, way.TitleEn),
            ["dct:description"] = Texts(way.TitleVi + ": mọi nhiệm vụ đã công bố.", way.TitleEn + ": every published task."),
            ["dcat:accessURL"] = Iri(url),
            ["dct:format"] = FileType(way.FileType),
            ["dcat:mediaType"] = MediaType(way.MediaType),
            ["dct:license"] = Iri(LicenceId(baseUrl)),
            ["dcatap:availability"] = Availability("STABLE"),
        };
        if (way.Download) d["dcat:downloadURL"] = Iri(url);
        if (way.Service is { } service) d["dcat:accessService"] = Iri($"{baseUrl}/catalog#service-{service}");
        return d;
    }

    private static JsonObject CatalogDistribution(string baseUrl, string key, string fileType, string mediaType) => new()
    {
        ["@id"] = $"{baseUrl}/catalog#distribution-{key}",
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = Texts($"Danh mục này ({mediaType})", $"This catalogue ({mediaType})"),
        ["dct:description"] = Texts($"GET /catalog với Accept: {mediaType}", $"GET /catalog with Accept: {mediaType}"),
        ["dcat:accessURL"] = Iri(baseUrl + "/catalog"),
        ["dct:format"] = FileType(fileType),
        ["dcat:mediaType"] = MediaType(mediaType),
        ["dct:license"] = Iri(LicenceId(baseUrl)),
        ["dcatap:availability"] = Availability("STABLE"),
    };

    private static JsonObject Service(string baseUrl, string key, string titleVi, string titleEn, string endpoint, string description, JsonObject standard) => new()
    {
        ["@id"] = $"{baseUrl}/catalog#service-{key}",
        ["@type"] = "dcat:DataService",
        ["dct:title"] = Texts(titleVi, titleEn),
        ["dcat:endpointURL"] = Resource(endpoint),
        ["dcat:endpointDescription"] = Resource(description),
        ["dct:conformsTo"] = standard,
        ["dcat:servesDataset"] = Iri(baseUrl + "/catalog#tasks"),
        ["dcat:keyword"] = Keywords(),
        ["dcat:theme"] = DataTheme("TECH"),
        ["dct:publisher"] = Iri(baseUrl + "/catalog#publisher"),
        ["dcat:contactPoint"] = Iri(baseUrl + "/catalog#contact"),
        ["dct:accessRights"] = AccessRight("PUBLIC"),
        ["dct:license"] = Iri(LicenceId(baseUrl)),
    };

    private static JsonObject PublisherNode(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/catalog#publisher",
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = Publisher,
        ["dct:type"] = PublisherType("RegionalAuthority"),
    };

    private static JsonObject ContactPoint(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/catalog#contact",
        ["@type"] = "vcard:Organization",
        ["vcard:fn"] = Publisher,
        ["vcard:hasURL"] = Iri(baseUrl + "/"),
    };

    private static string LicenceId(string baseUrl) => baseUrl + "/catalog#licence";

    private static JsonObject Licence(string baseUrl) => new()
    {
        ["@id"] = LicenceId(baseUrl),
        ["@type"] = "dct:LicenseDocument",
        ["dct:type"] = LicenceType("Attribution"),
        ["rdfs:label"] = Texts(
            "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP: tự do sử dụng, sao chép, chia sẻ và tái sử dụng, kể cả thương mại, với điều kiện ghi nguồn “Sở Khoa học và Công nghệ tỉnh Phú Thọ”.",
            "Open data under Decree 47/2020/ND-CP: free to use, copy, share and reuse, including commercially, with attribution to the Phú Thọ Department of Science and Technology."),
    };
}
