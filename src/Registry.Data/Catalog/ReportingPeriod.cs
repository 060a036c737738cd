using System.Diagnostics.CodeAnalysis;

namespace Registry.Data.Catalog;

/// <summary>
/// Kỳ báo cáo: the half-year an agency reports on. <c>2026-H1</c> ends on 1 June 2026 and covers 2 December 2025 to
/// 1 June 2026; <c>2026-H2</c> ends on 1 December 2026 and covers 2 June to 1 December 2026. Days are Vietnamese
/// calendar days (UTC+7, no daylight saving) and the end day is inclusive: a task published at 23:59 on 1 June
/// (Vietnam time) counts in H1, one published at 00:00 on 2 June in H2.
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const string Format = "YYYY-H1 | YYYY-H2";

    private ReportingPeriod(int year, int half)
    {
        Year = year;
        Half = half;
    }

    public int Year { get; }
    /// <summary>1 (ends 1 June) or 2 (ends 1 December).</summary>
    public int Half { get; }

    /// <summary>The last day of the period, inclusive: 1 June or 1 December.</summary>
    public DateOnly EndDate => new(Year, Half == 1 ? 6 : 12, 1);

    /// <summary>The first day of the period: the day after the previous period's end.</summary>
    public DateOnly StartDate => Previous.EndDate.AddDays(1);

    /// <summary>The instant the period closes (exclusive): 00:00 Vietnam time the day after <see cref="EndDate"/>.</summary>
    public DateTimeOffset EndsBefore => new(EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    /// <summary>The instant the period opens (inclusive).</summary>
    public DateTimeOffset StartsAt => Previous.EndsBefore;

    public ReportingPeriod Previous => Half == 1 ? new(Year - 1, 2) : new(Year, 1);

    public ReportingPeriod Next => Half == 1 ? new(Year, 2) : new(Year + 1, 1);

    /// <summary>The period whose days include the Vietnamese calendar day of <paramref name="instant"/>.</summary>
    public static ReportingPeriod Containing(DateTimeOffset instant)
    {
        var day = VietnamTime.DateOf(instant);
        if (day <= new DateOnly(day.Year, 6, 1)) return new(day.Year, 1);
        return day <= new DateOnly(day.Year, 12, 1) ? new(day.Year, 2) : new(day.Year + 1, 1);
    }

    /// <summary>
    /// Exactly four ASCII digits, a hyphen, a capital H and 1 or 2; no spaces, no other digits, years
    /// <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] != 'H' || text[6] is not ('1' or '2')) return false;
        var year = 0;
        for (var i = 0; i < 4; i++)
        {
            if (text[i] is < '0' or > '9') return false;
            year = year * 10 + (text[i] - '0');
        }
        if (year is < MinYear or > MaxYear) return false;
        period = new ReportingPeriod(year, text[6] - '0');
        return true;
    }

    /// <summary>The problem message for a value <see cref="TryParse"/> refused, Vietnamese first.</summary>
    public static string InvalidMessage =>
        $"Kỳ báo cáo có dạng YYYY-H1 (kết thúc 1/6) hoặc YYYY-H2 (kết thúc 1/12), năm {MinYear}–{MaxYear}, ví dụ 2026-H2 " +
        $"(period must be YYYY-H1, ending 1 June, or YYYY-H2, ending 1 December, year {MinYear}–{MaxYear}, e.g. 2026-H2)";

    public int CompareTo(ReportingPeriod other) => (Year, Half).CompareTo((other.Year, other.Half));

    public override string ToString() => $"{Year:D4}-H{Half}";
}
