using System.Globalization;
using System.Text.Json.Nodes;
using Registry.Data.Records;

namespace Registry.Api.Feeds.SchemaOrg;

/// <summary>
/// Media coverage of a task as schema.org <c>subjectOf</c> items (domain Thing; range CreativeWork or Event): an
/// article, a broadcast, a web page, a post, or an event, each typed by its kind. Creative works carry
/// <c>datePublished</c> and the outlet as <c>publisher</c>; an event carries <c>startDate</c> and the outlet as
/// <c>organizer</c> (schema.org 30.0 domains).
/// </summary>
public static class CoverageJsonLd
{
    public static JsonArray? SubjectOf(IReadOnlyList<CoverageRecord>? coverage)
    {
        var items = (coverage ?? []).Where(c => c.Url is not null && c.Kind is not null && c.Date is not null).ToList();
        return items.Count == 0 ? null : new JsonArray(items.Select(c => (JsonNode)Item(c)).ToArray());
    }

    public static JsonObject Item(CoverageRecord item)
    {
        var kind = item.Kind!.Value;
        var date = item.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var node = new JsonObject { ["@type"] = TypeOf(kind), ["url"] = item.Url };
        var name = item.Title ?? item.Outlet;
        if (name is not null) node["name"] = name;
        if (kind == CoverageKind.Event)
        {
            node["startDate"] = date;
            if (item.Outlet is { } organizer) node["organizer"] = new JsonObject { ["@type"] = "Organization", ["name"] = organizer };
        }
        else
        {
            node["datePublished"] = date;
            if (item.Outlet is { } outlet) node["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = outlet };
        }
        return node;
    }

    public static string TypeOf(CoverageKind kind) => kind switch
    {
        CoverageKind.Press => "NewsArticle",
        CoverageKind.Television => "VideoObject",
        CoverageKind.Radio => "AudioObject",
        CoverageKind.Portal => "WebPage",
        CoverageKind.SocialNetwork => "SocialMediaPosting",
        CoverageKind.Event => "Event",
        _ => "CreativeWork",
    };
}
