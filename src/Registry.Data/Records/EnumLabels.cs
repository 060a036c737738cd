using System.Text.Json;

namespace Registry.Data.Records;

/// <summary>
/// The one table of labels for the record's enums, read by statistics and facets (REST), the web pages, the CSV
/// export, the spreadsheet import and GraphQL descriptions. Vietnamese labels follow the wording REST and the pages
/// show (the terms of Law 93/2025/QH15 and Circular 14/2014/TT-BKHCN); aliases are the shorter forms found in the
/// province's spreadsheets.
/// </summary>
public static class EnumLabels
{
    public static readonly EnumLabelTable<TaskKind> Kind = new(
        new(TaskKind.ResearchProject, new("Đề tài", "Research project")),
        new(TaskKind.PilotProductionProject, new("Dự án sản xuất thử nghiệm", "Pilot production project"), "Dự án SXTN"),
        new(TaskKind.ScientificScheme, new("Đề án khoa học", "Scientific scheme"), "Đề án"),
        new(TaskKind.ScienceTechnologyProject, new("Dự án khoa học và công nghệ", "Science and technology project"), "Dự án KH&CN"),
        new(TaskKind.Program, new("Chương trình", "Programme")),
        new(TaskKind.BasicSurvey, new("Điều tra cơ bản", "Basic survey"), "Nhiệm vụ điều tra cơ bản"),
        new(TaskKind.Other, new("Khác", "Other")));

    public static readonly EnumLabelTable<TaskLevel> Level = new(
        new(TaskLevel.National, new("Cấp quốc gia", "National"), "Quốc gia"),
        new(TaskLevel.Ministerial, new("Cấp bộ", "Ministerial"), "Bộ"),
        new(TaskLevel.Provincial, new("Cấp tỉnh", "Provincial"), "Tỉnh"),
        new(TaskLevel.Grassroots, new("Cấp cơ sở", "Grassroots"), "Cơ sở"));

    public static readonly EnumLabelTable<TaskStatus> Status = new(
        new(TaskStatus.Approved, new("Đã phê duyệt", "Approved")),
        new(TaskStatus.InProgress, new("Đang thực hiện", "In progress")),
        new(TaskStatus.Accepted, new("Đã nghiệm thu", "Accepted")),
        new(TaskStatus.ResultsRegistered, new("Đã đăng ký kết quả", "Results registered")),
        new(TaskStatus.Applied, new("Đã ứng dụng", "Applied")),
        new(TaskStatus.Terminated, new("Dừng thực hiện", "Terminated")));

    /// <summary>Độ mật (Law 29/2018/QH14). "Thường" is how some sheets write "not classified".</summary>
    public static readonly EnumLabelTable<SecurityClassification> Security = new(
        new(SecurityClassification.None, new("Không", "None"), "Thường"),
        new(SecurityClassification.Confidential, new("Mật", "Confidential")),
        new(SecurityClassification.Secret, new("Tối mật", "Secret")),
        new(SecurityClassification.TopSecret, new("Tuyệt mật", "Top secret")));

    public static readonly EnumLabelTable<Visibility> Visibility = new(
        new(Records.Visibility.Draft, new("Nháp", "Draft")),
        new(Records.Visibility.Published, new("Công bố", "Published"), "Đã công bố"),
        new(Records.Visibility.Withdrawn, new("Thu hồi", "Withdrawn"), "Đã thu hồi"));

    public static readonly EnumLabelTable<OrganizationType> OrganizationType = new(
        new(Records.OrganizationType.University, new("Trường đại học", "University"), "Đại học", "Trường"),
        new(Records.OrganizationType.ResearchInstitute, new("Viện nghiên cứu", "Research institute"), "Viện"),
        new(Records.OrganizationType.Enterprise, new("Doanh nghiệp", "Enterprise"), "Công ty"),
        new(Records.OrganizationType.StateAgency, new("Cơ quan nhà nước", "State agency"), "Cơ quan quản lý nhà nước"),
        new(Records.OrganizationType.Hospital, new("Bệnh viện", "Hospital")),
        new(Records.OrganizationType.Other, new("Khác", "Other")));

    public static readonly EnumLabelTable<AcceptanceRating> Rating = new(
        new(AcceptanceRating.Excellent, new("Xuất sắc", "Excellent")),
        new(AcceptanceRating.Passed, new("Đạt", "Passed")),
        new(AcceptanceRating.Failed, new("Không đạt", "Failed")));

    public static readonly EnumLabelTable<OutputType> OutputType = new(
        new(Records.OutputType.Publication, new("Bài báo, ấn phẩm", "Publication")),
        new(Records.OutputType.Patent, new("Bằng độc quyền sáng chế", "Patent")),
        new(Records.OutputType.UtilitySolution, new("Giải pháp hữu ích", "Utility solution")),
        new(Records.OutputType.PlantVariety, new("Giống cây trồng", "Plant variety")),
        new(Records.OutputType.Process, new("Quy trình", "Process")),
        new(Records.OutputType.Prototype, new("Mẫu, sản phẩm", "Prototype")),
        new(Records.OutputType.Software, new("Phần mềm", "Software")),
        new(Records.OutputType.Standard, new("Tiêu chuẩn", "Standard")),
        new(Records.OutputType.Dataset, new("Cơ sở dữ liệu", "Dataset")),
        new(Records.OutputType.TrainingDegree, new("Đào tạo", "Training")),
        new(Records.OutputType.PolicyRecommendation, new("Kiến nghị chính sách", "Policy recommendation")),
        new(Records.OutputType.Other, new("Khác", "Other")));

    public static readonly EnumLabelTable<OutputIdentifierType> IdentifierType = new(
        new(OutputIdentifierType.Doi, new("DOI", "DOI")),
        new(OutputIdentifierType.Isbn, new("ISBN", "ISBN")),
        new(OutputIdentifierType.Issn, new("ISSN", "ISSN")),
        new(OutputIdentifierType.Patent, new("Số bằng sáng chế, giải pháp hữu ích", "Patent number")),
        new(OutputIdentifierType.Handle, new("Handle", "Handle")),
        new(OutputIdentifierType.Other, new("Số hiệu khác", "Other identifier")));

    public static readonly EnumLabelTable<CoverageKind> CoverageKind = new(
        new(Records.CoverageKind.Press, new("Báo chí", "Press"), "Báo", "Báo in", "Báo điện tử", "Tạp chí"),
        new(Records.CoverageKind.Television, new("Truyền hình", "Television"), "Đài truyền hình"),
        new(Records.CoverageKind.Radio, new("Phát thanh", "Radio"), "Đài phát thanh"),
        new(Records.CoverageKind.Portal, new("Cổng thông tin điện tử", "Web portal"), "Cổng thông tin", "Cổng TTĐT", "Trang thông tin điện tử"),
        new(Records.CoverageKind.SocialNetwork, new("Mạng xã hội", "Social network"), "MXH"),
        new(Records.CoverageKind.Event, new("Sự kiện", "Event"), "Hội thảo", "Triển lãm"));

    private static readonly Dictionary<Type, object> Tables = new object[]
        { Kind, Level, Status, Security, Visibility, OrganizationType, Rating, OutputType, IdentifierType, CoverageKind }
        .ToDictionary(t => t.GetType().GetGenericArguments()[0]);

    /// <summary>Every enum of record v1 has a table here (a test holds every value to it).</summary>
    public static IReadOnlyCollection<Type> Enums => Tables.Keys;

    /// <summary>The table of <typeparamref name="T"/>; throws for an enum that is not part of record v1.</summary>
    public static EnumLabelTable<T> For<T>() where T : struct, Enum => (EnumLabelTable<T>)Tables[typeof(T)];

    public static Label Of<T>(T value) where T : struct, Enum => For<T>().Of(value);

    /// <summary>The camelCase name record v1 writes for <paramref name="value"/>.</summary>
    public static string Key<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
