using System.Globalization;
using System.Text.Json.Nodes;

namespace Registry.Api.Feeds.Dcat;

/// <summary>
/// Nodes the catalogue points at in controlled vocabularies (EU Vocabularies authority tables, ADMS, IANA), each
/// typed with the class DCAT-AP 3.0.1 expects as the property's range. The tables themselves type their concepts as
/// <c>skos:Concept</c> only, so a harvester validating the catalogue on its own would otherwise see class violations.
/// </summary>
public static class DcatTerms
{
    public const string Authority = "http://publications.europa.eu/resource/authority/";

    /// <summary>A language of the EU language table (ISO 639-2/B codes, e.g. VIE).</summary>
    public static JsonObject Language(string code) => Typed(Authority + "language/" + code, "dct:LinguisticSystem", "skos:Concept");

    /// <summary>A file type of the EU file-type table (e.g. CSV, JSON, ATOM).</summary>
    public static JsonObject FileType(string code) => Typed(Authority + "file-type/" + code, "dct:MediaTypeOrExtent", "skos:Concept");

    /// <summary>An IANA media type by its registry address.</summary>
    public static JsonObject MediaType(string type) => Typed("https://www.iana.org/assignments/media-types/" + type, "dct:MediaType");

    public static JsonObject DataTheme(string code) => Typed(Authority + "data-theme/" + code, "skos:Concept");

    public static JsonObject Country(string code) => Typed(Authority + "country/" + code, "dct:Location");

    public static JsonObject AccessRight(string code) => Typed(Authority + "access-right/" + code, "dct:RightsStatement", "skos:Concept");

    public static JsonObject Availability(string code) => Typed(Authority + "planned-availability/" + code, "skos:Concept");

    /// <summary>A publisher type of ADMS (e.g. RegionalAuthority).</summary>
    public static JsonObject PublisherType(string code) => Typed("http://purl.org/adms/publishertype/" + code, "skos:Concept");

    /// <summary>A licence type of ADMS (e.g. Attribution).</summary>
    public static JsonObject LicenceType(string code) => Typed("http://purl.org/adms/licencetype/" + code, "skos:Concept");

    /// <summary>A specification a data service implements.</summary>
    public static JsonObject Standard(string iri, string title) => new()
    {
        ["@id"] = iri, ["@type"] = "dct:Standard", ["dct:title"] = title,
    };

    /// <summary>A web page (landing page, homepage, endpoint description).</summary>
    public static JsonObject Document(string iri) => Typed(iri, "foaf:Document");

    /// <summary>
    /// An address typed <c>rdfs:Resource</c>, which RDFS entails for every IRI; DCAT-AP's shapes ask for the class
    /// (endpoint URL and description) and a SHACL validator does not entail it.
    /// </summary>
    public static JsonObject Resource(string iri) => Typed(iri, "rdfs:Resource");

    public static JsonObject Iri(string id) => new() { ["@id"] = id };

    public static JsonObject Literal(string value, string type) => new() { ["@value"] = value, ["@type"] = type };

    public static JsonObject Date(DateOnly date) => Literal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "xsd:date");

    public static JsonObject DateTime(DateTimeOffset at) =>
        Literal(at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "xsd:dateTime");

    public static JsonArray Texts(string vi, string en) => new(
        new JsonObject { ["@value"] = vi, ["@language"] = "vi" },
        new JsonObject { ["@value"] = en, ["@language"] = "en" });

    private static JsonObject Typed(string id, params string[] types) => new()
    {
        ["@id"] = id,
        ["@type"] = types.Length == 1 ? types[0] : new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
    };
}
