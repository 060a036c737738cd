using System.Globalization;
using System.Text;
using Registry.Data.Mail;

namespace Registry.Data.Inquiries;

/// <summary>
/// The two mails of an inquiry, plain text only (nothing the business wrote is ever put in HTML or in a header other
/// than Reply-To, which <see cref="MailAddresses.IsValid"/> has checked):
/// the relay to the host, Vietnamese first then English, replying to the business; and the acknowledgement to the
/// business, which names neither the host's address nor echoes the business's own text (so the form cannot be used
/// to send someone else a message of one's choosing).
/// </summary>
internal static class InquiryMail
{
    public sealed record Facts(string InquiryId, string TaskCode, string TaskTitle, string? OutputTitle, string? TaskUrl,
        InquiryValidator.Cleaned Input, DateTimeOffset At);

    public static OutgoingMail Relay(Facts f, string to) => new()
    {
        To = to,
        Purpose = MailPurposes.Inquiry,
        ReplyTo = f.Input.ContactEmail,
        RelatedId = f.InquiryId,
        Subject = $"Yêu cầu chuyển giao công nghệ: {f.TaskCode} – {f.TaskTitle}",
        TextBody = RelayBody(f),
    };

    public static OutgoingMail Acknowledgement(Facts f, bool awaitingContact) => new()
    {
        To = f.Input.ContactEmail,
        Purpose = MailPurposes.Acknowledgement,
        RelatedId = f.InquiryId,
        Subject = $"Đã nhận yêu cầu chuyển giao công nghệ {f.InquiryId} (inquiry received)",
        TextBody = AcknowledgementBody(f, awaitingContact),
    };

    private static string RelayBody(Facts f)
    {
        var i = f.Input;
        var at = f.At.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine("Kính gửi tổ chức chủ trì nhiệm vụ,");
        sb.AppendLine();
        sb.AppendLine("Một doanh nghiệp quan tâm đến kết quả có thể chuyển giao của nhiệm vụ dưới đây và gửi yêu cầu qua Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ.");
        sb.AppendLine("Hãy trả lời thư này: thư trả lời đi thẳng đến người liên hệ của doanh nghiệp.");
        sb.AppendLine();
        sb.AppendLine($"Nhiệm vụ: {f.TaskCode} – {f.TaskTitle}");
        if (f.OutputTitle is not null) sb.AppendLine($"Kết quả được hỏi: {f.OutputTitle}");
        if (f.TaskUrl is not null) sb.AppendLine($"Trang nhiệm vụ: {f.TaskUrl}");
        sb.AppendLine($"Doanh nghiệp / tổ chức: {i.Organization}");
        sb.AppendLine($"Người liên hệ: {i.ContactName}");
        sb.AppendLine($"E-mail: {i.ContactEmail}");
        if (i.Phone is not null) sb.AppendLine($"Điện thoại: {i.Phone}");
        sb.AppendLine($"Thời gian gửi: {at} (giờ Việt Nam)");
        sb.AppendLine();
        sb.AppendLine("Nhu cầu:");
        sb.AppendLine(i.Need);
        sb.AppendLine();
        sb.AppendLine("Doanh nghiệp đã đồng ý để thông tin liên hệ này được chuyển đến quý tổ chức, chỉ để trả lời yêu cầu này (Nghị định 13/2023/NĐ-CP).");
        sb.AppendLine($"Mã yêu cầu: {f.InquiryId}. Khi đã trả lời, xin báo Sở Khoa học và Công nghệ để cập nhật tình trạng.");
        sb.AppendLine();
        sb.AppendLine("-- English --");
        sb.AppendLine($"A business asks about the transferable results of task {f.TaskCode}. Reply to this mail to answer them directly.");
        sb.AppendLine($"Organisation: {i.Organization}; contact: {i.ContactName}, {i.ContactEmail}{(i.Phone is null ? "" : ", " + i.Phone)}.");
        sb.AppendLine("Their need is written above in their own words. They consented to their contact details being passed to you for this inquiry only.");
        sb.AppendLine($"Inquiry {f.InquiryId}; please tell the Department of Science and Technology once you have answered.");
        return sb.ToString();
    }

    private static string AcknowledgementBody(Facts f, bool awaitingContact)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ đã nhận yêu cầu chuyển giao công nghệ của quý doanh nghiệp.");
        sb.AppendLine();
        sb.AppendLine($"Nhiệm vụ: {f.TaskCode} – {f.TaskTitle}");
        if (f.TaskUrl is not null) sb.AppendLine($"Trang nhiệm vụ: {f.TaskUrl}");
        sb.AppendLine($"Mã yêu cầu: {f.InquiryId}");
        sb.AppendLine();
        sb.AppendLine(awaitingContact
            ? "Sở Khoa học và Công nghệ sẽ chuyển yêu cầu đến tổ chức chủ trì; tổ chức chủ trì sẽ trả lời trực tiếp qua e-mail này."
            : "Yêu cầu đã được chuyển đến tổ chức chủ trì nhiệm vụ; tổ chức chủ trì sẽ trả lời trực tiếp qua e-mail này.");
        sb.AppendLine("Nếu quý vị không gửi yêu cầu này, xin bỏ qua thư; có thể trả lời thư để đề nghị xoá thông tin liên hệ.");
        sb.AppendLine();
        sb.AppendLine("-- English --");
        sb.AppendLine($"The Phú Thọ S&T task registry received your technology-transfer inquiry {f.InquiryId} about task {f.TaskCode}.");
        sb.AppendLine(awaitingContact
            ? "The Department of Science and Technology will forward it to the host organization, which will answer you at this address."
            : "It has been passed to the task's host organization, which will answer you at this address.");
        sb.AppendLine("If you did not send it, ignore this mail; reply to ask for your contact details to be erased.");
        return sb.ToString();
    }
}
