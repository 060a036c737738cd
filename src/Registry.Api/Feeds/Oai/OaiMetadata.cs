using System.Globalization;
using System.Xml.Linq;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.Oai;

/// <summary>A metadata format the repository disseminates (spec §3.4).</summary>
public sealed record OaiFormat(string Prefix, string Schema, string Namespace, Func<TaskRecord, string, XElement> Write);

/// <summary><c>oai_dc</c> (required by the protocol) and the OpenAIRE CERIF profile for projects.</summary>
public static class OaiMetadata
{
    public static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Cerif = "https://www.openaire.eu/cerif-profile/1.1/";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string FundingTypes = "https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Funding_Types";
    public const string Licence = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP: tự do tái sử dụng, ghi nguồn Sở KH&CN tỉnh Phú Thọ (open data, free reuse with attribution)";

    public static readonly IReadOnlyList<OaiFormat> Formats =
    [
        new("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OaiDc.NamespaceName, DublinCore),
        new("oai_cerif_openaire", "https://www.openaire.eu/schema/cris/1.1/openaire-cerif-profile.xsd", Cerif.NamespaceName, CerifProject),
    ];

    public static OaiFormat? Find(string prefix) => Formats.FirstOrDefault(f => f.Prefix == prefix);

    public static XElement DublinCore(TaskRecord r, string baseUrl)
    {
        var dc = new XElement(OaiDc + "dc",
            new XAttribute(XNamespace.Xmlns + "oai_dc", OaiDc.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            new XAttribute(Xsi + "schemaLocation", $"{OaiDc.NamespaceName} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"));
        void Add(string name, string? value, string? lang = null)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            var e = new XElement(Dc + name, value);
            if (lang is not null) e.Add(new XAttribute(XNamespace.Xml + "lang", lang));
            dc.Add(e);
        }
        Add("title", r.Title, "vi");
        Add("title", r.TitleEn, "en");
        Add("creator", Person(r.PrincipalInvestigator));
        foreach (var m in r.Members ?? []) Add("contributor", Person(m));
        Add("contributor", r.HostOrganization?.Name);
        foreach (var code in r.Fields ?? []) Add("subject", $"{code} {FieldsOfScience.Nearest(code)?.NameVi}".Trim(), "vi");
        foreach (var k in r.Keywords ?? []) Add("subject", k, "vi");
        Add("description", r.Summary, "vi");
        Add("description", r.Objectives, "vi");
        Add("publisher", r.ManagingAgency ?? "Sở Khoa học và Công nghệ tỉnh Phú Thọ");
        Add("date", r.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("type", "info:eu-repo/semantics/project");
        Add("type", EnumLabels.Of(r.Kind ?? TaskKind.Other).Vi, "vi");
        Add("identifier", PublicUrls.TaskPage(baseUrl, r.Id!));
        Add("identifier", r.Code);
        Add("language", "vi");
        Add("coverage", r.HostOrganization?.Province ?? "Phú Thọ");
        Add("rights", Licence, "vi");
        return dc;
    }

    public static XElement CerifProject(TaskRecord r, string baseUrl)
    {
        var p = new XElement(Cerif + "Project", new XAttribute("id", r.Id!),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            new XElement(Cerif + "Acronym", r.Code),
            Lang(Cerif + "Title", r.Title, "vi"));
        if (r.TitleEn is { } en) p.Add(Lang(Cerif + "Title", en, "en"));
        p.Add(new XElement(Cerif + "Identifier", new XAttribute("type", "https://w3id.org/cerif/vocab/IdentifierTypes#ProjectReference"), r.Code));
        p.Add(new XElement(Cerif + "Identifier", new XAttribute("type", "https://w3id.org/cerif/vocab/IdentifierTypes#URL"), PublicUrls.TaskPage(baseUrl, r.Id!)));
        if (r.StartDate is { } s) p.Add(new XElement(Cerif + "StartDate", s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (r.EndDate is { } e) p.Add(new XElement(Cerif + "EndDate", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (r.HostOrganization is { } host)
            p.Add(new XElement(Cerif + "Consortium", new XElement(Cerif + "Coordinator", OrgUnit(host))));
        if (Team(r) is { } team) p.Add(team);
        p.Add(Funded(r));
        foreach (var code in r.Fields ?? []) p.Add(new XElement(Cerif + "Subject", new XAttribute("scheme", "https://registry.phutho.gov.vn/fields"), code));
        foreach (var k in r.Keywords ?? []) p.Add(Lang(Cerif + "Keyword", k, "vi"));
        if (r.Summary is { } summary) p.Add(Lang(Cerif + "Abstract", summary, "vi"));
        p.Add(new XElement(Cerif + "Status", new XAttribute("scheme", "https://registry.phutho.gov.vn/status"), EnumLabels.Key(r.Status ?? Data.Records.TaskStatus.Approved)));
        p.Add(new XElement(Cerif + "OAMandate", new XAttribute("mandated", "true"), new XAttribute("uri", "https://registry.phutho.gov.vn/catalog")));
        return p;
    }

    /// <summary>The host organization as an inline OrgUnit, with its registry id.</summary>
    private static XElement OrgUnit(OrganizationRef host)
    {
        var org = new XElement(Cerif + "OrgUnit");
        if (host.Id is { } id) org.Add(new XAttribute("id", id));
        org.Add(Lang(Cerif + "Name", host.Name ?? "", "vi"));
        if (host.Id is { } oid)
            org.Add(new XElement(Cerif + "Identifier", new XAttribute("type", "https://registry.phutho.gov.vn/organizations"), oid));
        return org;
    }

    private static XElement? Team(TaskRecord r)
    {
        if (r.PrincipalInvestigator is null && (r.Members?.Count ?? 0) == 0) return null;
        var team = new XElement(Cerif + "Team");
        if (r.PrincipalInvestigator is { } pi) team.Add(new XElement(Cerif + "PrincipalInvestigator", new XElement(Cerif + "DisplayName", Person(pi))));
        foreach (var m in r.Members ?? []) team.Add(new XElement(Cerif + "Member", new XElement(Cerif + "DisplayName", Person(m))));
        return team;
    }

    /// <summary>The state budget grant: funder (the managing agency) and amount in VND.</summary>
    private static XElement Funded(TaskRecord r)
    {
        var funding = new XElement(Cerif + "Funding",
            new XElement(XName.Get("Type", FundingTypes), $"{FundingTypes}#Grant"));
        var amount = r.Budget?.StateBudgetVnd ?? r.Budget?.TotalVnd;
        if (amount is { } vnd) funding.Add(new XElement(Cerif + "Amount", new XAttribute("currency", "VND"), vnd.ToString(CultureInfo.InvariantCulture)));
        if (r.ApprovalDecision?.Number is { } decision)
            funding.Add(new XElement(Cerif + "Identifier", new XAttribute("type", "https://w3id.org/cerif/vocab/IdentifierTypes#FinanceID"), decision));
        var funder = new XElement(Cerif + "OrgUnit", Lang(Cerif + "Name", r.ManagingAgency ?? "Sở Khoa học và Công nghệ tỉnh Phú Thọ", "vi"));
        return new XElement(Cerif + "Funded", new XElement(Cerif + "By", funder), new XElement(Cerif + "As", funding));
    }

    private static XElement Lang(XName name, string? text, string lang) =>
        new(name, new XAttribute(XNamespace.Xml + "lang", lang), text ?? "");

    private static string? Person(PersonRecord? p) =>
        p?.Name is null ? null : $"{p.AcademicTitle} {p.Name}".Trim();
}
