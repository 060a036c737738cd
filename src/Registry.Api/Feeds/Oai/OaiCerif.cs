using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Registry.Data.Catalog;
using Registry.Data.Records;

namespace Registry.Api.Feeds.Oai;

/// <summary>
/// The OpenAIRE CERIF profile 1.1 (<c>oai_cerif_openaire</c>): a task as a Project, its host as an OrgUnit, its
/// investigators as Persons (name and ORCID only: contact data never enters a CERIF record), its state budget grant as
/// a Funding and its outputs as Products. Every <c>id</c> attribute is the local part of an OAI identifier
/// (<see cref="OaiItemId"/>), so a harvester resolves each link with GetRecord. Element order follows the schema.
/// </summary>
public static partial class OaiCerif
{
    public static readonly XNamespace Ns = "https://www.openaire.eu/cerif-profile/1.1/";
    private static readonly XNamespace FundingTypes = "https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Funding_Types";
    private static readonly XNamespace ProductTypes = "https://www.openaire.eu/cerif-profile/vocab/COAR_Product_Types";
    private static readonly XNamespace Compatibility = "https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Service_Compatibility";
    private const string IdTypes = "https://w3id.org/cerif/vocab/IdentifierTypes#";
    private const string OrganisationTypes = "https://w3id.org/cerif/vocab/OrganisationTypes";
    private const string DefaultFunder = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    public static XElement Project(TaskRecord r, string baseUrl)
    {
        var p = new XElement(Ns + "Project", new XAttribute("id", r.Id!),
            new XElement(Ns + "Acronym", r.Code),
            Lang("Title", r.Title, "vi"),
            r.TitleEn is { } en ? Lang("Title", en, "en") : null,
            Identifier("ProjectReference", r.Code),
            Identifier("URL", PublicUrls.TaskPage(baseUrl, r.Id!)),
            Date("StartDate", r.StartDate),
            Date("EndDate", r.EndDate));
        if (r.HostOrganization is { Id: not null } host)
            p.Add(new XElement(Ns + "Consortium", new XElement(Ns + "Coordinator", OrgUnitLink(host))));
        if (Team(r) is { } team) p.Add(team);
        p.Add(new XElement(Ns + "Funded", new XElement(Ns + "By", FunderOrgUnit(r)), new XElement(Ns + "As", Funding(r))));
        foreach (var code in r.Fields ?? []) p.Add(new XElement(Ns + "Subject", new XAttribute("scheme", PublicUrls.FieldScheme(baseUrl)), code));
        foreach (var k in r.Keywords ?? []) p.Add(Lang("Keyword", k, "vi"));
        if (r.Summary is { } summary) p.Add(Lang("Abstract", summary, "vi"));
        p.Add(new XElement(Ns + "Status", new XAttribute("scheme", baseUrl + "/api/v1/filters#status"), EnumLabels.Key(r.Status ?? Data.Records.TaskStatus.Approved)));
        p.Add(new XElement(Ns + "OAMandate", new XAttribute("mandated", "true"), new XAttribute("uri", baseUrl + "/catalog")));
        return p;
    }

    /// <summary>The state budget grant of a task, funded by its funder (or the managing agency), amount in VND.</summary>
    public static XElement Funding(TaskRecord r)
    {
        var f = new XElement(Ns + "Funding", new XAttribute("id", OaiItemId.Funding(r.Id!).Local),
            new XElement(FundingTypes + "Type", FundingTypes.NamespaceName + "#Grant"),
            Lang("Name", $"Kinh phí nhiệm vụ {r.Code}", "vi"));
        if ((r.Budget?.StateBudgetVnd ?? r.Budget?.TotalVnd) is { } vnd)
            f.Add(new XElement(Ns + "Amount", new XAttribute("currency", "VND"), vnd.ToString(CultureInfo.InvariantCulture)));
        if (r.ApprovalDecision?.Number is { } decision) f.Add(Identifier("FinanceID", decision));
        f.Add(new XElement(Ns + "Funder", FunderOrgUnit(r)));
        if (r.StartDate is not null || r.EndDate is not null)
        {
            var duration = new XElement(Ns + "Duration");
            if (r.StartDate is { } s) duration.Add(new XAttribute("startDate", Iso(s)));
            if (r.EndDate is { } e) duration.Add(new XAttribute("endDate", Iso(e)));
            f.Add(duration);
        }
        return f;
    }

    /// <summary>A host organization as its own record.</summary>
    public static XElement OrgUnit(string id, string name, OrganizationType? type, string? ror)
    {
        var o = new XElement(Ns + "OrgUnit", new XAttribute("id", id));
        if (OrganisationType(type) is { } t) o.Add(new XElement(Ns + "Type", new XAttribute("scheme", OrganisationTypes), $"{OrganisationTypes}#{t}"));
        o.Add(Lang("Name", name, "vi"));
        if (ror is not null) o.Add(Identifier("RORID", ror));
        return o;
    }

    /// <summary>An investigator: the name (family name first, as Vietnamese names are written) and the ORCID iD.</summary>
    public static XElement Person(OaiItemId id, PersonRecord person)
    {
        var p = new XElement(Ns + "Person", new XAttribute("id", id.Local), PersonName(person.Name));
        if (person.Orcid is { } orcid && OrcidInProfileRange().IsMatch(orcid)) p.Add(new XElement(Ns + "ORCID", orcid));
        return p;
    }

    /// <summary>An output of a task, typed with the COAR product types, with its project.</summary>
    public static XElement Product(OaiItemId id, OutputRecord output, TaskRecord task)
    {
        var p = new XElement(Ns + "Product", new XAttribute("id", id.Local),
            new XElement(ProductTypes + "Type", ProductType(output.Type)),
            Lang("Name", output.Title, "vi"));
        if (output.IdentifierType == OutputIdentifierType.Doi) p.Add(new XElement(Ns + "DOI", output.Identifier));
        if (output.IdentifierType == OutputIdentifierType.Handle) p.Add(new XElement(Ns + "Handle", output.Identifier));
        if (output.Url is { } url) p.Add(new XElement(Ns + "URL", url));
        if (output.IdentifierType is OutputIdentifierType.Isbn or OutputIdentifierType.Issn)
            p.Add(new XElement(Ns + "URN", Identifiers.OutputUri(output.IdentifierType, output.Identifier)));
        if (output.Description is { } description) p.Add(Lang("Description", description, "vi"));
        p.Add(new XElement(Ns + "OriginatesFrom", new XElement(Ns + "Project", new XAttribute("id", task.Id!),
            new XElement(Ns + "Acronym", task.Code), Lang("Title", task.Title, "vi"))));
        return p;
    }

    /// <summary>The OpenAIRE Service description for Identify, as the guidelines show it.</summary>
    public static XElement Service(string baseUrl, string endpoint) => new(Ns + "Service",
        new XAttribute("id", PublicUrls.Authority),
        new XElement(Compatibility + "Compatibility", Compatibility.NamespaceName + "#1.1"),
        new XElement(Ns + "Acronym", PublicUrls.Authority),
        Lang("Name", "Cơ sở dữ liệu nhiệm vụ khoa học và công nghệ tỉnh Phú Thọ", "vi"),
        Lang("Name", "Registry of state-funded science and technology tasks, Phú Thọ province", "en"),
        Lang("Description", "Nhiệm vụ KH&CN sử dụng ngân sách nhà nước: dự án, tổ chức chủ trì, người thực hiện, kinh phí và sản phẩm, theo OpenAIRE Guidelines for CRIS Managers 1.1.", "vi"),
        Lang("Description", "State-funded S&T tasks as projects, with their host organisations, investigators, fundings and outputs, following the OpenAIRE Guidelines for CRIS Managers 1.1.", "en"),
        new XElement(Ns + "WebsiteURL", baseUrl + "/"),
        new XElement(Ns + "OAIPMHBaseURL", endpoint),
        new XElement(Ns + "Owner", new XElement(Ns + "OrgUnit", Lang("Name", DefaultFunder, "vi"))));

    private static XElement? Team(TaskRecord r)
    {
        if (r.PrincipalInvestigator is null && (r.Members?.Count ?? 0) == 0) return null;
        var team = new XElement(Ns + "Team");
        if (r.PrincipalInvestigator is { } pi) team.Add(TeamLink("PrincipalInvestigator", OaiItemId.Person(r.Id!, 0), pi));
        var members = r.Members ?? [];
        for (var i = 0; i < members.Count; i++) team.Add(TeamLink("Member", OaiItemId.Person(r.Id!, i + 1), members[i]));
        return team;
    }

    /// <summary>A role in the team: the name as the task shows it (with the academic title), then the Person it links to.</summary>
    private static XElement TeamLink(string role, OaiItemId id, PersonRecord person)
    {
        var shown = $"{person.AcademicTitle} {person.Name}".Trim();
        if (person.Role is { Length: > 0 } r) shown += $" ({r})";
        return new XElement(Ns + role, new XElement(Ns + "DisplayName", shown), Person(id, person));
    }

    private static XElement OrgUnitLink(OrganizationRef host) =>
        OrgUnit(host.Id!, host.Name ?? "", host.Type, host.Ror);

    /// <summary>
    /// The funder as an inline OrgUnit without an id: it is not one of the registry's organizations, so there is no
    /// record a link could lead to. A Funder Registry DOI is a FundRefID, a ROR id a RORID.
    /// </summary>
    private static XElement FunderOrgUnit(TaskRecord r)
    {
        var org = new XElement(Ns + "OrgUnit", Lang("Name", r.Funder?.Name ?? r.ManagingAgency ?? DefaultFunder, "vi"));
        if (r.Funder?.Identifier is { } id)
            org.Add(Identifier(Identifiers.IsRor(id) ? "RORID" : "FundRefID", id));
        return org;
    }

    private static XElement PersonName(string? name)
    {
        var parts = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var personName = new XElement(Ns + "PersonName");
        if (parts.Length > 0) personName.Add(new XElement(Ns + "FamilyNames", parts[0]));
        if (parts.Length > 1) personName.Add(new XElement(Ns + "FirstNames", string.Join(' ', parts[1..])));
        return personName;
    }

    private static string? OrganisationType(OrganizationType? type) => type switch
    {
        Data.Records.OrganizationType.University => "HigherEducation",
        Data.Records.OrganizationType.ResearchInstitute => "ResearchInstitute",
        _ => null,
    };

    /// <summary>COAR resource types the profile's product vocabulary holds; everything else is "other".</summary>
    private static string ProductType(OutputType? type) => "http://purl.org/coar/resource_type/" + type switch
    {
        OutputType.Software => "c_5ce6",
        OutputType.Dataset => "c_ddb1",
        _ => "c_1843",
    };

    private static XElement Identifier(string type, string? value) =>
        new(Ns + "Identifier", new XAttribute("type", IdTypes + type), value ?? "");

    private static XElement? Date(string name, DateOnly? date) => date is { } d ? new XElement(Ns + name, Iso(d)) : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static XElement Lang(string name, string? text, string lang) =>
        new(Ns + name, new XAttribute(XNamespace.Xml + "lang", lang), text ?? "");

    /// <summary>The ORCID block the profile's schema admits (0000-0001-5000-0007 … 0000-0003-4999-999X, as ORCID issues them).</summary>
    [GeneratedRegex("^https://orcid\\.org/0000-000(1-[5-9]|2-[0-9]|3-[0-4])[0-9]{3}-[0-9]{3}[0-9X]$")]
    private static partial Regex OrcidInProfileRange();
}
