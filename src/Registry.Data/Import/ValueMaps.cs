using Registry.Data.Records;
using Registry.Data.Validation;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Import;

/// <summary>A closed list of values a cell may take: Vietnamese labels as curators write them, plus the enum names.</summary>
internal sealed class ValueMap<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

    public ValueMap(params (string Label, T Value)[] labels)
    {
        Labels = labels.Select(l => l.Label).ToList();
        foreach (var (label, value) in labels) _byKey[TextKey.Fold(label)] = value;
        foreach (var value in Enum.GetValues<T>()) _byKey.TryAdd(TextKey.Fold(value.ToString()), value);
    }

    /// <summary>The documented Vietnamese labels, for error messages and docs.</summary>
    public IReadOnlyList<string> Labels { get; }

    public bool TryGet(string text, out T value) => _byKey.TryGetValue(TextKey.Fold(text), out value);

    public string Expected => string.Join(", ", Labels.Select(l => $"'{l}'"));
}

internal static class ValueMaps
{
    public static readonly ValueMap<TaskKind> Kind = new(
        ("Đề tài", TaskKind.ResearchProject), ("Dự án SXTN", TaskKind.PilotProductionProject),
        ("Đề án", TaskKind.ScientificScheme), ("Dự án KH&CN", TaskKind.ScienceTechnologyProject),
        ("Chương trình", TaskKind.Program), ("Điều tra cơ bản", TaskKind.BasicSurvey), ("Khác", TaskKind.Other),
        ("Dự án sản xuất thử nghiệm", TaskKind.PilotProductionProject), ("Đề án khoa học", TaskKind.ScientificScheme),
        ("Dự án khoa học và công nghệ", TaskKind.ScienceTechnologyProject), ("Nhiệm vụ điều tra cơ bản", TaskKind.BasicSurvey));

    public static readonly ValueMap<TaskLevel> Level = new(
        ("Quốc gia", TaskLevel.National), ("Bộ", TaskLevel.Ministerial), ("Tỉnh", TaskLevel.Provincial),
        ("Cơ sở", TaskLevel.Grassroots), ("Cấp quốc gia", TaskLevel.National), ("Cấp bộ", TaskLevel.Ministerial),
        ("Cấp tỉnh", TaskLevel.Provincial), ("Cấp cơ sở", TaskLevel.Grassroots));

    public static readonly ValueMap<TaskStatus> Status = new(
        ("Đã phê duyệt", TaskStatus.Approved), ("Đang thực hiện", TaskStatus.InProgress),
        ("Đã nghiệm thu", TaskStatus.Accepted), ("Đã đăng ký kết quả", TaskStatus.ResultsRegistered),
        ("Đã ứng dụng", TaskStatus.Applied), ("Dừng thực hiện", TaskStatus.Terminated));

    /// <summary>Độ mật. Empty, "Không" and "Thường" mean not classified; the labels are <see cref="SecurityLevels"/>'s.</summary>
    public static readonly ValueMap<SecurityClassification> Security = new([.. SecurityLevels.Labels]);

    public static readonly ValueMap<OrganizationType> OrganizationType = new(
        ("Trường đại học", Records.OrganizationType.University), ("Viện nghiên cứu", Records.OrganizationType.ResearchInstitute),
        ("Doanh nghiệp", Records.OrganizationType.Enterprise), ("Cơ quan nhà nước", Records.OrganizationType.StateAgency),
        ("Bệnh viện", Records.OrganizationType.Hospital), ("Khác", Records.OrganizationType.Other),
        ("Đại học", Records.OrganizationType.University), ("Trường", Records.OrganizationType.University),
        ("Viện", Records.OrganizationType.ResearchInstitute), ("Công ty", Records.OrganizationType.Enterprise),
        ("Cơ quan quản lý nhà nước", Records.OrganizationType.StateAgency));

    public static readonly ValueMap<AcceptanceRating> Rating = new(
        ("Xuất sắc", AcceptanceRating.Excellent), ("Đạt", AcceptanceRating.Passed), ("Không đạt", AcceptanceRating.Failed));

    public static readonly ValueMap<Visibility> Visibility = new(
        ("Nháp", Records.Visibility.Draft), ("Công bố", Records.Visibility.Published), ("Thu hồi", Records.Visibility.Withdrawn),
        ("Đã công bố", Records.Visibility.Published), ("Đã thu hồi", Records.Visibility.Withdrawn));
}
