using Registry.Api.Web.Localization;
using Registry.Data.Inquiries;

namespace Registry.Api.Web.Pages;

/// <summary>The interface strings of the technology-transfer inquiry form, its link on the task page and its figures on /stats.</summary>
public static class InquiryText
{
    public static readonly UiString Link = new("Liên hệ chuyển giao công nghệ", "Ask about technology transfer");
    public static readonly UiString LinkHint = new(
        "Doanh nghiệp muốn ứng dụng kết quả này? Gửi yêu cầu, Sở Khoa học và Công nghệ chuyển đến tổ chức chủ trì; địa chỉ của tổ chức chủ trì không được công khai.",
        "Would your business use this result? Send an inquiry: the Department of Science and Technology passes it to the host organization, whose address stays private.");
    public static readonly UiString Heading = new("Yêu cầu chuyển giao công nghệ", "Technology-transfer inquiry");
    public static readonly UiString Lead = new(
        "Gửi yêu cầu của doanh nghiệp về kết quả có thể chuyển giao của nhiệm vụ này. Yêu cầu được chuyển bằng e-mail đến tổ chức chủ trì, tổ chức chủ trì trả lời trực tiếp cho bạn.",
        "Send your business's inquiry about this task's transferable results. It is passed by e-mail to the host organization, which answers you directly.");
    public static readonly UiString Task = new("Nhiệm vụ", "Task");
    public static readonly UiString Organization = new("Doanh nghiệp / tổ chức", "Business or organisation");
    public static readonly UiString ContactName = new("Họ tên người liên hệ", "Contact name");
    public static readonly UiString ContactEmail = new("E-mail", "E-mail");
    public static readonly UiString Phone = new("Điện thoại (không bắt buộc)", "Phone (optional)");
    public static readonly UiString Need = new("Nhu cầu của doanh nghiệp", "What your business needs");
    public static readonly UiString NeedHint = new(
        $"Từ {InquiryLimits.NeedMin} đến {InquiryLimits.Need} ký tự: bạn muốn dùng kết quả vào việc gì, quy mô, thời gian.",
        $"{InquiryLimits.NeedMin} to {InquiryLimits.Need} characters: what you would use the result for, at what scale, when.");
    public static readonly UiString Output = new("Kết quả quan tâm", "Result of interest");
    public static readonly UiString AnyOutput = new("Bất kỳ kết quả chuyển giao được nào", "Any transferable result");
    public static readonly UiString Consent = new(InquiryConsent.TextVi, InquiryConsent.TextEn);
    public static readonly UiString ConsentHeading = new("Đồng ý chuyển thông tin liên hệ", "Consent to passing on your contact details");
    public static readonly UiString Required = new("bắt buộc", "required");
    public static readonly UiString Send = new("Gửi yêu cầu", "Send inquiry");
    public static readonly UiString Honeypot = new("Để trống ô này", "Leave this empty");
    public static readonly UiString ErrorsHeading = new("Chưa gửi được: hãy sửa các mục sau", "Not sent yet: please fix the following");
    public static readonly UiString ThanksTitle = new("Đã nhận yêu cầu", "Inquiry received");
    public static readonly UiString ThanksRelayed = new(
        "Yêu cầu đã được chuyển đến tổ chức chủ trì nhiệm vụ. Tổ chức chủ trì sẽ trả lời trực tiếp qua e-mail của bạn.",
        "Your inquiry has been passed to the task's host organization, which will answer you directly by e-mail.");
    public static readonly UiString ThanksAwaiting = new(
        "Sở Khoa học và Công nghệ sẽ chuyển yêu cầu đến tổ chức chủ trì nhiệm vụ; tổ chức chủ trì sẽ trả lời qua e-mail của bạn.",
        "The Department of Science and Technology will forward your inquiry to the task's host organization, which will answer you by e-mail.");
    public static readonly UiString InquiryId = new("Mã yêu cầu", "Inquiry id");
    public static readonly UiString BackToTask = new("Quay lại nhiệm vụ", "Back to the task");
    public static readonly UiString NotTransferable = new(
        "Nhiệm vụ này không có kết quả nào được ghi là có thể chuyển giao, nên không nhận yêu cầu chuyển giao.",
        "This task has no output marked transferable, so it takes no technology-transfer inquiries.");
    public static readonly UiString FindTransferable = new("Tìm nhiệm vụ có kết quả chuyển giao được", "Find tasks with transferable results");
    public static readonly UiString Stats = new("Yêu cầu chuyển giao công nghệ", "Technology-transfer inquiries");
    public static readonly UiString StatsIntro = new(
        "Số yêu cầu doanh nghiệp gửi qua cơ sở dữ liệu về kết quả có thể chuyển giao, theo năm nhận (chỉ số lượng, không có tên).",
        "Inquiries businesses sent through the registry about transferable results, by year received (counts only, no names).");
    public static readonly UiString Total = new("Tổng số yêu cầu", "Inquiries in all");
    public static readonly UiString Relayed = new("Đã chuyển đến tổ chức chủ trì", "Passed to the host");
    public static readonly UiString TasksWithInquiries = new("Nhiệm vụ có yêu cầu", "Tasks with inquiries");
    public static readonly UiString Year = new("Năm", "Year");
    public static readonly UiString Inquiries = new("Yêu cầu", "Inquiries");

    public static string FormUrl(string taskId) => "/tasks/" + Uri.EscapeDataString(taskId) + "/inquiry";
}
