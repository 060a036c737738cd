using System.Text;
using Registry.Api.Web.Localization;
using Registry.Api.Web.Rendering;
using Registry.Data.Records;

namespace Registry.Api.Web.Cards;

/// <summary>What a share card says, already cleaned (one line each, NFC, no control or bidi characters, bounded length).</summary>
public sealed record TaskCardContent(string Title, string? Organization, string? Years, string? Field, string? KeyLabel, string? KeyValue)
{
    /// <summary>Tóm tắt phổ thông, drawn under the title when the task has one.</summary>
    public string? PlainSummary { get; init; }

    /// <summary>Text longer than this is cut before layout: the card shows at most three title lines anyway, so render time stays bounded.</summary>
    internal const int MaxInput = 400;

    public static TaskCardContent From(TaskRecord task)
    {
        var vi = WebLanguage.Vi;
        var format = new WebFormat(vi);
        string? years = (task.StartDate?.Year, task.EndDate?.Year) switch
        {
            ({ } s, { } e) when s == e => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ({ } s, { } e) => $"{s}–{e}",
            ({ } s, null) => $"{s}–",
            (null, { } e) => $"–{e}",
            _ => null,
        };
        var field = task.Fields is { Count: > 0 } fields ? T.FieldName(fields[0], vi) : null;
        var (keyLabel, keyValue) = task.Budget?.TotalVnd is { } total and > 0
            ? (T.BudgetTotal.Vi, format.Vnd(total))
            : task.Status is { } status ? (T.FacetStatus.Vi, EnumText.Of(status).Vi) : ((string?)null, (string?)null);
        return new TaskCardContent(
            Line(task.Title) ?? Line(task.Code) ?? "—",
            Line(task.HostOrganization?.Name),
            years,
            Line(field),
            keyLabel is null ? null : Line(keyLabel),
            Line(keyValue))
        {
            PlainSummary = Line(task.PlainSummary),
        };
    }

    private static string? Line(string? text)
    {
        var clean = SocialMeta.Clean(text, MaxInput);
        return clean.Length == 0 ? null : clean.Normalize(NormalizationForm.FormC);
    }
}
