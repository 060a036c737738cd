namespace Registry.Data.Catalog;

/// <summary>Counts and budget sums over PUBLISHED tasks only (invariant 2): drafts and withdrawn tasks never count.</summary>
public interface ITaskStatistics
{
    /// <summary>
    /// One bucket per value of <see cref="StatisticsQuery.GroupBy"/>. Years ascend (tasks without a start date last,
    /// key "unknown"); other groupings go by count descending, then key. A task with several sectors of one field
    /// counts once in that field, and once in each of its sectors.
    /// </summary>
    /// <exception cref="ArgumentException">A filter is out of range (see <see cref="StatisticsQuery.Validate"/>).</exception>
    Task<IReadOnlyList<StatisticsBucket>> GroupAsync(StatisticsQuery query, CancellationToken ct = default);

    /// <summary>The 6 fields, each with its sectors (46 in all), with published task counts; every node is present, even at 0.</summary>
    Task<IReadOnlyList<FieldNode>> FieldTreeAsync(CancellationToken ct = default);
}

public enum StatisticsGroupBy
{
    /// <summary>Year of the planned start date.</summary>
    Year,
    /// <summary>Level-1 field of science (1 digit).</summary>
    Field,
    /// <summary>Level-2 sector (3 digits).</summary>
    Sector,
    Level,
    Kind,
    Status,
    /// <summary>Host organization (tổ chức chủ trì), keyed by its public id.</summary>
    Organization,
    /// <summary>Managing agency (cơ quan quản lý), keyed by its name.</summary>
    ManagingAgency,
}

/// <param name="YearFrom">Only tasks starting in or after this year (tasks without a start date are then left out).</param>
/// <param name="YearTo">Only tasks starting in or before this year.</param>
/// <param name="Field">Only tasks with a field-of-science code under this prefix (1, 3, 5 or 7 digits); field and
/// sector buckets then count only codes under it.</param>
public sealed record StatisticsQuery(StatisticsGroupBy GroupBy, int? YearFrom = null, int? YearTo = null, string? Field = null)
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>What is wrong with the filters, in Vietnamese then English; empty when they are fine.</summary>
    public IReadOnlyList<(string Parameter, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (YearFrom is < MinYear or > MaxYear) errors.Add(("yearFrom", YearMessage));
        if (YearTo is < MinYear or > MaxYear) errors.Add(("yearTo", YearMessage));
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            errors.Add(("yearTo", "yearTo phải lớn hơn hoặc bằng yearFrom (yearTo must not be before yearFrom)"));
        }
        if (Field is not null && !Reference.FieldsOfScience.IsValid(Field))
        {
            errors.Add(("field", "Mã lĩnh vực không có trong bảng phân loại (Thông tư 24/2025/TT-BKHCN): dùng 1, 3, 5 hoặc 7 chữ số, ví dụ 4 hoặc 401 (unknown field-of-science code: use 1, 3, 5 or 7 digits, e.g. 4 or 401)"));
        }
        return errors;
    }

    private static string YearMessage => $"Năm phải trong khoảng {MinYear}–{MaxYear} (year must be between {MinYear} and {MaxYear})";
}

/// <param name="Key">The grouped value as the API filters on it: a year, a field/sector code, a camelCase enum value,
/// an organization id or a managing agency name; "unknown" when the value is not recorded.</param>
public sealed record StatisticsBucket(string Key, string DisplayName, string DisplayNameEn, int Count, long BudgetTotalVnd,
    long StateBudgetVnd);

/// <summary>A field (level 1) with its sectors, or a sector (no children).</summary>
public sealed record FieldNode(string Code, string DisplayName, string DisplayNameEn, int Count, IReadOnlyList<FieldNode> Sectors);
