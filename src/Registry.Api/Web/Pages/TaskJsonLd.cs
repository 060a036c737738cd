using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;
using SchemaOrg = Registry.Api.Feeds.SchemaOrg.TaskJsonLd;

namespace Registry.Api.Web.Pages;

/// <summary>The task page's schema.org block: the same JSON-LD the API serves, written safely into a script tag.</summary>
public static class TaskJsonLd
{
    /// <summary>Keeps Vietnamese letters as they are but escapes &lt; &gt; &amp; ' ", so no text can close the script block.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static Markup Script(PageContext ctx, TaskRecord task) =>
        new($"<script type=\"application/ld+json\">{SchemaOrg.Build(task, ctx.Origin).ToJsonString(Options)}</script>\n");
}
