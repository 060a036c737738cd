using Registry.Data.Abstractions;
using Registry.Data.Validation;

namespace Registry.Data.Collections;

/// <summary>
/// Checks a collection before the store resolves its tasks. Text is judged as it would be stored (cleaned of control
/// characters, trimmed, NFC: <see cref="TextHygiene"/>), so a title of control characters alone is missing.
/// Messages are Vietnamese first, English after; paths are JSON paths of <see cref="CollectionInput"/>.
/// </summary>
public static class CollectionValidator
{
    /// <summary>At most this many item errors are described; the rest would only repeat the lesson.</summary>
    public const int MaxItemErrors = 20;

    public static IReadOnlyList<FieldError> Validate(CollectionInput input)
    {
        var errors = new List<FieldError>();
        if (TextHygiene.Stored(input.Title) is null)
        {
            errors.Add(new("title", "Bắt buộc nhập tên bộ sưu tập (title is required)"));
        }
        MaxLength(errors, "title", input.Title, CollectionLimits.Title);
        MaxLength(errors, "titleEn", input.TitleEn, CollectionLimits.Title);
        MaxLength(errors, "description", input.Description, CollectionLimits.Description);
        MaxLength(errors, "descriptionEn", input.DescriptionEn, CollectionLimits.Description);
        if (input.Date is null)
        {
            errors.Add(new("date", "Bắt buộc nhập ngày của bộ sưu tập, dạng YYYY-MM-DD, ví dụ 2027-05-18 (date is required, as YYYY-MM-DD)"));
        }
        else if (input.Date.Value.Year is < 2000 or > 2100)
        {
            errors.Add(new("date", "Ngày phải trong khoảng năm 2000–2100 (date must fall between the years 2000 and 2100)"));
        }
        ValidateItems(errors, input.Items ?? []);
        return errors;
    }

    private static void ValidateItems(List<FieldError> errors, IReadOnlyList<CollectionItemInput?> items)
    {
        if (items.Count > CollectionLimits.MaxItems)
        {
            // Said once, before any item is looked at: 10,000 items are one error, not 10,000.
            errors.Add(new("items", $"Quá nhiều nhiệm vụ: tối đa {CollectionLimits.MaxItems}, hiện có {items.Count} " +
                $"(too many tasks: at most {CollectionLimits.MaxItems})"));
            return;
        }

        var described = 0;
        for (var i = 0; i < items.Count && described < MaxItemErrors; i++)
        {
            var before = errors.Count;
            var path = $"items[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(new(path, "Mục trống; mỗi mục là {\"task\": \"mã nhiệm vụ\"} (empty item; each item is {\"task\": \"id or code\"})"));
            }
            else
            {
                var reference = TextHygiene.Stored(item.Task);
                if (reference is null) errors.Add(new($"{path}.task", "Bắt buộc nêu nhiệm vụ: id công khai (t…) hoặc mã số (task is required: its public id or its code)"));
                else if (reference.Length > CollectionLimits.TaskReference)
                {
                    errors.Add(new($"{path}.task", $"Quá dài để là id hoặc mã số nhiệm vụ: tối đa {CollectionLimits.TaskReference} ký tự " +
                        $"(too long for a task id or code: at most {CollectionLimits.TaskReference} characters)"));
                }
                MaxLength(errors, $"{path}.note", item.Note, CollectionLimits.Note);
            }
            if (errors.Count > before) described++;
        }
    }

    private static void MaxLength(List<FieldError> errors, string path, string? value, int max)
    {
        if (TextHygiene.Stored(value) is { } stored && stored.Length > max)
        {
            errors.Add(new(path, $"Quá dài: tối đa {max} ký tự, hiện có {stored.Length} (at most {max} characters)"));
        }
    }

    public static FieldError UnknownTask(int index, string reference) =>
        new($"items[{index}].task", $"Không có nhiệm vụ với id hoặc mã số '{Shown(reference)}' (no task has the id or code '{Shown(reference)}')");

    public static FieldError DuplicateTask(int index, int first, string reference) =>
        new($"items[{index}].task", $"Nhiệm vụ '{Shown(reference)}' đã có ở mục {first + 1}; mỗi nhiệm vụ chỉ có một lần trong bộ sưu tập " +
            $"(task '{Shown(reference)}' is already item {first + 1}; a collection holds each task once)");

    private static string Shown(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
