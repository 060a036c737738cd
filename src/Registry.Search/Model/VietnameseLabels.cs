using System.Text.Json;

namespace Registry.Search.Model;

/// <summary>Vietnamese display names of enum values as they appear in facets.</summary>
public static class VietnameseLabels
{
    public static string Level(string key) => key switch
    {
        "national" => "Cấp quốc gia",
        "ministerial" => "Cấp bộ",
        "provincial" => "Cấp tỉnh",
        "grassroots" => "Cấp cơ sở",
        _ => key,
    };

    public static string Kind(string key) => key switch
    {
        "researchProject" => "Đề tài",
        "pilotProductionProject" => "Dự án sản xuất thử nghiệm",
        "scientificScheme" => "Đề án khoa học",
        "scienceTechnologyProject" => "Dự án khoa học và công nghệ",
        "program" => "Chương trình",
        "basicSurvey" => "Điều tra cơ bản",
        "other" => "Khác",
        _ => key,
    };

    public static string Status(string key) => key switch
    {
        "approved" => "Đã phê duyệt",
        "inProgress" => "Đang thực hiện",
        "accepted" => "Đã nghiệm thu",
        "resultsRegistered" => "Đã đăng ký kết quả",
        "applied" => "Đã ứng dụng",
        "terminated" => "Dừng thực hiện",
        _ => key,
    };
}

/// <summary>Enum values as the record JSON writes them (camelCase).</summary>
public static class EnumNames
{
    public static string CamelCase<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
