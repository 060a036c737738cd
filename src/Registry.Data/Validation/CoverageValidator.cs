using System.Globalization;
using Registry.Data.Abstractions;
using Registry.Data.Records;

namespace Registry.Data.Validation;

/// <summary>
/// The rules of <c>coverage[]</c> (media coverage): every item has a link (<see cref="CoverageLinks"/>), a known kind
/// and a date not after today in Vietnam; outlet and title within their limits and free of bidirectional controls
/// (they are shown as link text, where a reversed run could disguise the link); no link twice on one task
/// (compared by <see cref="CoverageLinks.Key"/>); at most <see cref="TextLimits.Coverage"/> items.
/// </summary>
internal static class CoverageValidator
{
    public static void Validate(List<FieldError> errors, IReadOnlyList<CoverageRecord>? items, DateOnly today)
    {
        if (items is null) return;
        TaskRecordValidator.MaxItems(errors, RecordFields.Coverage, items);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"coverage[{i}]";
            if (items[i] is not { } item) { errors.Add(new(path, "Mục truyền thông trống (empty coverage item)")); continue; }
            if (ValidateUrl(errors, path, item.Url) is { } key)
            {
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new($"{path}.url", $"Đường dẫn trùng với coverage[{first}]: mỗi bài/tin chỉ ghi một lần " +
                        $"(duplicate link: coverage[{first}] already has it)"));
                }
                else seen[key] = i;
            }
            if (item.Kind is null)
            {
                errors.Add(new($"{path}.kind", $"Bắt buộc chọn loại kênh: {KindList} ({path}.kind is required)"));
            }
            else if (!Enum.IsDefined(item.Kind.Value))
            {
                errors.Add(new($"{path}.kind", $"Loại kênh không hợp lệ; cần một trong {KindList} ({path}.kind is not a known kind)"));
            }
            ValidateDate(errors, path, item.Date, today);
            ValidateText(errors, $"{path}.outlet", CoverageFields.Outlet, item.Outlet);
            ValidateText(errors, $"{path}.title", CoverageFields.Title, item.Title);
            if (item.Outlet?.Contains('|') == true)
            {
                errors.Add(new($"{path}.outlet", "Tên cơ quan, kênh không được chứa ký tự | vì đó là dấu ngăn của cột Truyền thông trong tệp bảng tính " +
                    $"({path}.outlet may not contain '|', the separator of the spreadsheet column)"));
            }
        }
    }

    private static readonly string KindList = string.Join(", ", EnumLabels.CoverageKind.Entries.Select(e => $"{e.Key} ({e.Label.Vi})"));

    /// <summary>The comparison key of a valid link, or null when the link is missing or refused.</summary>
    private static string? ValidateUrl(List<FieldError> errors, string path, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new($"{path}.url", $"Bắt buộc nhập đường dẫn bài/tin ({path}.url is required)"));
            return null;
        }
        var before = errors.Count;
        TaskRecordValidator.MaxLength(errors, $"{path}.url", CoverageFields.Url, url);
        if (errors.Count > before) return null;
        if (CoverageLinks.Problem(url) is { } problem)
        {
            errors.Add(new($"{path}.url", problem));
            return null;
        }
        return CoverageLinks.Key(url);
    }

    private static void ValidateDate(List<FieldError> errors, string path, DateOnly? date, DateOnly today)
    {
        if (date is not { } d)
        {
            errors.Add(new($"{path}.date", $"Bắt buộc nhập ngày đăng hoặc phát sóng ({path}.date is required)"));
        }
        else if (d > today)
        {
            var shown = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var iso = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            errors.Add(new($"{path}.date", $"Ngày đăng không được sau hôm nay, {shown} theo giờ Việt Nam ({path}.date must not be after today, {iso} in Vietnam)"));
        }
    }

    private static void ValidateText(List<FieldError> errors, string path, RecordField field, string? text)
    {
        TaskRecordValidator.MaxLength(errors, path, field, text);
        if (TextHygiene.Stored(text) is { } stored && stored.Any(c => c is '\n' or '\r'))
        {
            errors.Add(new(path, $"Viết trên một dòng, không xuống dòng ({path} must be one line)"));
        }
        if (text is not null && text.Any(CoverageLinks.IsBidiControl))
        {
            errors.Add(new(path, "Có ký tự điều khiển hướng chữ U+202A–U+202E, U+2066–U+2069 có thể làm đảo ngược văn bản; hãy gõ lại " +
                $"({path} contains bidirectional control characters that can reverse how the text reads; type it again)"));
        }
    }
}
