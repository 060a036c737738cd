using Registry.Api.Http;
using Registry.Data;
using Registry.Data.Reference;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>Judges a <see cref="WebhookInput"/>: every problem by path, or the store's input.</summary>
public sealed class WebhookInputCheck(WebhookUrlPolicy urls)
{
    public const int MaxFields = TextLimits.Fields;

    public const string UnsafeCharacters = "Bỏ ký tự điều khiển, U+FFFE/U+FFFF và nửa cặp thay thế (remove control characters other than tab and line breaks, U+FFFE/U+FFFF and lone surrogates).";

    public async Task<(WebhookSubscriptionInput? Input, Dictionary<string, string[]> Errors)> CheckAsync(WebhookInput body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await urls.CheckAsync(body.Url, ct) is { } urlProblem) errors["url"] = [urlProblem];
        if (body.Description is { Length: > WebhookLimits.Description })
        {
            errors["description"] = [$"Mô tả quá dài: tối đa {WebhookLimits.Description} ký tự (description: at most {WebhookLimits.Description} characters)."];
        }
        else if (!UnsafeText.IsSafe(body.Description))
        {
            errors["description"] = [UnsafeCharacters];
        }
        var known = string.Join(", ", WebhookEventTypes.All);
        if (body.Events is null || body.Events.Count == 0)
        {
            errors["events"] = [$"Chọn ít nhất một sự kiện: {known} (choose at least one event: {known})."];
        }
        else
        {
            for (var i = 0; i < body.Events.Count; i++)
            {
                if (!WebhookEventTypes.IsKnown(body.Events[i]))
                {
                    errors[$"events[{i}]"] = [$"Sự kiện không có; hãy dùng một trong: {known} (unknown event; use one of: {known})."];
                }
            }
        }
        var fields = body.Fields ?? [];
        if (fields.Count > MaxFields) errors["fields"] = [$"Tối đa {MaxFields} mã lĩnh vực (at most {MaxFields} field codes)."];
        for (var i = 0; i < fields.Count && i < MaxFields; i++)
        {
            if (!FieldsOfScience.IsValid(fields[i]?.Trim()))
            {
                errors[$"fields[{i}]"] = ["Mã lĩnh vực không có trong bảng phân loại của Thông tư 24/2025/TT-BKHCN; xem /api/v1/fields " +
                    "(unknown field-of-science code; see /api/v1/fields)."];
            }
        }
        if (errors.Count > 0) return (null, errors);
        var input = new WebhookSubscriptionInput(body.Url!.Trim(), body.Description, body.Events!, fields.Select(f => f.Trim()).ToList(), body.Levels ?? []);
        return (input, errors);
    }
}
