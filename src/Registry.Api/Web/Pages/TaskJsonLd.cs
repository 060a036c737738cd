using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;
using SchemaOrg = Registry.Api.Feeds.SchemaOrg.TaskJsonLd;

namespace Registry.Api.Web.Pages;

/// <summary>schema.org blocks of the pages (a task, the catalogue, a search), written safely into a script tag.</summary>
public static class TaskJsonLd
{
    /// <summary>Keeps Vietnamese letters as they are but escapes &lt; &gt; &amp; ' ", so no text can close the script block.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>The same JSON-LD the API serves for the task.</summary>
    public static Markup Script(PageContext ctx, TaskRecord task) => Script(SchemaOrg.Build(task, ctx.Origin));

    public static Markup Script(JsonObject json) =>
        new($"<script type=\"application/ld+json\">{json.ToJsonString(Options)}</script>\n");
}
