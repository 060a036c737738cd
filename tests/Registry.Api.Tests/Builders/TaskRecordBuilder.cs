using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Tests.Builders;

/// <summary>Builds valid record v1 tasks with unique codes; tests change only what they are about.</summary>
public sealed class TaskRecordBuilder
{
    private static int _sequence = Random.Shared.Next(10_000, 60_000);

    private TaskRecord _record;

    public TaskRecordBuilder()
    {
        var n = Interlocked.Increment(ref _sequence);
        _record = new TaskRecord
        {
            Code = $"ĐT-2024-{n:D5}-PT",
            Title = $"Nghiên cứu ứng dụng công nghệ sinh học trong nhân giống chè Phú Thọ số {n}",
            TitleEn = $"Applying biotechnology to tea propagation in Phú Thọ no. {n}",
            Kind = TaskKind.ResearchProject,
            Level = TaskLevel.Provincial,
            Fields = ["401"],
            Keywords = ["chè", "nhân giống"],
            Status = TaskStatus.InProgress,
            SecurityClassification = SecurityClassification.None,
            ManagingAgency = "Sở Khoa học và Công nghệ tỉnh Phú Thọ",
            HostOrganization = new OrganizationRef { Name = "Trường Đại học Hùng Vương", Type = OrganizationType.University, Province = "Phú Thọ" },
            PrincipalInvestigator = new PersonRecord { Name = "Nguyễn Văn An", AcademicTitle = "TS.", Role = "Chủ nhiệm", Email = "an.nguyen@example.vn", Phone = "0912345678" },
            Members = [new PersonRecord { Name = "Trần Thị Bình", AcademicTitle = "ThS.", Role = "Thành viên" }],
            StartDate = new DateOnly(2024, 1, 1),
            EndDate = new DateOnly(2025, 12, 31),
            ApprovalDecision = new ApprovalDecisionRecord { Number = $"{n}/QĐ-UBND", Date = new DateOnly(2023, 12, 15) },
            Budget = new BudgetRecord { TotalVnd = 1_500_000_000, StateBudgetVnd = 1_200_000_000 },
            Summary = "Tóm tắt nội dung nghiên cứu về nhân giống chè.",
            Objectives = "Xây dựng quy trình nhân giống chè chất lượng cao.",
            Methods = "Nuôi cấy mô, thí nghiệm đồng ruộng.",
            ExpectedResults = "Quy trình nhân giống và 5 ha mô hình trình diễn.",
        };
    }

    public TaskRecordBuilder WithCode(string code) => With(r => r with { Code = code });

    public TaskRecordBuilder WithTitle(string title) => With(r => r with { Title = title });

    public TaskRecordBuilder Secret(SecurityClassification level = SecurityClassification.Secret) => With(r => r with { SecurityClassification = level });

    public TaskRecordBuilder With(Func<TaskRecord, TaskRecord> change)
    {
        _record = change(_record);
        return this;
    }

    public TaskRecord Build() => _record;

    public static TaskRecord Valid() => new TaskRecordBuilder().Build();
}
