using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Api.Web.Pages;

/// <summary>schema.org <c>ResearchProject</c> for a task, with its funder and the grant as a <c>MonetaryGrant</c>.</summary>
public static class TaskJsonLd
{
    /// <summary>Keeps Vietnamese letters as they are but escapes &lt; &gt; &amp; ' ", so no text can close the script block.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static Markup Script(PageContext ctx, TaskRecord task, string path) =>
        new($"<script type=\"application/ld+json\">{Build(ctx, task, path).ToJsonString(Options)}</script>\n");

    public static JsonObject Build(PageContext ctx, TaskRecord task, string path)
    {
        var url = ctx.Absolute(path);
        var project = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ResearchProject",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = task.Title,
            ["identifier"] = task.Code,
            ["inLanguage"] = "vi",
        };
        Set(project, "alternateName", task.TitleEn);
        Set(project, "description", task.Summary);
        if (task.Keywords is { Count: > 0 } keywords) project["keywords"] = string.Join(", ", keywords);
        if (task.Fields is { Count: > 0 } fields)
            project["knowsAbout"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(FieldsOfScience.Find(f)?.NameVi ?? f)).ToArray());
        if (task.StartDate is { } start) project["foundingDate"] = start.ToString("yyyy-MM-dd");
        if (task.EndDate is { } end) project["dissolutionDate"] = end.ToString("yyyy-MM-dd");
        if (task.HostOrganization is { Name: { } host } org)
        {
            var parent = new JsonObject { ["@type"] = "Organization", ["name"] = host };
            if (org.Id is not null) parent["url"] = ctx.Absolute(Fragments.OrganizationUrl(org.Id));
            project["parentOrganization"] = parent;
        }
        var people = new[] { task.PrincipalInvestigator }.Concat(task.Members ?? []).OfType<PersonRecord>().Where(p => p.Name is not null).ToList();
        if (people.Count > 0) project["member"] = new JsonArray(people.Select(Person).ToArray());
        AddFunding(project, task);
        return project;
    }

    private static void AddFunding(JsonObject project, TaskRecord task)
    {
        var funder = string.IsNullOrWhiteSpace(task.ManagingAgency) ? null
            : new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = task.ManagingAgency };
        if (funder is not null) project["funder"] = funder.DeepClone();
        // The grant is what the state funds: the state budget, or the total when only that is recorded.
        var amount = task.Budget?.StateBudgetVnd ?? task.Budget?.TotalVnd;
        if (amount is null && funder is null) return;

        var grant = new JsonObject { ["@type"] = "MonetaryGrant", ["name"] = task.ApprovalDecision?.Number ?? task.Code };
        if (amount is { } value) grant["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "VND", ["value"] = value };
        if (funder is not null) grant["funder"] = funder;
        project["funding"] = grant;
    }

    private static JsonNode Person(PersonRecord person)
    {
        var node = new JsonObject { ["@type"] = "Person", ["name"] = person.Name };
        Set(node, "honorificPrefix", person.AcademicTitle);
        Set(node, "jobTitle", person.Role);
        return node;
    }

    private static void Set(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) node[name] = value;
    }
}
