using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>A host organization of the province and what it works on: field or sector code prefixes ("4", "401").</summary>
/// <param name="Topics">For specialised hosts (a pomelo cooperative, a tea centre): words one of which the task's
/// subject must contain, separated by ';'.</param>
internal sealed record DemoOrganization(string Name, OrganizationType Type, string Commune, string Fields, string? Topics = null)
{
    public bool Covers(string sector, string subject) =>
        Fields.Split(' ').Any(sector.StartsWith) &&
        (Topics is null || Topics.Split(';').Any(t => subject.Contains(t, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>About sixty host organizations across Phú Thọ, former Vĩnh Phúc and former Hòa Bình.</summary>
internal static class DemoOrganizations
{
    private const OrganizationType U = OrganizationType.University, R = OrganizationType.ResearchInstitute,
        E = OrganizationType.Enterprise, S = OrganizationType.StateAgency, H = OrganizationType.Hospital, O = OrganizationType.Other;

    public static readonly IReadOnlyList<DemoOrganization> All =
    [
        new("Trường Đại học Hùng Vương", U, "Phường Việt Trì", "1 2 3 4 5 6"),
        new("Trường Đại học Công nghiệp Việt Trì", U, "Phường Việt Trì", "102 103 104 2"),
        new("Trường Đại học Kỹ thuật Y tế Hải Dương – Phân hiệu Phú Thọ", U, "Phường Việt Trì", "3"),
        new("Trường Đại học Sư phạm Hà Nội 2", U, "Phường Phúc Yên", "1 501 503 6"),
        new("Trường Đại học Công nghệ và Quản lý Hữu Nghị", U, "Phường Vĩnh Yên", "102 2 502"),
        new("Trường Cao đẳng Y tế Phú Thọ", U, "Phường Việt Trì", "3"),
        new("Trường Cao đẳng Kinh tế – Kỹ thuật Phú Thọ", U, "Phường Phong Châu", "2 4 502"),
        new("Trường Cao đẳng Sư phạm Hòa Bình", U, "Phường Hòa Bình", "501 503 6"),
        new("Trường Cao đẳng Cơ điện Phú Thọ", U, "Phường Phú Thọ", "202 203 299"),
        new("Phân hiệu Trường Đại học Nông Lâm Thái Nguyên tại Phú Thọ", U, "Phường Phú Thọ", "4 105"),
        new("Viện Khoa học Kỹ thuật Nông Lâm nghiệp miền núi phía Bắc", R, "Phường Phú Thọ", "4 208"),
        new("Trung tâm Nghiên cứu và Phát triển Chè", R, "Phường Phú Thọ", "401 406 211 203", "chè"),
        new("Trung tâm Nghiên cứu và Phát triển Cây ăn quả", R, "Xã Đoan Hùng", "401 406 499 211", "bưởi;cam;chuối"),
        new("Trung tâm Nghiên cứu Bò và Đồng cỏ Ba Vì – Cơ sở Vĩnh Phúc", R, "Xã Tam Dương", "402 403", "bò;dê;trâu"),
        new("Viện Nghiên cứu Rau quả – Trạm Thực nghiệm Hòa Bình", R, "Xã Cao Phong", "401 406 211", "cam;su su;khoai;chuối;bưởi"),
        new("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh Phú Thọ", R, "Phường Việt Trì", "1 2 406"),
        new("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Phú Thọ", R, "Phường Việt Trì", "103 104 2"),
        new("Viện Khoa học và Công nghệ Môi trường – Chi nhánh Phú Thọ", R, "Phường Việt Trì", "105 207 208"),
        new("Trung tâm Nghiên cứu Dược liệu Tam Đảo", R, "Xã Tam Đảo", "104 106 303 406"),
        new("Trạm Nghiên cứu Thủy sản nước ngọt hồ Thác Bà", R, "Xã Thanh Sơn", "405 209", "cá;tôm;thủy sản"),
        new("Bệnh viện Đa khoa tỉnh Phú Thọ", H, "Phường Việt Trì", "3"),
        new("Bệnh viện Sản Nhi tỉnh Phú Thọ", H, "Phường Việt Trì", "3"),
        new("Bệnh viện Đa khoa khu vực Phú Thọ", H, "Phường Phú Thọ", "3"),
        new("Bệnh viện Y học cổ truyền tỉnh Phú Thọ", H, "Phường Việt Trì", "3"),
        new("Bệnh viện Đa khoa Vĩnh Phúc", H, "Phường Vĩnh Yên", "3"),
        new("Bệnh viện Đa khoa tỉnh Hòa Bình", H, "Phường Hòa Bình", "3"),
        new("Bệnh viện Phục hồi chức năng Vĩnh Phúc", H, "Phường Vĩnh Yên", "3"),
        new("Trung tâm Kiểm soát bệnh tật tỉnh Phú Thọ", S, "Phường Việt Trì", "3"),
        new("Sở Khoa học và Công nghệ tỉnh Phú Thọ", S, "Phường Việt Trì", "101 102 199 299 599"),
        new("Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", S, "Phường Việt Trì", "105 207 4"),
        new("Sở Y tế tỉnh Phú Thọ", S, "Phường Việt Trì", "3"),
        new("Sở Giáo dục và Đào tạo tỉnh Phú Thọ", S, "Phường Việt Trì", "501 503"),
        new("Sở Văn hóa, Thể thao và Du lịch tỉnh Phú Thọ", S, "Phường Việt Trì", "502 508 6"),
        new("Sở Công Thương tỉnh Phú Thọ", S, "Phường Việt Trì", "203 204 205 209 211 502"),
        new("Sở Xây dựng tỉnh Phú Thọ", S, "Phường Việt Trì", "201 299 507"),
        new("Sở Tư pháp tỉnh Phú Thọ", S, "Phường Việt Trì", "505"),
        new("Sở Nội vụ tỉnh Phú Thọ", S, "Phường Việt Trì", "504 505 506"),
        new("Trung tâm Khuyến nông tỉnh Phú Thọ", S, "Phường Việt Trì", "4"),
        new("Chi cục Chăn nuôi và Thú y tỉnh Phú Thọ", S, "Phường Việt Trì", "402 403"),
        new("Chi cục Kiểm lâm tỉnh Phú Thọ", S, "Phường Việt Trì", "106 404"),
        new("Ban Quản lý Vườn quốc gia Xuân Sơn", S, "Xã Xuân Sơn", "105 106 199 404"),
        new("Ban Quản lý Vườn quốc gia Tam Đảo", S, "Xã Tam Đảo", "105 106 199 404"),
        new("Khu Di tích lịch sử Đền Hùng", S, "Phường Thanh Miếu", "502 6"),
        new("Bảo tàng Hùng Vương", S, "Phường Việt Trì", "601 603 699"),
        new("Ủy ban nhân dân xã Đoan Hùng", S, "Xã Đoan Hùng", "401 499 502 504"),
        new("Ủy ban nhân dân xã Mai Châu", S, "Xã Mai Châu", "502 504 602 604"),
        new("Ủy ban nhân dân xã Tam Nông", S, "Xã Tam Nông", "401 402 499 504"),
        new("Ủy ban nhân dân phường Phúc Yên", S, "Phường Phúc Yên", "201 299 505 506 507"),
        new("Liên minh Hợp tác xã tỉnh Phú Thọ", O, "Phường Việt Trì", "499 502"),
        new("Hội Nông dân tỉnh Phú Thọ", O, "Phường Việt Trì", "401 402 499 504"),
        new("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Phú Thọ", O, "Phường Việt Trì", "1 2 3 4 5 6"),
        new("Hội Đông y tỉnh Phú Thọ", O, "Phường Việt Trì", "303 399"),
        new("Công ty Cổ phần Chè Phú Bền", E, "Phường Phú Thọ", "203 211 401", "chè"),
        new("Công ty Cổ phần Supe Phốt phát và Hóa chất Lâm Thao", E, "Xã Lâm Thao", "204 207 208 210"),
        new("Công ty Cổ phần Giấy Việt Trì", E, "Phường Việt Trì", "204 207", "giấy;nước thải;bùn"),
        new("Công ty TNHH Chăn nuôi Hùng Vương", E, "Phường Phong Châu", "402 403 208", "gà;lợn;chăn nuôi"),
        new("Hợp tác xã Bưởi Đoan Hùng", E, "Xã Đoan Hùng", "401 211 210 203", "bưởi"),
        new("Hợp tác xã Cam Cao Phong", E, "Xã Cao Phong", "401 211", "cam"),
        new("Hợp tác xã Thủy sản Thác Bà", E, "Xã Thanh Sơn", "405 209", "cá;tôm;thủy sản"),
        new("Công ty Cổ phần Công nghệ số Vĩnh Phúc", E, "Phường Vĩnh Yên", "102 202 299 399 508"),
        new("Công ty TNHH Gốm Phù Ninh", E, "Xã Phù Ninh", "205 604", "gốm;men"),
        new("Công ty Cổ phần Dược phẩm Vĩnh Phúc", E, "Phường Vĩnh Yên", "104 303 304"),
        new("Hợp tác xã Sơn mù Phú Thọ", E, "Xã Thanh Thủy", "404 604", "sơn"),
    ];

    /// <summary>Managing agencies by level: most tasks are managed by the provincial department.</summary>
    public const string ProvincialDepartment = "Sở Khoa học và Công nghệ tỉnh Phú Thọ";

    public static readonly IReadOnlyDictionary<char, string> MinistryByField = new Dictionary<char, string>
    {
        ['1'] = "Bộ Khoa học và Công nghệ",
        ['2'] = "Bộ Công Thương",
        ['3'] = "Bộ Y tế",
        ['4'] = "Bộ Nông nghiệp và Môi trường",
        ['5'] = "Bộ Giáo dục và Đào tạo",
        ['6'] = "Bộ Văn hóa, Thể thao và Du lịch",
    };

    public static readonly IReadOnlyList<string> GrassrootsAgencies =
    [
        ProvincialDepartment, ProvincialDepartment, "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", "Sở Y tế tỉnh Phú Thọ",
        "Sở Giáo dục và Đào tạo tỉnh Phú Thọ", "Trường Đại học Hùng Vương",
    ];
}
