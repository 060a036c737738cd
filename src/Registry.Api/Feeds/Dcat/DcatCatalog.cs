using System.Globalization;
using System.Text.Json.Nodes;
using Registry.Api.Exports;
using Registry.Api.Feeds.Syndication;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// The registry described in DCAT-AP: one catalogue, one dataset (the tasks) with a distribution per way of
/// getting it, and the data services behind them. Licence: Decree 47/2020 open data, free reuse with attribution.
/// </summary>
public static class DcatCatalog
{
    public const string Publisher = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    public static JsonObject Build(string baseUrl, DateTimeOffset now)
    {
        var licence = baseUrl + "/catalog#licence";
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = baseUrl + "/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Texts("Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ tỉnh Phú Thọ", "Registry of state-funded S&T tasks of Phú Thọ province"),
            ["dct:description"] = Texts(
                "Mọi nhiệm vụ KH&CN sử dụng ngân sách nhà nước của tỉnh Phú Thọ (trừ bí mật nhà nước), công bố để tái sử dụng.",
                "Every state-funded science and technology task of Phú Thọ province except state secrets, published for reuse."),
            ["dct:publisher"] = PublisherNode(baseUrl),
            ["dct:license"] = Licence(licence),
            ["dct:language"] = Iri("http://publications.europa.eu/resource/authority/language/VIE"),
            ["dct:modified"] = Typed(now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "xsd:dateTime"),
            ["foaf:homepage"] = Iri(baseUrl + "/"),
            ["dcat:dataset"] = new JsonArray(Dataset(baseUrl, licence)),
            ["dcat:service"] = new JsonArray(
                Service(baseUrl, "api", "REST API v1", baseUrl + "/api/v1/tasks", baseUrl + "/swagger/v1/swagger.json", licence),
                Service(baseUrl, "oai", "OAI-PMH 2.0 (oai_dc, oai_cerif_openaire)", baseUrl + "/oai", "http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm", licence)),
        };
    }

    private static JsonObject Dataset(string baseUrl, string licence) => new()
    {
        ["@id"] = baseUrl + "/catalog#tasks",
        ["@type"] = "dcat:Dataset",
        ["dct:title"] = Texts("Nhiệm vụ khoa học và công nghệ", "Science and technology tasks"),
        ["dct:description"] = Texts(
            "Đề tài, dự án, đề án KH&CN: tên, tổ chức chủ trì, chủ nhiệm, lĩnh vực, kinh phí, thời gian, kết quả (bản ghi mở v1).",
            "Research projects and schemes: title, host organization, investigators, field, budget, period, results (open-data record v1)."),
        ["dcat:keyword"] = new JsonArray("khoa học và công nghệ", "nhiệm vụ KH&CN", "ngân sách nhà nước", "Phú Thọ", "research projects"),
        ["dct:publisher"] = PublisherNode(baseUrl),
        ["dct:license"] = Licence(licence),
        ["dct:accessRights"] = Iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
        ["dct:spatial"] = new JsonObject { ["@type"] = "dct:Location", ["rdfs:label"] = "Tỉnh Phú Thọ, Việt Nam" },
        ["dcat:contactPoint"] = new JsonObject { ["@type"] = "vcard:Organization", ["vcard:fn"] = Publisher, ["vcard:hasURL"] = Iri(baseUrl + "/") },
        ["dcat:landingPage"] = Iri(baseUrl + "/tasks"),
        ["dcat:distribution"] = new JsonArray(
            Distribution(baseUrl, "rest", "REST API (JSON)", baseUrl + "/api/v1/tasks", "application/json", licence, baseUrl + "/catalog#service-api"),
            Distribution(baseUrl, "csv", "Xuất CSV (CSV export)", baseUrl + "/api/v1/tasks/export.csv", ExportMediaTypes.Csv, licence),
            Distribution(baseUrl, "jsonl", "Xuất JSON Lines (JSON Lines export)", baseUrl + "/api/v1/tasks/export.jsonl", ExportMediaTypes.JsonLines, licence),
            Distribution(baseUrl, "atom", "Atom feed", baseUrl + "/feeds/tasks.atom", FeedMediaTypes.Atom, licence),
            Distribution(baseUrl, "rss", "RSS 2.0 feed", baseUrl + "/feeds/tasks.rss", FeedMediaTypes.Rss, licence),
            Distribution(baseUrl, "jsonfeed", "JSON Feed 1.1", baseUrl + "/feeds/tasks.json", FeedMediaTypes.JsonFeed, licence),
            Distribution(baseUrl, "oai", "OAI-PMH 2.0", baseUrl + "/oai?verb=Identify", "text/xml", licence, baseUrl + "/catalog#service-oai"),
            Distribution(baseUrl, "snapshots", "Bản sao toàn bộ, JSON Lines gzip theo tháng (bulk snapshots)", baseUrl + "/snapshots/manifest.json", "application/json", licence)),
    };

    private static JsonObject Distribution(string baseUrl, string key, string title, string url, string mediaType, string licence, string? service = null)
    {
        var d = new JsonObject
        {
            ["@id"] = $"{baseUrl}/catalog#distribution-{key}",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = title,
            ["dcat:accessURL"] = Iri(url),
            ["dcat:mediaType"] = Iri("https://www.iana.org/assignments/media-types/" + mediaType),
            ["dct:license"] = Iri(licence),
        };
        if (key is not ("rest" or "oai")) d["dcat:downloadURL"] = Iri(url);
        if (service is not null) d["dcat:accessService"] = Iri(service);
        return d;
    }

    private static JsonObject Service(string baseUrl, string key, string title, string endpoint, string description, string licence) => new()
    {
        ["@id"] = $"{baseUrl}/catalog#service-{key}",
        ["@type"] = "dcat:DataService",
        ["dct:title"] = title,
        ["dcat:endpointURL"] = Iri(endpoint),
        ["dcat:endpointDescription"] = Iri(description),
        ["dcat:servesDataset"] = Iri(baseUrl + "/catalog#tasks"),
        ["dct:license"] = Iri(licence),
    };

    private static JsonObject PublisherNode(string baseUrl) => new()
    {
        ["@id"] = baseUrl + "/catalog#publisher",
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = Publisher,
        ["dct:type"] = Iri("http://purl.org/adms/publishertype/RegionalAuthority"),
    };

    private static JsonObject Licence(string id) => new()
    {
        ["@id"] = id,
        ["@type"] = "dct:LicenseDocument",
        ["rdfs:label"] = Texts(
            "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP: tự do sử dụng, sao chép, chia sẻ và tái sử dụng, kể cả thương mại, với điều kiện ghi nguồn “Sở Khoa học và Công nghệ tỉnh Phú Thọ”.",
            "Open data under Decree 47/2020/ND-CP: free to use, copy, share and reuse, including commercially, with attribution to the Phú Thọ Department of Science and Technology."),
    };

    private static JsonObject Iri(string id) => new() { ["@id"] = id };

    private static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };

    private static JsonArray Texts(string vi, string en) => new(
        new JsonObject { ["@value"] = vi, ["@language"] = "vi" },
        new JsonObject { ["@value"] = en, ["@language"] = "en" });
}
