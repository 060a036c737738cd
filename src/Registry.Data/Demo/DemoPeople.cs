using Registry.Data.Records;

namespace Registry.Data.Demo;

/// <summary>Vietnamese names (including common Mường and Dao family names of the province) and academic titles.</summary>
internal static class DemoPeople
{
    private static readonly string[] Families =
        ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Bùi", "Đinh", "Ngô", "Dương", "Đặng", "Hà",
         "Đào", "Cao", "Lương", "Tạ", "Phùng", "Kiều", "Quách", "Triệu", "Xa", "Lò", "Trịnh", "Nguyễn Đình", "Lê Thanh"];

    private static readonly string[] MaleMiddles = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Mạnh", "Ngọc", "Công"];
    private static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thị", "Thu", "Hồng", "Thanh", "Ngọc", "Minh", "Kim", "Phương"];

    private static readonly string[] MaleGivens =
        ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn", "Thắng", "Toàn",
         "Tuấn", "Việt", "Hiếu", "Trung", "Thành", "Tùng", "Lâm", "Hoàng", "Kiên", "Định"];

    private static readonly string[] FemaleGivens =
        ["Anh", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Tâm", "Thảo", "Trang", "Yến", "Huyền", "Nhung",
         "Oanh", "Thủy", "Vân", "Loan", "Ngân", "Dung"];

    private static readonly (string Title, int Weight)[] LeaderTitles =
        [("GS.TS.", 3), ("PGS.TS.", 15), ("TS.", 37), ("ThS.", 33), ("KS.", 7), ("CN.", 5)];

    private static readonly (string Title, int Weight)[] MedicalLeaderTitles =
        [("PGS.TS.", 12), ("TS.", 25), ("BS.CKII", 30), ("BS.CKI", 10), ("ThS.", 18), ("DS.", 5)];

    private static readonly (string Title, int Weight)[] MemberTitles =
        [("PGS.TS.", 4), ("TS.", 22), ("ThS.", 42), ("KS.", 15), ("CN.", 17)];

    private static readonly string[] MemberRoles = ["thành viên chính", "thành viên chính", "thành viên", "thành viên", "thành viên", "kỹ thuật viên"];

    public static string Name(DemoRandom rng)
    {
        var female = rng.Chance(0.45);
        return $"{rng.Pick(Families)} {rng.Pick(female ? FemaleMiddles : MaleMiddles)} {rng.Pick(female ? FemaleGivens : MaleGivens)}";
    }

    public static PersonRecord Leader(DemoRandom rng, bool medical) => new()
    {
        Name = Name(rng),
        AcademicTitle = rng.Weighted(medical ? MedicalLeaderTitles : LeaderTitles),
        Role = "chủ nhiệm",
    };

    /// <summary>Two to eight members; the first is the scientific secretary.</summary>
    public static List<PersonRecord> Members(DemoRandom rng, bool medical)
    {
        var count = rng.Between(2, 8);
        var list = new List<PersonRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var title = medical && rng.Chance(0.4) ? rng.Pick(["BS.CKI", "BS.", "ĐD.", "DS."]) : rng.Weighted(MemberTitles);
            list.Add(new PersonRecord { Name = Name(rng), AcademicTitle = title, Role = i == 0 ? "thư ký khoa học" : rng.Pick(MemberRoles) });
        }
        return list;
    }
}
