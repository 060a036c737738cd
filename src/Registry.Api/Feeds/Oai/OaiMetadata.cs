using System.Globalization;
using System.Xml.Linq;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Feeds.Oai;

/// <summary>A metadata format the repository disseminates (spec §3.4).</summary>
public sealed record OaiFormat(string Prefix, string Schema, string Namespace, Func<TaskRecord, string, XElement> Write);

/// <summary><c>oai_dc</c> (required by the protocol) and the OpenAIRE CERIF profile (<see cref="OaiCerif"/>) for tasks.</summary>
public static class OaiMetadata
{
    public static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    /// <summary>The prefix of the OpenAIRE CERIF profile, the only format of OrgUnits, Persons, Fundings and Products.</summary>
    public const string CerifPrefix = "oai_cerif_openaire";
    public static readonly XNamespace Cerif = OaiCerif.Ns;
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Licence = "Dữ liệu mở theo Nghị định 47/2020/NĐ-CP: tự do tái sử dụng, ghi nguồn Sở KH&CN tỉnh Phú Thọ (open data, free reuse with attribution)";

    public static readonly IReadOnlyList<OaiFormat> Formats =
    [
        new("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OaiDc.NamespaceName, DublinCore),
        new(CerifPrefix, "https://www.openaire.eu/schema/cris/1.1/openaire-cerif-profile.xsd", OaiCerif.Ns.NamespaceName, OaiCerif.Project),
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
        Add("contributor", r.Funder?.Name);
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
        foreach (var relation in Relations(r)) Add("relation", relation);
        Add("language", "vi");
        Add("coverage", r.HostOrganization?.Province ?? "Phú Thọ");
        Add("rights", Licence, "vi");
        return dc;
    }

    /// <summary>
    /// The persistent identifiers a task points to, as dc:relation: its outputs' DOIs, handles, ISBNs and ISSNs as
    /// URIs (https://doi.org/…, https://hdl.handle.net/…, urn:isbn:…, urn:issn:…), a Vietnamese patent as
    /// "patent:VN 1-0012345", the funder's ROR or Funder Registry DOI, the host organization's ROR and the
    /// investigators' ORCID iDs.
    /// </summary>
    /// <summary>A task as a CERIF Project (<see cref="OaiCerif.Project"/>).</summary>
    public static XElement CerifProject(TaskRecord r, string baseUrl) => OaiCerif.Project(r, baseUrl);

    public static IEnumerable<string> Relations(TaskRecord r)
    {
        foreach (var o in r.Outputs ?? [])
        {
            if (o.Identifier is null || o.IdentifierType is not { } type || type == OutputIdentifierType.Other) continue;
            yield return Identifiers.OutputUri(type, o.Identifier) ?? $"patent:VN {o.Identifier}";
        }
        if (r.Funder?.Identifier is { } funder) yield return funder;
        if (r.HostOrganization?.Ror is { } ror) yield return ror;
        foreach (var person in new[] { r.PrincipalInvestigator }.Concat(r.Members ?? []))
        {
            if (person?.Orcid is { } orcid) yield return orcid;
        }
    }

    private static string? Person(PersonRecord? p) =>
        p?.Name is null ? null : $"{p.AcademicTitle} {p.Name}".Trim();
}
