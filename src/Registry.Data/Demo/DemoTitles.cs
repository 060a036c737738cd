using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>Titles as the province writes them, shaped by the kind of task.</summary>
internal static class DemoTitles
{
    public static string Vietnamese(TaskKind kind, string core, string subject, string place, int year) => kind switch
    {
        TaskKind.PilotProductionProject => $"Hoàn thiện quy trình và sản xuất thử nghiệm {subject}{place}",
        TaskKind.ScienceTechnologyProject => $"Ứng dụng tiến bộ khoa học và công nghệ: {core}{place}",
        TaskKind.ScientificScheme => $"Đề án {core}{place} giai đoạn {year}–{year + 5}",
        TaskKind.Program => $"Chương trình khoa học và công nghệ về {subject}{place} giai đoạn {year}–{year + 5}",
        TaskKind.BasicSurvey => $"Điều tra, đánh giá thực trạng {subject}{place}",
        TaskKind.Other => $"Xây dựng cơ sở dữ liệu về {subject}{place}",
        _ => core.StartsWith("nghiên cứu ", StringComparison.Ordinal) ? Capitalize($"{core}{place}") : $"Nghiên cứu {core}{place}",
    };

    public static string English(TaskKind kind, string action, string subject, string place) => kind switch
    {
        TaskKind.PilotProductionProject => $"Pilot production of {subject}{place}",
        TaskKind.ScienceTechnologyProject => $"Applying science and technology: {action} {subject}{place}",
        TaskKind.ScientificScheme => $"Scheme for {action} {subject}{place}",
        TaskKind.Program => $"Science and technology programme on {subject}{place}",
        TaskKind.BasicSurvey => $"Baseline survey of {subject}{place}",
        TaskKind.Other => $"A database of {subject}{place}",
        _ => Capitalize($"{action} {subject}{place}"),
    };

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
