using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>Outputs of a finished task, of the kinds its field produces (varieties, processes, software, …).</summary>
internal static class DemoOutputs
{
    private static readonly string[] Journals =
        ["vjst|Tạp chí Khoa học và Công nghệ Việt Nam|12", "vjard|Tạp chí Nông nghiệp và Phát triển nông thôn|4", "vmj|Tạp chí Y học Việt Nam|3",
         "hvu|Tạp chí Khoa học và Công nghệ Trường Đại học Hùng Vương|123456", "vjssh|Tạp chí Khoa học Xã hội Việt Nam|56", "jte|Tạp chí Giáo dục|5",
         "vjc|Tạp chí Hóa học|12", "vjes|Tạp chí Các khoa học về Trái Đất|1"];

    private static readonly string[] DoiPrefixes = ["10.31276", "10.15625", "10.51298", "10.47866", "10.33100"];

    public static List<OutputRecord> For(DemoRandom rng, string sector, string core, string subject, int year, bool failed)
    {
        var outputs = new List<OutputRecord> { Publication(rng, sector, subject, year) };
        if (failed) return outputs; // a task that failed acceptance still reported its publication
        foreach (var type in Kinds(sector).Take(rng.Between(1, 3)))
            outputs.Add(Output(rng, type, core, subject, year));
        if (rng.Chance(0.35)) outputs.Add(new OutputRecord
        {
            Type = OutputType.TrainingDegree, Title = $"Đào tạo {rng.Between(1, 3)} thạc sĩ",
            Description = $"Học viên bảo vệ luận văn về {subject}.", Transferable = false,
        });
        return outputs;
    }

    private static IEnumerable<OutputType> Kinds(string sector) => sector[0] switch
    {
        '4' when sector is "401" or "404" or "406" => [OutputType.Process, OutputType.PlantVariety, OutputType.Standard],
        '4' => [OutputType.Process, OutputType.Standard, OutputType.Dataset],
        '3' => [OutputType.Process, OutputType.Dataset],
        '2' when sector is "202" or "299" => [OutputType.Software, OutputType.Prototype, OutputType.Process],
        '2' => [OutputType.Prototype, OutputType.Process, OutputType.UtilitySolution],
        '1' when sector == "102" => [OutputType.Software, OutputType.Dataset],
        '1' => [OutputType.Dataset, OutputType.Process],
        _ => [OutputType.PolicyRecommendation, OutputType.Dataset],
    };

    private static OutputRecord Output(DemoRandom rng, OutputType type, string core, string subject, int year) => type switch
    {
        OutputType.Process => new() { Type = type, Title = $"Quy trình {core}", Description = "Được Hội đồng khoa học cấp tỉnh thông qua.", Transferable = rng.Chance(0.6) },
        OutputType.PlantVariety => new() { Type = type, Title = $"Giống {subject} tuyển chọn", Identifier = $"QĐ công nhận cây đầu dòng số {rng.Between(10, 999)}/QĐ-SNN", Transferable = true },
        OutputType.Software => new() { Type = type, Title = $"Phần mềm quản lý {subject}", Url = $"https://github.com/phutho-dost/demo-{year}-{rng.Between(100, 999)}", Transferable = rng.Chance(0.7) },
        OutputType.Prototype => new() { Type = type, Title = $"Mẫu thiết bị cho {subject}", Description = "Đã vận hành thử nghiệm tại cơ sở sản xuất.", Transferable = rng.Chance(0.6) },
        OutputType.UtilitySolution => new() { Type = type, Title = $"Giải pháp hữu ích về {subject}", Identifier = $"2-000{rng.Between(1000, 9999)}", IdentifierType = OutputIdentifierType.Patent, Transferable = true },
        OutputType.Standard => new() { Type = type, Title = $"Tiêu chuẩn cơ sở về {subject}", Identifier = $"TCCS {rng.Between(1, 40)}:{year}", Transferable = false },
        OutputType.Dataset => new() { Type = type, Title = $"Bộ dữ liệu về {subject}", Description = "Công bố dưới dạng dữ liệu mở.", Transferable = false },
        _ => new() { Type = OutputType.PolicyRecommendation, Title = $"Kiến nghị chính sách về {subject}", Description = "Gửi Ủy ban nhân dân tỉnh.", Transferable = false },
    };

    private static OutputRecord Publication(DemoRandom rng, string sector, string subject, int year)
    {
        var journal = rng.Pick(Journals.Where(j => j[(j.LastIndexOf('|') + 1)..].Contains(sector[0])).ToList()).Split('|');
        var (abbr, name) = (journal[0], journal[1]);
        return new OutputRecord
        {
            Type = OutputType.Publication,
            Title = $"Kết quả nghiên cứu {subject}",
            Description = name,
            Identifier = $"{rng.Pick(DoiPrefixes)}/{abbr}.{year}.{rng.Between(1, 12)}.{rng.Between(1, 40):D2}",
            IdentifierType = OutputIdentifierType.Doi,
            Transferable = false,
        };
    }
}
