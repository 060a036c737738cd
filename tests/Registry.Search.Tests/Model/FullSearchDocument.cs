using Registry.Search.Model;

namespace Registry.Search.Tests.Model;

/// <summary>A search document with every value set, several where a field holds many, so a test sees every
/// index field an engine writes.</summary>
public static class FullSearchDocument
{
    public static readonly SearchDocument Value = new()
    {
        Id = "t-full-1",
        Code = "ĐT-2024-40101",
        CodeKey = "dt202440101",
        Title = "Nghiên cứu chọn tạo giống lúa chịu mặn",
        Keywords = ["giống lúa", "chịu mặn"],
        Summary = "Tạo giống lúa cho vùng ven biển.",
        PlainSummary = "Lúa mới trồng được ở ruộng nhiễm mặn.",
        Body = ["Rice breeding", "Mục tiêu: hai giống mới"],
        OrganizationId = "org_3f9a",
        OrganizationName = "Viện Lúa Đồng bằng sông Cửu Long",
        FieldPrefixes = ["4", "401", "40101"],
        FieldsLevel1 = ["4"],
        Sectors = ["401"],
        Level = "provincial",
        Kind = "researchProject",
        Status = "accepted",
        StartYear = 2024,
        StartDay = 738_886,
        EndDay = 739_616,
        BudgetTotal = 1_500_000_000,
        Transferable = true,
        UpdatedAtMs = 1_764_547_200_000,
        SourceJson = """{"id":"t-full-1","title":"Nghiên cứu chọn tạo giống lúa chịu mặn"}""",
    };
}
