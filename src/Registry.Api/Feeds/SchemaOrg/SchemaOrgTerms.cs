using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>Small schema.org nodes shared by the task and catalogue JSON-LD: fields of science, outputs, identifiers.</summary>
public static partial class SchemaOrgTerms
{
    /// <summary>
    /// A field-of-science code as a <c>DefinedTerm</c> of the classification: named by its own entry, or by the
    /// nearest entry above it (the table stops at three digits), with the code as recorded.
    /// </summary>
    public static JsonObject Field(string code, string baseUrl)
    {
        var term = new JsonObject
        {
            ["@type"] = "DefinedTerm",
            ["@id"] = PublicUrls.FieldConcept(baseUrl, code),
            ["name"] = FieldsOfScience.Nearest(code)?.NameVi ?? code,
            ["termCode"] = code,
            ["inDefinedTermSet"] = FieldScheme(baseUrl),
        };
        if (FieldsOfScience.Nearest(code)?.NameEn is { } en) term["alternateName"] = en;
        return term;
    }

    public static JsonObject FieldScheme(string baseUrl) => new()
    {
        ["@type"] = "DefinedTermSet",
        ["@id"] = PublicUrls.FieldScheme(baseUrl),
        ["name"] = "Bảng phân loại lĩnh vực KH&CN (Thông tư 24/2025/TT-BKHCN)",
        ["url"] = PublicUrls.FieldScheme(baseUrl),
    };

    /// <summary>A result of the task: a creative work (an article, a data set, software …) or a product (a prototype).</summary>
    public static JsonObject Output(OutputRecord output)
    {
        var node = new JsonObject { ["@type"] = TypeOf(output.Type), ["name"] = output.Title };
        if (!string.IsNullOrWhiteSpace(output.Description)) node["description"] = output.Description;
        if (!string.IsNullOrWhiteSpace(output.Url) && Uri.TryCreate(output.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            node["url"] = url.AbsoluteUri;
        if (!string.IsNullOrWhiteSpace(output.Identifier)) AddIdentifier(node, output.Identifier.Trim());
        return node;
    }

    /// <summary>A DOI becomes a <c>PropertyValue</c> and a doi.org address in <c>sameAs</c>; anything else stays text.</summary>
    public static void AddIdentifier(JsonObject node, string identifier)
    {
        if (Doi(identifier) is { } doi)
        {
            node["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = doi };
            node["sameAs"] = "https://doi.org/" + doi;
        }
        else
        {
            node["identifier"] = identifier;
        }
    }

    /// <summary>The bare DOI (10.prefix/suffix) of an identifier written as a DOI, doi: or a doi.org address.</summary>
    public static string? Doi(string identifier)
    {
        var match = DoiPattern().Match(identifier);
        return match.Success ? match.Groups["doi"].Value : null;
    }

    private static string TypeOf(OutputType? type) => type switch
    {
        OutputType.Publication => "ScholarlyArticle",
        OutputType.Dataset => "Dataset",
        OutputType.Software => "SoftwareSourceCode",
        OutputType.TrainingDegree => "Thesis",
        OutputType.Prototype => "Product",
        _ => "CreativeWork",
    };

    [GeneratedRegex(@"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(?<doi>10\.\d{4,9}/\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DoiPattern();
}
