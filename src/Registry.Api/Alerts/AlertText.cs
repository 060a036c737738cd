using Registry.Api.Web.Localization;

namespace Registry.Api.Alerts;

/// <summary>The strings of the alert pages and mails, Vietnamese first.</summary>
public static class AlertText
{
    public static readonly UiString SubscribeLink = new("Nhận thông báo qua e-mail cho tìm kiếm này", "Get e-mail alerts for this search");
    public static readonly UiString SubscribeTitle = new("Nhận thông báo qua e-mail", "E-mail alerts");
    public static readonly UiString SubscribeLead = new(
        "Chúng tôi gửi thư khi có nhiệm vụ mới công bố hoặc được cập nhật khớp với tìm kiếm này. Không có gì mới thì không có thư.",
        "We write when a task matching this search is published or updated. Nothing new, no mail.");
    public static readonly UiString SearchLabel = new("Tìm kiếm", "Search");
    public static readonly UiString AllTasks = new("tất cả nhiệm vụ", "all tasks");
    public static readonly UiString EmailLabel = new("Địa chỉ e-mail", "E-mail address");
    public static readonly UiString FrequencyLabel = new("Tần suất", "How often");
    public static readonly UiString Immediate = new("Ngay khi có (trong vài phút)", "Immediately (within minutes)");
    public static readonly UiString Daily = new("Tổng hợp hằng ngày ({0}:00 giờ Việt Nam)", "Daily digest ({0}:00 Vietnam time)");
    public static readonly UiString Weekly = new("Tổng hợp hằng tuần (sáng thứ Hai)", "Weekly digest (Monday morning)");
    public static readonly UiString LanguageLabel = new("Ngôn ngữ của thư", "Language of the mails");
    public static readonly UiString Vietnamese = new("Tiếng Việt", "Vietnamese");
    public static readonly UiString English = new("Tiếng Anh", "English");
    public static readonly UiString HoneypotLabel = new("Để trống ô này", "Leave this field empty");
    public static readonly UiString Consent = new(
        "Địa chỉ của bạn chỉ dùng để gửi các thư này, không công khai, và bị xoá khi bạn huỷ đăng ký hoặc không xác nhận trong {0} ngày (Nghị định 13/2023/NĐ-CP).",
        "Your address is used only for these mails, never published, and erased when you unsubscribe or do not confirm within {0} days (Decree 13/2023).");
    public static readonly UiString SubscribeButton = new("Đăng ký", "Subscribe");
    public static readonly UiString CheckMailTitle = new("Hãy kiểm tra hộp thư", "Check your mailbox");
    public static readonly UiString CheckMailBody = new(
        "Chúng tôi đã gửi một thư xác nhận. Thông báo chỉ bắt đầu sau khi bạn bấm nút xác nhận trong thư.",
        "We sent a confirmation mail. Alerts start only after you press the confirmation button it links to.");
    public static readonly UiString FixForm = new("Hãy sửa các mục sau rồi gửi lại", "Please fix the following and send again");
    public static readonly UiString ConfirmTitle = new("Xác nhận đăng ký nhận thông báo", "Confirm your e-mail alert");
    public static readonly UiString ConfirmLead = new("Bấm nút dưới đây để bắt đầu nhận thư cho tìm kiếm:", "Press the button below to start receiving mail for the search:");
    public static readonly UiString ConfirmButton = new("Xác nhận", "Confirm");
    public static readonly UiString ConfirmedTitle = new("Đã xác nhận", "Confirmed");
    public static readonly UiString ConfirmedBody = new(
        "Bạn sẽ nhận thư khi có nhiệm vụ khớp với tìm kiếm. Mỗi thư có liên kết để huỷ đăng ký.",
        "You will get mail when tasks match the search. Every mail has a link to unsubscribe.");
    public static readonly UiString InvalidLinkTitle = new("Liên kết không còn hiệu lực", "This link is no longer valid");
    public static readonly UiString InvalidLinkBody = new(
        "Liên kết đã hết hạn, đã được dùng để huỷ đăng ký, hoặc bị chép thiếu. Bạn có thể đăng ký lại từ trang tìm kiếm.",
        "The link has expired, the alert was unsubscribed, or the link was copied incompletely. You can subscribe again from the search page.");
    public static readonly UiString UnsubscribeTitle = new("Huỷ nhận thông báo", "Unsubscribe");
    public static readonly UiString UnsubscribeLead = new("Bấm nút dưới đây để ngừng nhận thư cho tìm kiếm:", "Press the button below to stop mail for the search:");
    public static readonly UiString UnsubscribeButton = new("Huỷ đăng ký", "Unsubscribe");
    public static readonly UiString UnsubscribedTitle = new("Đã huỷ đăng ký", "Unsubscribed");
    public static readonly UiString UnsubscribedBody = new(
        "Bạn sẽ không nhận thêm thư nào cho tìm kiếm này; địa chỉ của bạn đã bị xoá.",
        "You will get no more mail for this search; your address has been erased.");

    public static readonly UiString ConfirmSubject = new("Xác nhận nhận thông báo nhiệm vụ KH&CN", "Confirm your S&T task alert");
    public static readonly UiString ConfirmMailIntro = new(
        "Ai đó (có lẽ là bạn) đã đăng ký địa chỉ này để nhận thông báo về các nhiệm vụ KH&CN của tỉnh Phú Thọ khớp với tìm kiếm:",
        "Someone (probably you) asked for alerts about Phú Thọ's S&T tasks matching this search to be sent to this address:");
    public static readonly UiString ConfirmMailAction = new("Để xác nhận, mở liên kết sau và bấm nút Xác nhận:", "To confirm, open this link and press Confirm:");
    public static readonly UiString ConfirmMailIgnore = new(
        "Nếu không phải bạn, hãy bỏ qua thư này: không xác nhận thì không có thư nào nữa, và địa chỉ bị xoá sau {0} ngày.",
        "If it was not you, ignore this mail: without confirmation nothing more is sent, and the address is erased after {0} days.");
    public static readonly UiString AlertSubject = new("{0} nhiệm vụ mới cho tìm kiếm “{1}”", "{0} new tasks for your search “{1}”");
    public static readonly UiString AlertIntro = new("Các nhiệm vụ mới công bố hoặc được cập nhật khớp với tìm kiếm của bạn:", "Tasks published or updated that match your search:");
    public static readonly UiString NewTask = new("Mới công bố", "New");
    public static readonly UiString UpdatedTask = new("Cập nhật", "Updated");
    public static readonly UiString HostLabel = new("Tổ chức chủ trì", "Host");
    public static readonly UiString YearLabel = new("Năm bắt đầu", "Start year");
    public static readonly UiString MoreTasks = new("… và {0} nhiệm vụ khác.", "… and {0} more tasks.");
    public static readonly UiString SeeSearch = new("Xem toàn bộ kết quả tìm kiếm", "See the whole search");
    public static readonly UiString WhyMail = new("Bạn nhận thư này vì đã đăng ký nhận thông báo ({0}).", "You get this mail because you subscribed to alerts ({0}).");
    public static readonly UiString UnsubscribeMail = new("Huỷ đăng ký bằng một cú bấm", "Unsubscribe with one click");

    public static UiString Frequency(Registry.Data.Alerts.AlertFrequency frequency) => frequency switch
    {
        Registry.Data.Alerts.AlertFrequency.Immediate => new("ngay khi có", "immediate"),
        Registry.Data.Alerts.AlertFrequency.Daily => new("hằng ngày", "daily"),
        _ => new("hằng tuần", "weekly"),
    };
}
