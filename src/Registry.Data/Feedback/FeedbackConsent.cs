namespace Registry.Data.Feedback;

/// <summary>
/// The consent text shown beside the optional name and e-mail fields, per Decree 13/2023/NĐ-CP on personal data
/// protection: what is collected, why, who sees it, for how long, and how to withdraw or ask for deletion. Kept
/// here once: the pages show it, the API describes it, the docs quote it, and each feedback row stores which
/// <see cref="Version"/> its sender agreed to. Change the wording → change the version.
/// </summary>
public static class FeedbackConsent
{
    /// <summary>The version id stored with each consent.</summary>
    public const string Version = "nd13-2023-v1";

    /// <summary>The Vietnamese text; <c>{0}</c> is the retention period in days.</summary>
    public const string TemplateVi =
        "Họ tên và thư điện tử là không bắt buộc. Nếu bạn cung cấp, chúng tôi thu thập đúng các thông tin đó chỉ để trả lời góp ý của bạn. " +
        "Chỉ cán bộ biên tập của Sở Khoa học và Công nghệ tỉnh Phú Thọ được xem; các thông tin này không bao giờ được công bố, chuyển cho bên khác hay dùng vào mục đích khác. " +
        "Chúng được xóa sau {0} ngày kể từ khi bạn gửi. Theo Nghị định 13/2023/NĐ-CP, bạn có quyền rút lại sự đồng ý và yêu cầu xóa sớm hơn: " +
        "hãy gửi yêu cầu cho Sở, ghi mã góp ý (bắt đầu bằng chữ f) mà bạn nhận được sau khi gửi.";

    /// <summary>The English text; <c>{0}</c> is the retention period in days.</summary>
    public const string TemplateEn =
        "Your name and e-mail are optional. If you give them, we collect exactly these details only to answer your feedback. " +
        "Only the curators of the Phú Thọ Department of Science and Technology can see them; they are never published, passed to anyone else or used for anything else. " +
        "They are deleted {0} days after you send your feedback. Under Decree 13/2023/NĐ-CP you may withdraw your consent and ask for earlier deletion: " +
        "write to the Department quoting the feedback id (starting with f) you receive after sending.";

    /// <summary>What the sender ticks.</summary>
    public const string AgreeVi = "Tôi đồng ý để Sở Khoa học và Công nghệ xử lý họ tên và thư điện tử tôi cung cấp như trên.";
    public const string AgreeEn = "I agree that the Department of Science and Technology processes the name and e-mail I give as described above.";

    public static string TextVi(int retentionDays) => string.Format(System.Globalization.CultureInfo.InvariantCulture, TemplateVi, retentionDays);
    public static string TextEn(int retentionDays) => string.Format(System.Globalization.CultureInfo.InvariantCulture, TemplateEn, retentionDays);
}
