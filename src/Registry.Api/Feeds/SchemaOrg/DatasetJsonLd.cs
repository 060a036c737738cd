using System.Globalization;
using System.Text.Json.Nodes;
using Registry.Api.Exports;
using Registry.Api.Feeds.Dcat;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>
/// schema.org <c>Dataset</c> markup for dataset search engines (Google Dataset Search reads name, description,
/// licence, creator, coverage and the <c>DataDownload</c>s): the whole catalogue on the home page, and the export of
/// one search on its results page. Same facts as the DCAT-AP catalogue (<see cref="DcatCatalog"/>).
/// </summary>
public static class DatasetJsonLd
{
    /// <summary>The whole catalogue: every published task, with the catalogue's coverage and dates.</summary>
    public static JsonObject Catalogue(string baseUrl, CatalogFacts facts)
    {
        var dataset = Common(baseUrl, baseUrl + "/catalog#tasks",
            "Nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước tỉnh Phú Thọ",
            "Science and technology tasks funded by Phú Thọ province",
            "Mọi nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước của tỉnh Phú Thọ (trừ bí mật nhà nước): tên, tổ chức chủ trì, "
            + "chủ nhiệm, lĩnh vực, kinh phí, thời gian thực hiện, nghiệm thu và kết quả, theo bản ghi dữ liệu mở v1. "
            + "Every state-funded science and technology task of Phú Thọ province except state secrets: title, host organization, "
            + "investigators, field of science, budget, period, acceptance and results (open-data record v1).",
            "");
        dataset["url"] = baseUrl + "/";
        if (facts.Start is { } start && facts.End is { } end && start <= end)
            dataset["temporalCoverage"] = $"{Date(start)}/{Date(end)}";
        if (facts.Issued is { } issued) dataset["datePublished"] = Date(DateOnly.FromDateTime(issued.UtcDateTime));
        if (facts.Modified is { } modified) dataset["dateModified"] = modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (facts.Fields.Count > 0) dataset["about"] = new JsonArray(facts.Fields.Select(f => (JsonNode)SchemaOrgTerms.Field(f, baseUrl)).ToArray());
        return dataset;
    }

    /// <summary>
    /// One search as a data set: the tasks it finds, downloadable as CSV and JSON Lines with the same parameters.
    /// </summary>
    /// <param name="pagePath">The results page (path and query), the dataset's url.</param>
    /// <param name="exportQuery">The search parameters as a query string (with '?'), or empty for every task.</param>
    /// <param name="what">The search in words, for the name and description.</param>
    public static JsonObject Search(string baseUrl, string pagePath, string exportQuery, string what, long total)
    {
        var count = total.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        var dataset = Common(baseUrl, baseUrl + pagePath,
            $"Nhiệm vụ KH&CN tỉnh Phú Thọ — tìm kiếm: {what}",
            $"Phú Thọ S&T tasks — search: {what}",
            $"Kết quả tìm kiếm “{what}” trong cơ sở dữ liệu nhiệm vụ khoa học và công nghệ tỉnh Phú Thọ: {count} nhiệm vụ, tải về dạng CSV hoặc JSON Lines. "
            + $"Search results for “{what}” in the Phú Thọ registry of state-funded science and technology tasks, downloadable as CSV or JSON Lines.",
            exportQuery);
        dataset["url"] = baseUrl + pagePath;
        dataset["isPartOf"] = new JsonObject { ["@type"] = "Dataset", ["@id"] = baseUrl + "/catalog#tasks", ["url"] = baseUrl + "/" };
        return dataset;
    }

    private static JsonObject Common(string baseUrl, string id, string name, string nameEn, string description, string exportQuery)
    {
        var publisher = new JsonObject
        {
            ["@type"] = "GovernmentOrganization", ["@id"] = baseUrl + "/catalog#publisher", ["name"] = DcatCatalog.Publisher, ["url"] = baseUrl + "/",
        };
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["@id"] = id,
            ["name"] = name,
            ["alternateName"] = nameEn,
            ["description"] = description,
            ["keywords"] = new JsonArray("khoa học và công nghệ", "nhiệm vụ KH&CN", "ngân sách nhà nước", "Phú Thọ", "research projects"),
            ["inLanguage"] = new JsonArray("vi", "en"),
            ["isAccessibleForFree"] = true,
            ["license"] = new JsonObject
            {
                ["@type"] = "CreativeWork",
                ["@id"] = baseUrl + "/catalog#licence",
                ["url"] = baseUrl + "/catalog#licence",
                ["name"] = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP, ghi nguồn Sở Khoa học và Công nghệ tỉnh Phú Thọ (open data, attribution)",
            },
            ["creator"] = publisher.DeepClone(),
            ["publisher"] = publisher,
            ["spatialCoverage"] = new JsonObject
            {
                ["@type"] = "Place",
                ["name"] = "Tỉnh Phú Thọ, Việt Nam",
                ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressRegion"] = "Phú Thọ", ["addressCountry"] = "VN" },
            },
            ["includedInDataCatalog"] = new JsonObject
            {
                ["@type"] = "DataCatalog", ["@id"] = baseUrl + "/catalog", ["name"] = "Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ tỉnh Phú Thọ", ["url"] = baseUrl + "/catalog",
            },
            ["distribution"] = new JsonArray(
                Download(baseUrl + "/api/v1/tasks/export.csv" + exportQuery, ExportMediaTypes.Csv, "CSV"),
                Download(baseUrl + "/api/v1/tasks/export.jsonl" + exportQuery, ExportMediaTypes.JsonLines, "JSON Lines")),
        };
    }

    private static JsonObject Download(string url, string mediaType, string name) => new()
    {
        ["@type"] = "DataDownload", ["name"] = name, ["encodingFormat"] = mediaType, ["contentUrl"] = url,
    };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
