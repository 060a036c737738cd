using System.Globalization;
using System.Text.Json.Nodes;
using Registry.Data.Records;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>
/// schema.org JSON-LD of a task: a <c>ResearchProject</c> funded by a <c>MonetaryGrant</c> in VND. Public records
/// only (contacts are never in them). Shared by the API route and the web pages (embed it in a
/// <c>&lt;script type="application/ld+json"&gt;</c>). <c>ResearchProject</c> is an <c>Organization</c> in
/// schema.org, so only properties whose domain includes Organization (or Thing) are used on it: no licence,
/// language or modification date (those belong to creative works). The outputs the grant paid for are its
/// <c>fundedItem</c>s, with their DOI as a <c>PropertyValue</c> and a doi.org address; its media coverage is
/// <c>subjectOf</c> (<see cref="CoverageJsonLd"/>).
/// </summary>
public static class TaskJsonLd
{
    public const string MediaType = "application/ld+json";
    public const string DefaultFunder = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    /// <param name="record">A public record (see <see cref="TaskRecordProjection.ForPublic"/>).</param>
    /// <param name="baseUrl">Absolute base URL without a trailing slash, e.g. https://registry.phutho.gov.vn.</param>
    public static JsonObject Build(TaskRecord record, string baseUrl)
    {
        var page = PublicUrls.TaskPage(baseUrl, record.Id!);
        var project = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ResearchProject",
            ["@id"] = page,
            ["url"] = page,
            // The registry id is already in @id and url; the task code is what people cite.
            ["identifier"] = record.Code,
            ["name"] = record.Title,
        };
        if (record.TitleEn is { } en) project["alternateName"] = en;
        // description is a Thing property (abstract is CreativeWork's, not ResearchProject's): the plain summary when
        // there is one, since search engines and link previews show it to everyone; the scientific summary otherwise.
        if ((record.PlainSummary ?? record.Summary) is { } description) project["description"] = description;
        if (record.StartDate is { } s) project["foundingDate"] = Date(s);
        if (record.EndDate is { } e) project["dissolutionDate"] = Date(e);
        if (record.Keywords is { Count: > 0 } keywords) project["keywords"] = string.Join(", ", keywords);
        var fields = (record.Fields ?? []).Select(c => (JsonNode)SchemaOrgTerms.Field(c, baseUrl)).ToArray();
        if (fields.Length > 0) project["knowsAbout"] = new JsonArray(fields);
        if (record.HostOrganization is { } host)
        {
            var org = Organization(host, baseUrl);
            project["sponsor"] = org.DeepClone();
            project["parentOrganization"] = org;
        }
        var people = new[] { record.PrincipalInvestigator }.Concat(record.Members ?? []).OfType<PersonRecord>().Where(p => p.Name is not null).ToList();
        if (people.Count > 0) project["member"] = new JsonArray(people.Select(Person).ToArray());
        var grant = Grant(record);
        var outputs = (record.Outputs ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Title)).Select(o => (JsonNode)SchemaOrgTerms.Output(o)).ToArray();
        if (outputs.Length > 0) grant["fundedItem"] = new JsonArray(outputs);
        project["funder"] = grant["funder"]!.DeepClone();
        project["funding"] = grant;
        if (CoverageJsonLd.SubjectOf(record.Coverage) is { } coverage) project["subjectOf"] = coverage;
        project["sameAs"] = PublicUrls.TaskApi(baseUrl, record.Id!);
        return project;
    }

    private static JsonObject Organization(OrganizationRef host, string baseUrl)
    {
        var org = new JsonObject { ["@type"] = host.Type == OrganizationType.University ? "CollegeOrUniversity" : "Organization", ["name"] = host.Name };
        if (host.Id is { } id) { org["@id"] = PublicUrls.OrganizationPage(baseUrl, id); org["url"] = PublicUrls.OrganizationPage(baseUrl, id); }
        SchemaOrgTerms.AddUrlIdentifier(org, "ROR", host.Ror);
        if (host.Province is { } province)
            org["address"] = new JsonObject { ["@type"] = "PostalAddress", ["addressRegion"] = province, ["addressLocality"] = host.Commune, ["addressCountry"] = "VN" };
        return org;
    }

    /// <summary>The state budget share when known (that is what the state funds), else the total.</summary>
    private static JsonObject Grant(TaskRecord record)
    {
        var grant = new JsonObject
        {
            ["@type"] = "MonetaryGrant",
            ["name"] = "Ngân sách nhà nước (state budget)",
            ["funder"] = Funder(record),
        };
        if (record.ApprovalDecision?.Number is { } decision) grant["identifier"] = decision;
        if ((record.Budget?.StateBudgetVnd ?? record.Budget?.TotalVnd) is { } vnd)
            grant["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "VND", ["value"] = vnd };
        return grant;
    }

    /// <summary>
    /// Who pays: the funder the record names (with its ROR id or Crossref Funder Registry DOI), else the managing
    /// agency, else the province's department.
    /// </summary>
    private static JsonObject Funder(TaskRecord record)
    {
        if (record.Funder?.Name is { } name)
        {
            var funder = new JsonObject { ["@type"] = "Organization", ["name"] = name };
            var scheme = record.Funder.Identifier is { } funderId && Identifiers.IsRor(funderId) ? "ROR" : "Crossref Funder ID";
            SchemaOrgTerms.AddUrlIdentifier(funder, scheme, record.Funder.Identifier);
            return funder;
        }
        return new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = record.ManagingAgency ?? DefaultFunder };
    }

    /// <summary>Names, titles and roles are public (as in the national bulletins); contacts never are.</summary>
    private static JsonNode Person(PersonRecord person)
    {
        var node = new JsonObject { ["@type"] = "Person", ["name"] = person.Name };
        if (!string.IsNullOrWhiteSpace(person.AcademicTitle)) node["honorificPrefix"] = person.AcademicTitle;
        if (!string.IsNullOrWhiteSpace(person.Role)) node["jobTitle"] = person.Role;
        SchemaOrgTerms.AddUrlIdentifier(node, "ORCID", person.Orcid);
        return node;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
