using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// One documented CSV/Excel column: the Vietnamese header curators write, the English field name also accepted,
/// and how a cell fills the record. <see cref="Apply"/> returns null when the cell is fine, otherwise what was expected.
/// </summary>
internal sealed record ImportColumn(string Header, string Alias, string Field, string Format, string Example,
    Func<TaskRecord, SheetCell, (TaskRecord Record, string? Expected)> Apply);

/// <summary>The documented columns (docs/import.md mirrors this list).</summary>
internal static class ImportColumns
{
    public const string CodeHeader = "Mã số";
    public const string TitleHeader = "Tên nhiệm vụ";
    public const string SecurityHeader = "Độ mật";

    public static readonly IReadOnlyList<ImportColumn> All =
    [
        Text(CodeHeader, "code", "code", "ĐT-2024-40101-PT", (r, v) => r with { Code = v }),
        Text(TitleHeader, "title", "title", "Nghiên cứu chọn tạo giống chè mới …", (r, v) => r with { Title = v }),
        Text("Tên tiếng Anh", "titleEn", "titleEn", "Breeding new tea cultivars …", (r, v) => r with { TitleEn = v }),
        Choice("Loại nhiệm vụ", "kind", "kind", ValueMaps.Kind, "Đề tài", (r, v) => r with { Kind = v }),
        Choice("Cấp quản lý", "level", "level", ValueMaps.Level, "Tỉnh", (r, v) => r with { Level = v }),
        new("Lĩnh vực", "fields", "fields", "field-of-science codes separated by ';' or ','", "40101; 406", Fields),
        new("Từ khóa", "keywords", "keywords", "separated by ';'", "chè; giống mới",
            (r, c) => (r with { Keywords = CellParsers.SplitList(c.Text, commaToo: false) }, null)),
        Choice("Tình trạng", "status", "status", ValueMaps.Status, "Đang thực hiện", (r, v) => r with { Status = v }),
        Choice(SecurityHeader, "securityClassification", "securityClassification", ValueMaps.Security, "Không",
            (r, v) => r with { SecurityClassification = v }),
        Text("Cơ quan quản lý", "managingAgency", "managingAgency", "Sở Khoa học và Công nghệ tỉnh Phú Thọ", (r, v) => r with { ManagingAgency = v }),
        Text("Tổ chức chủ trì", "hostOrganization", "hostOrganization.name", "Trường Đại học Hùng Vương",
            (r, v) => r with { HostOrganization = Org(r) with { Name = v } }),
        Choice("Loại tổ chức", "hostOrganizationType", "hostOrganization.type", ValueMaps.OrganizationType, "Trường đại học",
            (r, v) => r with { HostOrganization = Org(r) with { Type = v } }),
        Text("Tỉnh/Thành phố", "province", "hostOrganization.province", "Phú Thọ", (r, v) => r with { HostOrganization = Org(r) with { Province = v } }),
        Text("Xã/Phường", "commune", "hostOrganization.commune", "Phường Việt Trì", (r, v) => r with { HostOrganization = Org(r) with { Commune = v } }),
        new("Chủ nhiệm", "principalInvestigator", "principalInvestigator.name (+ academicTitle)", "name, optionally preceded by the academic title",
            "PGS.TS. Nguyễn Văn An", Investigator),
        Text("Học hàm, học vị chủ nhiệm", "principalInvestigatorTitle", "principalInvestigator.academicTitle", "PGS.TS.",
            (r, v) => r with { PrincipalInvestigator = (r.PrincipalInvestigator ?? new PersonRecord()) with { AcademicTitle = v } }),
        new("Thành viên", "members", "members[]", "separated by ';', each optionally with a title and a role in brackets",
            "TS. Trần Thị Bình; ThS. Lê Văn Cường (thư ký)",
            (r, c) => (r with { Members = CellParsers.SplitList(c.Text, commaToo: false).Select(CellParsers.ParsePerson).ToList() }, null)),
        Date("Ngày bắt đầu", "startDate", "startDate", (r, d) => r with { StartDate = d }),
        Date("Ngày kết thúc", "endDate", "endDate", (r, d) => r with { EndDate = d }),
        Text("Số quyết định", "approvalDecisionNumber", "approvalDecision.number", "1234/QĐ-UBND",
            (r, v) => r with { ApprovalDecision = (r.ApprovalDecision ?? new ApprovalDecisionRecord()) with { Number = v } }),
        Date("Ngày quyết định", "approvalDecisionDate", "approvalDecision.date",
            (r, d) => r with { ApprovalDecision = (r.ApprovalDecision ?? new ApprovalDecisionRecord()) with { Date = d } }),
        Money("Tổng kinh phí (triệu đồng)", "totalMillionVnd", "budget.totalVnd", 1_000_000m, "1.250,5",
            (r, v) => r with { Budget = (r.Budget ?? new BudgetRecord()) with { TotalVnd = v } }),
        Money("Kinh phí NSNN (triệu đồng)", "stateBudgetMillionVnd", "budget.stateBudgetVnd", 1_000_000m, "900",
            (r, v) => r with { Budget = (r.Budget ?? new BudgetRecord()) with { StateBudgetVnd = v } }),
        Money("Tổng kinh phí (đồng)", "totalVnd", "budget.totalVnd", 1m, "1.250.500.000",
            (r, v) => r with { Budget = (r.Budget ?? new BudgetRecord()) with { TotalVnd = v } }),
        Money("Kinh phí NSNN (đồng)", "stateBudgetVnd", "budget.stateBudgetVnd", 1m, "900.000.000",
            (r, v) => r with { Budget = (r.Budget ?? new BudgetRecord()) with { StateBudgetVnd = v } }),
        Text("Tóm tắt", "summary", "summary", "free text", (r, v) => r with { Summary = v }),
        Text("Mục tiêu", "objectives", "objectives", "free text", (r, v) => r with { Objectives = v }),
        Text("Phương pháp", "methods", "methods", "free text", (r, v) => r with { Methods = v }),
        Text("Kết quả dự kiến", "expectedResults", "expectedResults", "free text", (r, v) => r with { ExpectedResults = v }),
        Date("Ngày nghiệm thu", "acceptanceDate", "acceptance.date",
            (r, d) => r with { Acceptance = (r.Acceptance ?? new AcceptanceRecord()) with { Date = d } }),
        Choice("Xếp loại", "acceptanceRating", "acceptance.rating", ValueMaps.Rating, "Đạt",
            (r, v) => r with { Acceptance = (r.Acceptance ?? new AcceptanceRecord()) with { Rating = v } }),
        Text("Số GCN đăng ký kết quả", "resultRegistrationCertificateNumber", "resultRegistration.certificateNumber", "12/2024/KQNV-PT",
            (r, v) => r with { ResultRegistration = (r.ResultRegistration ?? new ResultRegistrationRecord()) with { CertificateNumber = v } }),
        Date("Ngày đăng ký kết quả", "resultRegistrationDate", "resultRegistration.date",
            (r, d) => r with { ResultRegistration = (r.ResultRegistration ?? new ResultRegistrationRecord()) with { Date = d } }),
        Text("Kết quả", "results", "results", "free text", (r, v) => r with { Results = v }),
        Text("Khả năng ứng dụng", "applicationPotential", "applicationPotential", "free text", (r, v) => r with { ApplicationPotential = v }),
        Choice("Trạng thái công bố", "visibility", "visibility", ValueMaps.Visibility, "Công bố", (r, v) => r with { Visibility = v }),
    ];

    private static readonly Dictionary<string, ImportColumn> ByKey = All
        .SelectMany(c => new[] { (TextKey.Fold(c.Header), c), (TextKey.Fold(c.Alias), c) })
        .DistinctBy(p => p.Item1)
        .ToDictionary(p => p.Item1, p => p.c);

    public static ImportColumn? Find(string header) => ByKey.GetValueOrDefault(TextKey.Fold(header));

    private static OrganizationRef Org(TaskRecord r) => r.HostOrganization ?? new OrganizationRef();

    private static ImportColumn Text(string header, string alias, string field, string example, Func<TaskRecord, string, TaskRecord> set) =>
        new(header, alias, field, "text", example, (r, c) => (set(r, c.Text.Trim()), null));

    private static ImportColumn Choice<T>(string header, string alias, string field, ValueMap<T> map, string example,
        Func<TaskRecord, T, TaskRecord> set) where T : struct, Enum =>
        new(header, alias, field, "one of " + map.Expected, example,
            (r, c) => map.TryGet(c.Text, out var v) ? (set(r, v), null) : (r, "một trong / one of " + map.Expected));

    private static ImportColumn Date(string header, string alias, string field, Func<TaskRecord, DateOnly, TaskRecord> set) =>
        new(header, alias, field, "dd/MM/yyyy, yyyy-MM-dd or MM/yyyy (first day of the month)", "15/03/2024",
            (r, c) => CellParsers.TryDate(c, out var d) ? (set(r, d), null) : (r, "ngày dạng dd/MM/yyyy, yyyy-MM-dd hoặc MM/yyyy (a date dd/MM/yyyy, yyyy-MM-dd or MM/yyyy)"));

    private static ImportColumn Money(string header, string alias, string field, decimal unit, string example, Func<TaskRecord, long, TaskRecord> set) =>
        new(header, alias, field, unit == 1m ? "whole VND; '1.250.000' or '1250000'" : "millions of VND; '1.250,5' or '1250.5'", example,
            (r, c) => CellParsers.TryDecimal(c, out var v) && v >= 0
                ? (set(r, (long)Math.Round(v * unit, MidpointRounding.AwayFromZero)), null)
                : (r, "một số không âm, ví dụ 1.250,5 hoặc 1250.5 (a non-negative number such as 1.250,5 or 1250.5)"));

    private static (TaskRecord, string?) Fields(TaskRecord r, SheetCell c)
    {
        var codes = CellParsers.SplitList(c.Text, commaToo: true);
        // Excel may store a lone sector code such as 401 as a number.
        if (c.Number is { } n) codes = [((long)n).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var bad = codes.Where(code => !Reference.FieldsOfScience.IsValid(code)).ToList();
        return bad.Count == 0
            ? (r with { Fields = codes }, null)
            : (r, $"mã lĩnh vực theo Thông tư 24/2025/TT-BKHCN, ví dụ 401 hoặc 40101; không hiểu: {string.Join(", ", bad)} " +
                  "(field-of-science codes such as 401 or 40101)");
    }

    private static (TaskRecord, string?) Investigator(TaskRecord r, SheetCell c)
    {
        var parsed = CellParsers.ParsePerson(c.Text);
        var current = r.PrincipalInvestigator ?? new PersonRecord();
        return (r with
        {
            PrincipalInvestigator = current with { Name = parsed.Name, AcademicTitle = current.AcademicTitle ?? parsed.AcademicTitle },
        }, null);
    }
}
