using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.Web.Localization;

/// <summary>Vietnamese and English names of the record's enum values as the pages show them.</summary>
public static class EnumText
{
    public static UiString Of(TaskLevel value) => value switch
    {
        TaskLevel.National => new("Cấp quốc gia", "National"),
        TaskLevel.Ministerial => new("Cấp bộ", "Ministerial"),
        TaskLevel.Provincial => new("Cấp tỉnh", "Provincial"),
        _ => new("Cấp cơ sở", "Grassroots"),
    };

    public static UiString Of(TaskKind value) => value switch
    {
        TaskKind.ResearchProject => new("Đề tài", "Research project"),
        TaskKind.PilotProductionProject => new("Dự án sản xuất thử nghiệm", "Pilot production project"),
        TaskKind.ScientificScheme => new("Đề án khoa học", "Scientific scheme"),
        TaskKind.ScienceTechnologyProject => new("Dự án khoa học và công nghệ", "S&T project"),
        TaskKind.Program => new("Chương trình", "Programme"),
        TaskKind.BasicSurvey => new("Điều tra cơ bản", "Basic survey"),
        _ => new("Khác", "Other"),
    };

    public static UiString Of(TaskStatus value) => value switch
    {
        TaskStatus.Approved => new("Đã phê duyệt", "Approved"),
        TaskStatus.InProgress => new("Đang thực hiện", "In progress"),
        TaskStatus.Accepted => new("Đã nghiệm thu", "Accepted"),
        TaskStatus.ResultsRegistered => new("Đã đăng ký kết quả", "Results registered"),
        TaskStatus.Applied => new("Đã ứng dụng", "Applied"),
        _ => new("Dừng thực hiện", "Terminated"),
    };

    public static UiString Of(OutputType value) => value switch
    {
        OutputType.Publication => new("Bài báo, ấn phẩm", "Publication"),
        OutputType.Patent => new("Bằng độc quyền sáng chế", "Patent"),
        OutputType.UtilitySolution => new("Giải pháp hữu ích", "Utility solution"),
        OutputType.PlantVariety => new("Giống cây trồng", "Plant variety"),
        OutputType.Process => new("Quy trình", "Process"),
        OutputType.Prototype => new("Mẫu, sản phẩm", "Prototype"),
        OutputType.Software => new("Phần mềm", "Software"),
        OutputType.Standard => new("Tiêu chuẩn", "Standard"),
        OutputType.Dataset => new("Cơ sở dữ liệu", "Dataset"),
        OutputType.TrainingDegree => new("Đào tạo", "Training"),
        OutputType.PolicyRecommendation => new("Kiến nghị chính sách", "Policy recommendation"),
        _ => new("Khác", "Other"),
    };

    public static UiString Of(OrganizationType value) => value switch
    {
        OrganizationType.University => new("Trường đại học", "University"),
        OrganizationType.ResearchInstitute => new("Viện nghiên cứu", "Research institute"),
        OrganizationType.Enterprise => new("Doanh nghiệp", "Enterprise"),
        OrganizationType.StateAgency => new("Cơ quan nhà nước", "State agency"),
        OrganizationType.Hospital => new("Bệnh viện", "Hospital"),
        _ => new("Khác", "Other"),
    };

    public static UiString Of(AcceptanceRating value) => value switch
    {
        AcceptanceRating.Excellent => new("Xuất sắc", "Excellent"),
        AcceptanceRating.Passed => new("Đạt", "Passed"),
        _ => new("Không đạt", "Failed"),
    };

    /// <summary>A facet bucket key (camelCase enum name) in the page language; null when the key is not an enum value.</summary>
    public static UiString? OfKey<TEnum>(string key, Func<TEnum, UiString> label) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(key, ignoreCase: true, out var value) && Enum.IsDefined(value) ? label(value) : null;
}
