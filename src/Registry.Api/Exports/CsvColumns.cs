using System.Globalization;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Exports;

/// <summary>One CSV column: the Vietnamese header curators know from the import template, and the cell text.</summary>
public sealed record CsvColumn(string Header, Func<TaskRecord, string?> Cell);

/// <summary>The export's columns, one row per task. Headers match the import columns where one exists, so an
/// exported file can be edited and imported again; lists are joined with "; ".</summary>
public static class CsvColumns
{
    public static readonly IReadOnlyList<CsvColumn> All =
    [
        new("Mã công khai", r => r.Id),
        new("Mã số", r => r.Code),
        new("Tên nhiệm vụ", r => r.Title),
        new("Tên tiếng Anh", r => r.TitleEn),
        new("Loại nhiệm vụ", r => r.Kind is { } k ? VietnameseLabels.Kind(EnumNames.CamelCase(k)) : null),
        new("Cấp quản lý", r => r.Level is { } l ? VietnameseLabels.Level(EnumNames.CamelCase(l)) : null),
        new("Lĩnh vực", r => Join(r.Fields)),
        new("Từ khóa", r => Join(r.Keywords)),
        new("Tình trạng", r => r.Status is { } s ? VietnameseLabels.Status(EnumNames.CamelCase(s)) : null),
        new("Cơ quan quản lý", r => r.ManagingAgency),
        new("Tổ chức chủ trì", r => r.HostOrganization?.Name),
        new("Tỉnh/Thành phố", r => r.HostOrganization?.Province),
        new("Chủ nhiệm", r => Person(r.PrincipalInvestigator)),
        new("Thành viên", r => Join(r.Members?.Select(Person))),
        new("Ngày bắt đầu", r => Date(r.StartDate)),
        new("Ngày kết thúc", r => Date(r.EndDate)),
        new("Số quyết định", r => r.ApprovalDecision?.Number),
        new("Ngày quyết định", r => Date(r.ApprovalDecision?.Date)),
        new("Tổng kinh phí (đồng)", r => Number(r.Budget?.TotalVnd)),
        new("Kinh phí NSNN (đồng)", r => Number(r.Budget?.StateBudgetVnd)),
        new("Tóm tắt", r => r.Summary),
        new("Mục tiêu", r => r.Objectives),
        new("Kết quả dự kiến", r => r.ExpectedResults),
        new("Ngày nghiệm thu", r => Date(r.Acceptance?.Date)),
        new("Xếp loại", r => r.Acceptance?.Rating is { } a ? EnumNames.CamelCase(a) : null),
        new("Số GCN đăng ký kết quả", r => r.ResultRegistration?.CertificateNumber),
        new("Kết quả", r => r.Results),
        new("Khả năng ứng dụng", r => r.ApplicationPotential),
        new("Sản phẩm", r => Join(r.Outputs?.Select(o => o.Title))),
        new("Có thể chuyển giao", r => r.Outputs?.Any(o => o.Transferable == true) == true ? "Có" : "Không"),
        new("Ngày công bố", r => r.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)),
        new("Ngày cập nhật", r => r.UpdatedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)),
    ];

    private static string? Join(IEnumerable<string?>? values) =>
        values is null ? null : string.Join("; ", values.Where(v => !string.IsNullOrWhiteSpace(v)));

    /// <summary>Name and academic title only: contacts never leave the registry (invariant 3).</summary>
    private static string? Person(PersonRecord? p) =>
        p?.Name is null ? null : string.IsNullOrWhiteSpace(p.AcademicTitle) ? p.Name : $"{p.AcademicTitle} {p.Name}";

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(long? n) => n?.ToString(CultureInfo.InvariantCulture);
}
