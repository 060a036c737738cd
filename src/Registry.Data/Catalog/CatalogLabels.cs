using System.Text.Json;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Catalog;

/// <summary>A display name in Vietnamese (shown first) and in English.</summary>
public sealed record Label(string Vi, string En);

/// <summary>Display names of the record's enum values for statistics and reports; keys are the record's camelCase values.</summary>
public static class CatalogLabels
{
    /// <summary>A bucket whose value is not recorded (no start date, no managing agency).</summary>
    public static readonly Label Unknown = new("Không rõ", "Unknown");

    public const string UnknownKey = "unknown";

    public static string Key<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static Label Of(TaskLevel level) => level switch
    {
        TaskLevel.National => new("Cấp quốc gia", "National"),
        TaskLevel.Ministerial => new("Cấp bộ", "Ministerial"),
        TaskLevel.Provincial => new("Cấp tỉnh", "Provincial"),
        TaskLevel.Grassroots => new("Cấp cơ sở", "Grassroots"),
        _ => new(Key(level), Key(level)),
    };

    public static Label Of(TaskKind kind) => kind switch
    {
        TaskKind.ResearchProject => new("Đề tài", "Research project"),
        TaskKind.PilotProductionProject => new("Dự án sản xuất thử nghiệm", "Pilot production project"),
        TaskKind.ScientificScheme => new("Đề án khoa học", "Scientific scheme"),
        TaskKind.ScienceTechnologyProject => new("Dự án khoa học và công nghệ", "Science and technology project"),
        TaskKind.Program => new("Chương trình", "Programme"),
        TaskKind.BasicSurvey => new("Điều tra cơ bản", "Basic survey"),
        _ => new("Khác", "Other"),
    };

    public static Label Of(TaskStatus status) => status switch
    {
        TaskStatus.Approved => new("Đã phê duyệt", "Approved"),
        TaskStatus.InProgress => new("Đang thực hiện", "In progress"),
        TaskStatus.Accepted => new("Đã nghiệm thu", "Accepted"),
        TaskStatus.ResultsRegistered => new("Đã đăng ký kết quả", "Results registered"),
        TaskStatus.Applied => new("Đã ứng dụng", "Applied"),
        TaskStatus.Terminated => new("Dừng thực hiện", "Terminated"),
        _ => new(Key(status), Key(status)),
    };
}
