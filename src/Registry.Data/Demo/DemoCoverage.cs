using System.Globalization;
using System.Text;
using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>
/// Media coverage of demo tasks: about half of the published ones (and a few drafts, which curators record too) get
/// one to four items from the outlets that cover the province's science news, dated between the task's start (its
/// approval when it has not started) and its last update, so never after <see cref="DemoCatalogue.ReferenceDate"/>.
/// The outlets are real names; the links are not: they point to <c>https://example.org/demo/…</c> (a domain reserved
/// for examples, RFC 2606) so no reader takes a demo item for a real article. Each task draws from its own PRNG,
/// seeded by its code, so adding coverage leaves every other demo value as it was.
/// </summary>
internal static class DemoCoverage
{
    private static readonly (CoverageKind Kind, string[] Outlets, string[] Titles)[] Channels =
    [
        (CoverageKind.Press, ["Báo Phú Thọ", "Báo VnExpress", "Báo Nông nghiệp và Môi trường", "Báo Khoa học và Phát triển"],
            ["Phú Thọ triển khai nhiệm vụ “{0}”", "Kết quả bước đầu của nhiệm vụ “{0}”", "Nhà khoa học Phú Thọ với nhiệm vụ “{0}”"]),
        (CoverageKind.Television, ["Đài Phát thanh và Truyền hình Phú Thọ", "VTV2 – Đài Truyền hình Việt Nam"],
            ["Phóng sự: {0}", "Khoa học và đời sống: {0}"]),
        (CoverageKind.Radio, ["Đài Phát thanh và Truyền hình Phú Thọ", "Đài Tiếng nói Việt Nam"],
            ["Chuyên mục Khoa học với nông dân: {0}"]),
        (CoverageKind.Portal, ["Cổng Thông tin điện tử tỉnh Phú Thọ", "Trang thông tin điện tử Sở Khoa học và Công nghệ Phú Thọ"],
            ["Thông tin nhiệm vụ: {0}", "Hội đồng khoa học đánh giá nhiệm vụ “{0}”"]),
        (CoverageKind.SocialNetwork, ["Fanpage Sở Khoa học và Công nghệ Phú Thọ", "Kênh YouTube PTV Phú Thọ"],
            ["Giới thiệu nhiệm vụ “{0}”"]),
        (CoverageKind.Event, ["Techmart Phú Thọ", "Ngày hội Khởi nghiệp đổi mới sáng tạo tỉnh Phú Thọ", "Hội thảo khoa học Sở Khoa học và Công nghệ"],
            ["Trưng bày kết quả nhiệm vụ “{0}”", "Báo cáo tham luận: {0}"]),
    ];


    public static TaskRecord Apply(TaskRecord record, DemoSchedule schedule)
    {
        var share = record.Visibility switch { Visibility.Published => 0.5, Visibility.Draft => 0.3, _ => 0.0 };
        var rng = new DemoRandom(Seed(record.Code!));
        if (!rng.Chance(share) || record.UpdatedAt is not { } updatedAt) return record;

        var first = schedule.Start <= DemoCatalogue.ReferenceDate ? schedule.Start : schedule.ApprovalDate;
        var last = VietnamTime.DateOf(updatedAt);
        if (last < first) return record;

        var slug = Slug(record.Code!);
        var title = record.Title!.Length > 120 ? record.Title[..120].TrimEnd() + "…" : record.Title;
        var items = Enumerable.Range(1, rng.Between(1, 4)).Select(n =>
        {
            var (kind, outlets, titles) = rng.Weighted(
                (Channels[0], 35), (Channels[1], 15), (Channels[2], 8), (Channels[3], 20), (Channels[4], 15), (Channels[5], 7));
            return new CoverageRecord
            {
                Url = $"https://example.org/demo/truyen-thong/{slug}-{n}",
                Outlet = rng.Pick(outlets),
                Kind = kind,
                Date = first.AddDays(rng.Next(last.DayNumber - first.DayNumber + 1)),
                Title = string.Format(CultureInfo.InvariantCulture, rng.Pick(titles), title),
            };
        }).ToList();
        return record with { Coverage = items };
    }

    /// <summary>FNV-1a over the code: stable on every machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Seed(string code)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in code) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>"ĐT-2024-40101-PT" → "ddt-2024-40101-pt": Đ as "dd" (Telex), so ĐA- and DA- codes stay apart.</summary>
    private static string Slug(string code)
    {
        var folded = code.Replace("Đ", "DD").Replace("đ", "dd").Normalize(NormalizationForm.FormD);
        return new string(folded.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Select(char.ToLowerInvariant).ToArray());
    }
}
