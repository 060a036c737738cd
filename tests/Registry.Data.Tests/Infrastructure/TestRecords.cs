using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Infrastructure;

/// <summary>Seeded builders of realistic records. Every call gets a unique code so tests never collide.</summary>
public static class TestRecords
{
    private static int _counter;

    public static string NewCode(string prefix = "ĐT") =>
        $"{prefix}-2024-{Interlocked.Increment(ref _counter):D5}-{Guid.NewGuid().ToString("N")[..6]}-PT";

    public static TaskRecord Valid(string? code = null, string? organization = null) => new()
    {
        Code = code ?? NewCode(),
        Title = "Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất chè Phú Thọ " + Guid.NewGuid().ToString("N")[..8],
        TitleEn = "Applying biotechnology to tea production in Phu Tho",
        Kind = TaskKind.ResearchProject,
        Level = TaskLevel.Provincial,
        Fields = ["4", "40101"],
        Keywords = ["chè", "công nghệ sinh học"],
        Status = TaskStatus.InProgress,
        ManagingAgency = "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
        HostOrganization = new OrganizationRef
        {
            Name = organization ?? "Trường Đại học Hùng Vương",
            Type = OrganizationType.University,
            Province = "Phú Thọ",
            Commune = "Phường Việt Trì",
        },
        PrincipalInvestigator = new PersonRecord
        {
            Name = "Nguyễn Văn An", AcademicTitle = "PGS.TS.", Role = "Chủ nhiệm",
            Email = "an.nguyen@hvu.edu.vn", Phone = "0210 3 800 000",
        },
        Members =
        [
            new PersonRecord { Name = "Trần Thị Bình", AcademicTitle = "ThS.", Role = "Thư ký", Email = "binh@hvu.edu.vn" },
            new PersonRecord { Name = "Lê Văn Cường", AcademicTitle = "TS.", Role = "Thành viên" },
        ],
        StartDate = new DateOnly(2024, 1, 15),
        EndDate = new DateOnly(2025, 12, 31),
        ApprovalDecision = new ApprovalDecisionRecord { Number = "1234/QĐ-UBND", Date = new DateOnly(2023, 12, 20) },
        Budget = new BudgetRecord { TotalVnd = 1_500_000_000, StateBudgetVnd = 1_200_000_000 },
        Summary = "Tóm tắt nhiệm vụ về chè.",
        Objectives = "Nâng cao năng suất chè.",
        Methods = "Thí nghiệm đồng ruộng.",
        ExpectedResults = "Quy trình canh tác chè.",
        Outputs =
        [
            new OutputRecord
            {
                Type = OutputType.Process, Title = "Quy trình nhân giống chè", Transferable = true,
                Url = "https://hvu.edu.vn/quy-trinh",
            },
        ],
    };

    /// <summary>
    /// <see cref="Valid"/> with every persistent identifier, each written in a form people paste (bare, doi:,
    /// ISBN with hyphens) rather than the stored one, so a store or import test sees the normalisation.
    /// </summary>
    public static TaskRecord WithIdentifiers(string? code = null, string? organization = null) => Valid(code, organization) is var r ? r with
    {
        Funder = new FunderRecord { Name = "Quỹ Phát triển khoa học và công nghệ Quốc gia", Identifier = "10.13039/100007224" },
        HostOrganization = r.HostOrganization! with { Ror = "05dxps055" },
        PrincipalInvestigator = r.PrincipalInvestigator! with { Orcid = "0000-0002-1825-0097" },
        Members = [r.Members![0] with { Orcid = "https://orcid.org/0000-0002-1694-233x" }, r.Members[1]],
        Outputs =
        [
            .. r.Outputs!,
            new OutputRecord { Type = OutputType.Publication, Title = "Bài báo về chè", Identifier = "doi:10.31276/VJST.64(2).01", IdentifierType = OutputIdentifierType.Doi },
            new OutputRecord { Type = OutputType.Publication, Title = "Sách chuyên khảo", Identifier = "ISBN 978-3-16-148410-0", IdentifierType = OutputIdentifierType.Isbn },
            new OutputRecord { Type = OutputType.UtilitySolution, Title = "Giải pháp hữu ích", Identifier = "VN 2-0001234", IdentifierType = OutputIdentifierType.Patent },
            new OutputRecord { Type = OutputType.Standard, Title = "Tiêu chuẩn cơ sở", Identifier = "TCCS 12:2024" },
        ],
    } : throw new InvalidOperationException();

    /// <summary>A record classified Mật with recognisable title and code, to search for traces afterwards.</summary>
    public static TaskRecord Secret(SecurityClassification level = SecurityClassification.Confidential) =>
        Valid(NewCode("MAT")) with
        {
            Title = "Dự án bí mật quốc phòng " + Guid.NewGuid().ToString("N"),
            SecurityClassification = level,
        };
}
