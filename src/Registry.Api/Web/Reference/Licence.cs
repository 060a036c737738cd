using Registry.Api.Problems;

namespace Registry.Api.Web.Reference;

/// <summary>The terms under which the registry's data may be reused: what <c>info.license.url</c> points at.</summary>
/// <param name="Name">The licence's name as the OpenAPI document gives it.</param>
/// <param name="Url">This page.</param>
/// <param name="Publisher">Who publishes the data and is to be named as the source.</param>
/// <param name="LegalBasis">The legal instruments the terms follow.</param>
/// <param name="Attribution">The credit line to show beside reused data.</param>
/// <param name="Terms">The terms, one per item.</param>
public sealed record LicenceView(string Name, string Url, LocalizedText Publisher, IReadOnlyList<string> LegalBasis,
    LocalizedText Attribution, IReadOnlyList<LocalizedText> Terms);

public static class Licence
{
    public const string Path = "/license";
    public const string Uri = "https://registry.phutho.gov.vn" + Path;

    public const string Name = "Dữ liệu mở, tự do tái sử dụng có ghi nguồn (open data, free reuse with attribution; Decree 47/2020/NĐ-CP)";

    public static readonly LocalizedText Title = new("Điều khoản sử dụng dữ liệu mở", "Open data licence");

    public static LicenceView View { get; } = new(
        Name,
        Uri,
        new LocalizedText("Sở Khoa học và Công nghệ tỉnh Phú Thọ", "Phú Thọ Department of Science and Technology"),
        ["Nghị định 47/2020/NĐ-CP (Decree 47/2020/NĐ-CP, open data of state agencies)", "Nghị định 13/2023/NĐ-CP (Decree 13/2023/NĐ-CP, personal data protection)"],
        new LocalizedText("Nguồn: Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ, Sở Khoa học và Công nghệ tỉnh Phú Thọ",
            "Source: Phú Thọ S&T task registry, Phú Thọ Department of Science and Technology"),
        [
            new("Mọi người được tự do sao chép, phân phối, trích dẫn, chuyển đổi và kết hợp dữ liệu, kể cả cho mục đích thương mại, không cần xin phép và không mất phí.",
                "Anyone may copy, distribute, quote, transform and combine the data, also commercially, without asking and free of charge."),
            new("Khi tái sử dụng, ghi rõ nguồn như dòng ghi nguồn trên đây và, khi có thể, liên kết đến trang nhiệm vụ hoặc đến trang này.",
                "When reusing, credit the source with the attribution line above and, where possible, link to the task page or to this page."),
            new("Không trình bày dữ liệu đã sửa đổi như dữ liệu gốc của Sở; nêu rõ những gì bạn đã thay đổi.",
                "Do not present altered data as the Department's original; say what you changed."),
            new("Dữ liệu không chứa thông tin cá nhân ngoài họ tên và học hàm, học vị của người thực hiện (như trong các bản tin công bố); thư điện tử và số điện thoại liên hệ không bao giờ được công bố.",
                "The data holds no personal data beyond investigators' names and academic titles (as in the published bulletins); contact e-mail and phone numbers are never published."),
            new("Nhiệm vụ thuộc danh mục bí mật nhà nước không có trong cơ sở dữ liệu này.",
                "Tasks classified as state secrets are not in this registry."),
            new("Dữ liệu được cung cấp theo hiện trạng; nhiệm vụ bị rút khỏi cơ sở dữ liệu cần được xóa khỏi bản sao của bạn (xem /changes, OAI-PMH).",
                "The data is provided as is; withdrawn tasks should be removed from your copy (see /api/v1/changes and OAI-PMH)."),
        ]);
}
