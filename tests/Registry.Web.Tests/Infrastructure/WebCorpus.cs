using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Web.Tests.Infrastructure;

/// <summary>The small, fixed catalogue the page tests run on: each task is there for a test that names it.</summary>
public static class WebCorpus
{
    public const string DigitalCode = "ĐT-2024-10201-PT";
    public const string DigitalTitle = "Ứng dụng chuyển đổi số trong quản lý hồ sơ đất đai tỉnh Phú Thọ";
    public const string TeaCode = "ĐT-2023-40101-PT";
    public const string TeaTitle = "Nghiên cứu nhân giống chè Shan tuyết bằng phương pháp giâm cành";
    public const string RiceCode = "ĐT-2022-40102-PT";
    public const string SilkCode = "DA-2024-20501-PT";
    public const string HospitalCode = "ĐT-2025-30201-PT";
    public const string ScriptCode = "ĐT-2024-99999-PT";
    public const string ScriptTitle = "<script>alert('xss')</script> Khảo sát an toàn thông tin & \"mật khẩu\"";
    public const string DraftCode = "ĐT-2025-10101-PT";
    public const string WithdrawnCode = "ĐT-2021-10102-PT";
    public const string WithdrawalReason = "Trùng lặp với nhiệm vụ khác <b>đã công bố</b>";
    public const string HostName = "Trường Đại học Hùng Vương";
    /// <summary>Tóm tắt phổ thông of the tea task, with characters a page must encode ("&lt;", "&amp;", quotes).</summary>
    public const string TeaPlainSummary =
        "Nhiệm vụ giúp nông dân Tân Sơn tự nhân giống chè Shan tuyết bằng cách giâm cành. " +
        "Mỗi cây giống có giá < 5 nghìn đồng & người trồng được hướng dẫn “cầm tay chỉ việc”. " +
        "Đồi chè già sẽ được trồng lại bằng cây khỏe, cho nhiều búp hơn.";

    public static IReadOnlyList<TaskRecord> Published =>
    [
        Task(DigitalCode, DigitalTitle, "102", 2024, 1_250_000_000, "Số hóa hồ sơ địa chính, chuyển đổi số ngành tài nguyên.", transferable: true),
        WithIdentifiers(Task(TeaCode, TeaTitle, "40101", 2023, 850_000_000, "Giâm cành chè Shan tuyết vùng cao Tân Sơn.", transferable: true))
            with { PlainSummary = TeaPlainSummary },
        Task(RiceCode, "Tuyển chọn giống lúa chất lượng cao cho vùng đồng bằng", "401", 2022, 600_000_000, "Khảo nghiệm giống lúa thuần."),
        Task(SilkCode, "Phục hồi nghề dệt lụa tơ tằm truyền thống", "205", 2024, 2_100_000_000, "Công nghệ ươm tơ và dệt lụa."),
        Task(HospitalCode, "Ứng dụng kỹ thuật nội soi trong chẩn đoán ung thư dạ dày", "302", 2025, 3_400_000_000, "Nội soi dải tần hẹp tại bệnh viện tỉnh."),
        Task(ScriptCode, ScriptTitle, "102", 2024, 300_000_000, "Tóm tắt có <img src=x onerror=alert(1)> và ký tự đặc biệt."),
    ];

    public static TaskRecord Draft => Task(DraftCode, "Nhiệm vụ còn ở dạng nháp chưa công bố", "101", 2025, 100_000_000, "Nháp.");

    public static TaskRecord Withdrawn => Task(WithdrawnCode, "Nhiệm vụ đã rút khỏi cơ sở dữ liệu", "101", 2021, 100_000_000, "Đã rút.");

    public const string TeaOrcid = "https://orcid.org/0000-0002-1825-0097";
    public const string TeaDoi = "10.1000/182";

    /// <summary>Persistent identifiers with valid check digits: the ORCID and ROR examples their registries publish.</summary>
    private static TaskRecord WithIdentifiers(TaskRecord t) => t with
    {
        Funder = new FunderRecord { Name = "Ủy ban nhân dân tỉnh Phú Thọ", Identifier = "https://ror.org/05dxps055" },
        PrincipalInvestigator = t.PrincipalInvestigator! with { Orcid = TeaOrcid },
        Outputs = [.. t.Outputs!, new OutputRecord { Type = OutputType.Publication, Title = "Bài báo về giâm cành chè", IdentifierType = OutputIdentifierType.Doi, Identifier = TeaDoi }],
    };

    private static TaskRecord Task(string code, string title, string field, int year, long budget, string summary, bool transferable = false) => new()
    {
        Code = code,
        Title = title,
        TitleEn = "English title of " + code,
        Kind = TaskKind.ResearchProject,
        Level = TaskLevel.Provincial,
        Fields = [field],
        Keywords = ["phú thọ"],
        Status = TaskStatus.InProgress,
        SecurityClassification = SecurityClassification.None,
        ManagingAgency = "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
        HostOrganization = new OrganizationRef { Name = HostName, Type = OrganizationType.University, Province = "Phú Thọ" },
        PrincipalInvestigator = new PersonRecord { Name = "Nguyễn Văn An", AcademicTitle = "TS.", Role = "Chủ nhiệm", Email = "an.nguyen@example.vn", Phone = "0912345678" },
        Members = [new PersonRecord { Name = "Trần Thị Bình", AcademicTitle = "ThS.", Role = "Thành viên", Email = "binh@example.vn" }],
        StartDate = new DateOnly(year, 3, 1),
        EndDate = new DateOnly(year + 2, 2, 28),
        ApprovalDecision = new ApprovalDecisionRecord { Number = $"{year}/QĐ-UBND", Date = new DateOnly(year, 1, 15) },
        Budget = new BudgetRecord { TotalVnd = budget, StateBudgetVnd = budget / 2 },
        Summary = summary,
        Objectives = "Mục tiêu của " + code,
        Outputs = transferable
            ? [new OutputRecord { Type = OutputType.Process, Title = "Quy trình kỹ thuật", Transferable = true, Url = "https://khcn.phutho.gov.vn/quy-trinh" }]
            : [new OutputRecord { Type = OutputType.Publication, Title = "Bài báo khoa học", Transferable = false, Url = "https://doi.org/10.1000/xyz" }],
    };
}
