using Registry.Api.Web.Localization;

namespace Registry.Api.Web.Pages;

/// <summary>The interface strings of the collection pages and of the home page's featured collection.</summary>
public static class CollectionText
{
    public static readonly UiString Collections = new("Bộ sưu tập", "Collections");
    public static readonly UiString CollectionsLead = new(
        "Các nhiệm vụ được tuyển chọn cho những ngày, chiến dịch và chủ đề của tỉnh: Ngày Khoa học và Công nghệ Việt Nam 18/5, Ngày Đổi mới sáng tạo 1/10, Ngày Chuyển đổi số 10/10.",
        "Tasks selected for the province's days, campaigns and themes: Vietnam Science and Technology Day (18 May), Innovation Day (1 October), Digital Transformation Day (10 October).");
    public static readonly UiString NoCollections = new("Chưa có bộ sưu tập nào.", "No collections yet.");
    public static readonly UiString Date = new("Ngày", "Date");
    public static readonly UiString TaskCount = new("Số nhiệm vụ", "Tasks");
    public static readonly UiString TasksHeading = new("Các nhiệm vụ", "The tasks");
    public static readonly UiString Empty = new("Bộ sưu tập này chưa có nhiệm vụ nào được công bố.", "This collection has no published task yet.");
    public static readonly UiString Reuse = new("Theo dõi và nhúng", "Follow and embed");
    public static readonly UiString Embed = new("Mã nhúng cho trang web của bạn", "Embed code for your site");
    public static readonly UiString Featured = new("Bộ sưu tập nổi bật", "Featured collection");
    public static readonly UiString SeeCollection = new("Xem cả bộ sưu tập", "See the whole collection");
    public static readonly UiString AllCollections = new("Tất cả bộ sưu tập", "All collections");
    public static readonly UiString Note = new("Ghi chú của người biên tập", "Curator's note");
    public static readonly UiString More = new("Trang sau", "Next page");

    public static string CollectionUrl(string id) => "/collections/" + Uri.EscapeDataString(id);
}
