using System.Text.Json.Nodes;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>Small schema.org nodes shared by the task and catalogue JSON-LD: fields of science, outputs, identifiers.</summary>
public static class SchemaOrgTerms
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
        if (!string.IsNullOrWhiteSpace(output.Identifier)) AddOutputIdentifier(node, output.IdentifierType, output.Identifier.Trim());
        return node;
    }

    /// <summary>
    /// A typed identifier (record v1 stores it canonical) becomes a <c>PropertyValue</c> naming its scheme, and its
    /// web address (doi.org, hdl.handle.net) goes to <c>sameAs</c>. Without a type the identifier is free text, kept as
    /// text: an untyped value that looks like a DOI is not claimed to be one.
    /// </summary>
    public static void AddOutputIdentifier(JsonObject node, OutputIdentifierType? type, string identifier)
    {
        if (type is null or OutputIdentifierType.Other)
        {
            node["identifier"] = identifier;
            return;
        }
        node["identifier"] = PropertyValue(SchemeName(type.Value), identifier);
        if (Identifiers.OutputUri(type, identifier) is { } uri && uri.StartsWith("https://", StringComparison.Ordinal)) node["sameAs"] = uri;
    }

    /// <summary>An ORCID iD or ROR id (stored as its https URL): the identifier as a PropertyValue and the URL in sameAs.</summary>
    public static void AddUrlIdentifier(JsonObject node, string scheme, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return;
        node["identifier"] = PropertyValue(scheme, url);
        node["sameAs"] = url;
    }

    private static JsonObject PropertyValue(string scheme, string value) => new()
    {
        ["@type"] = "PropertyValue", ["propertyID"] = scheme, ["value"] = value,
    };

    private static string SchemeName(OutputIdentifierType type) => type switch
    {
        OutputIdentifierType.Doi => "DOI",
        OutputIdentifierType.Isbn => "ISBN",
        OutputIdentifierType.Issn => "ISSN",
        OutputIdentifierType.Patent => "VN patent",
        OutputIdentifierType.Handle => "Handle",
        _ => type.ToString(),
    };

    private static string TypeOf(OutputType? type) => type switch
    {
        OutputType.Publication => "ScholarlyArticle",
        OutputType.Dataset => "Dataset",
        OutputType.Software => "SoftwareSourceCode",
        OutputType.TrainingDegree => "Thesis",
        OutputType.Prototype => "Product",
        _ => "CreativeWork",
    };
}
