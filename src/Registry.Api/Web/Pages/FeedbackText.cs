using Registry.Api.Web.Localization;

namespace Registry.Api.Web.Pages;

/// <summary>The interface strings of the feedback form, the thank-you page and the task page's feedback section.</summary>
public static class FeedbackText
{
    public static readonly UiString Title = new("Góp ý", "Feedback");
    public static readonly UiString GeneralTitle = new("Góp ý về cơ sở dữ liệu", "Feedback on the registry");
    public static readonly UiString GeneralLead = new(
        "Sở Khoa học và Công nghệ tỉnh Phú Thọ mong nhận góp ý của tổ chức và cá nhân về cơ sở dữ liệu nhiệm vụ khoa học và công nghệ. Góp ý được biên tập viên xem xét trước khi công bố.",
        "The Phú Thọ Department of Science and Technology welcomes feedback from organisations and individuals on the registry of science and technology tasks. Curators read feedback before it is published.");
    public static readonly UiString TaskTitle = new("Góp ý về nhiệm vụ", "Feedback on the task");
    public static readonly UiString TaskLead = new(
        "Góp ý của bạn về nhiệm vụ này được biên tập viên xem xét trước khi công bố trên trang nhiệm vụ, cùng trả lời chính thức của Sở nếu có.",
        "Curators read your feedback on this task before it is published on the task page, with the Department's official reply when there is one.");
    public static readonly UiString Message = new("Nội dung góp ý", "Your feedback");
    public static readonly UiString MessageHint = new("Văn bản thuần, từ 10 đến 4000 ký tự, không quá 3 đường liên kết.", "Plain text, 10 to 4000 characters, at most 3 links.");
    public static readonly UiString Optional = new("Thông tin liên hệ (không bắt buộc)", "Contact details (optional)");
    public static readonly UiString Name = new("Họ tên", "Name");
    public static readonly UiString Email = new("Thư điện tử, để nhận trả lời", "E-mail, to receive an answer");
    public static readonly UiString Honeypot = new("Để trống ô này", "Leave this field empty");
    public static readonly UiString Send = new("Gửi góp ý", "Send feedback");
    public static readonly UiString Problems = new("Chưa gửi được góp ý; hãy sửa các mục sau:", "The feedback was not sent; please fix the following:");
    public static readonly UiString ThanksTitle = new("Cảm ơn bạn đã góp ý", "Thank you for your feedback");
    public static readonly UiString ThanksBody = new(
        "Góp ý đã được nhận và đang chờ biên tập viên xem xét; góp ý chỉ được công bố sau khi được duyệt. Họ tên và thư điện tử (nếu có) không bao giờ được công bố.",
        "Your feedback was received and awaits moderation; it is published only once approved. Your name and e-mail (if given) are never published.");
    public static readonly UiString ThanksId = new("Mã góp ý của bạn (ghi lại nếu muốn yêu cầu xóa thông tin cá nhân):", "Your feedback id (keep it to ask for deletion of your personal data):");
    public static readonly UiString BackToTask = new("Quay lại nhiệm vụ", "Back to the task");
    public static readonly UiString SectionTitle = new("Góp ý của bạn đọc", "Readers' feedback");
    public static readonly UiString NoFeedback = new("Chưa có góp ý nào được công bố.", "No feedback has been published yet.");
    public static readonly UiString Write = new("Gửi góp ý về nhiệm vụ này", "Send feedback on this task");
    public static readonly UiString WriteGeneral = new("Gửi góp ý về cơ sở dữ liệu", "Send feedback on the registry");
    public static readonly UiString Reply = new("Trả lời của Sở Khoa học và Công nghệ", "Reply of the Department of Science and Technology");
    public static readonly UiString Sent = new("Gửi ngày", "Sent on");
    public static readonly UiString Feed = new("Theo dõi góp ý (Atom)", "Follow feedback (Atom)");
    public static readonly UiString Published = new("Góp ý đã công bố", "Published feedback");

    public static string TaskFormUrl(string taskId) => "/tasks/" + Uri.EscapeDataString(taskId) + "/feedback";
}
