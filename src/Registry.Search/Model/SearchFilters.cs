using System.Globalization;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Search.Model;

public static class SearchFilters
{
    public static readonly SearchFilter Field = new("field", IndexFields.FieldPrefix, FilterKind.Prefix, true,
        "Mã lĩnh vực KH&CN, lọc theo tiền tố (field-of-science code; a prefix selects everything under it: 4 = all agricultural sciences, 401, 40101).",
        "401", ParseFieldCode);

    public static readonly SearchFilter Level = EnumFilter<TaskLevel>("level", IndexFields.Level,
        "Cấp quản lý (management level).", "provincial");

    public static readonly SearchFilter Kind = EnumFilter<TaskKind>("kind", IndexFields.Kind,
        "Loại nhiệm vụ (kind of task).", "researchProject");

    public static readonly SearchFilter Status = EnumFilter<Registry.Data.Records.TaskStatus>("status", IndexFields.Status,
        "Tình trạng (status).", "accepted");

    public static readonly SearchFilter YearFrom = new("yearFrom", IndexFields.StartYear, FilterKind.IntRange, false,
        "Năm bắt đầu từ (planned start year, at least).", "2020", v => ParseLong(v, 1900, 2200, "một năm, ví dụ 2020", "a year such as 2020"), RangeBound.AtLeast);

    public static readonly SearchFilter YearTo = new("yearTo", IndexFields.StartYear, FilterKind.IntRange, false,
        "Năm bắt đầu đến (planned start year, at most).", "2025", v => ParseLong(v, 1900, 2200, "một năm, ví dụ 2025", "a year such as 2025"), RangeBound.AtMost);

    public static readonly SearchFilter Organization = new("organization", IndexFields.OrganizationId, FilterKind.Keyword, true,
        "Mã công khai của tổ chức chủ trì (public id of the host organization).", "org_3f9a", ParseId);

    public static readonly SearchFilter BudgetMin = new("budgetMin", IndexFields.BudgetTotal, FilterKind.IntRange, false,
        "Tổng kinh phí tối thiểu, VND (total budget at least, VND).", "1000000000", v => ParseLong(v, 0, long.MaxValue, "số tiền VND không âm", "a non-negative amount in VND"), RangeBound.AtLeast);

    public static readonly SearchFilter BudgetMax = new("budgetMax", IndexFields.BudgetTotal, FilterKind.IntRange, false,
        "Tổng kinh phí tối đa, VND (total budget at most, VND).", "5000000000", v => ParseLong(v, 0, long.MaxValue, "số tiền VND không âm", "a non-negative amount in VND"), RangeBound.AtMost);

    public static readonly SearchFilter Transferable = new("transferable", IndexFields.Transferable, FilterKind.Bool, false,
        "Có kết quả có thể chuyển giao (has outputs a business can take up).", "true", ParseBool);

    public static readonly SearchFilter UpdatedSince = new("updatedSince", IndexFields.UpdatedAt, FilterKind.DateTimeRange, false,
        "Cập nhật từ thời điểm (updated at or after, ISO 8601; UTC when no offset is given).", "2025-10-01T00:00:00Z", ParseDateTime, RangeBound.AtLeast);

    public static readonly IReadOnlyList<SearchFilter> All =
        [Field, Level, Kind, Status, YearFrom, YearTo, Organization, BudgetMin, BudgetMax, Transferable, UpdatedSince];

    public static SearchFilter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The index term for a boolean flag; both engines store flags as these terms.</summary>
    public static string FlagTerm(bool value) => value ? "true" : "false";

    private static SearchFilter EnumFilter<T>(string name, IndexField field, string description, string example) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(EnumLabels.Key).ToList();
        return new SearchFilter(name, field, FilterKind.Enum, true, description, example, v =>
        {
            var match = names.FirstOrDefault(n => string.Equals(n, v.Trim(), StringComparison.OrdinalIgnoreCase));
            return match is null
                ? (null, $"'{v}' không hợp lệ; chọn một trong: {string.Join(", ", names)} (invalid value; valid: {string.Join(", ", names)}).")
                : (new FilterValue(match, null), null);
        }, Names: names);
    }

    private static (FilterValue?, string?) ParseFieldCode(string v)
    {
        var code = v.Trim();
        return FieldsOfScience.IsValid(code)
            ? (new FilterValue(code, null), null)
            : (null, $"'{v}' không phải mã lĩnh vực KH&CN (not a field-of-science code: 1, 3, 5 or 7 digits, e.g. 4, 401, 40101).");
    }

    private static (FilterValue?, string?) ParseId(string v)
    {
        var id = v.Trim();
        return id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? (new FilterValue(id, null), null)
            : (null, $"'{v}' không phải mã tổ chức (not an organization id: letters, digits, '-' and '_').");
    }

    private static (FilterValue?, string?) ParseLong(string v, long min, long max, string expectedVi, string expectedEn) =>
        long.TryParse(v.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (new FilterValue(null, n), null)
            : (null, $"'{v}' không hợp lệ: cần {expectedVi} (invalid: expected {expectedEn}).");

    private static (FilterValue?, string?) ParseBool(string v) => v.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "có" => (new FilterValue(FlagTerm(true), null), null),
        "false" or "0" or "no" or "không" => (new FilterValue(FlagTerm(false), null), null),
        _ => (null, $"'{v}' không hợp lệ: cần true hoặc false (invalid: expected true or false)."),
    };

    private static (FilterValue?, string?) ParseDateTime(string v) =>
        DateTimeOffset.TryParse(v.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? (new FilterValue(null, t.ToUnixTimeMilliseconds()), null)
            : (null, $"'{v}' không phải thời điểm ISO 8601 (not an ISO 8601 date-time, e.g. 2025-10-01T00:00:00Z).");
}
