using Registry.Data.Abstractions;
using Registry.Data.Mail;
using Registry.Data.Validation;

namespace Registry.Data.Inquiries;

/// <summary>
/// Checks and cleans what a business sends. One-line fields (organisation, name, e-mail, phone) refuse line breaks
/// and other control characters outright: they are shown in mail and must never be able to start a header. The need
/// keeps its line breaks and goes through <see cref="TextHygiene.Stored"/> like every stored text.
/// </summary>
internal static class InquiryValidator
{
    public sealed record Cleaned(string Organization, string ContactName, string ContactEmail, string? Phone, string Need, int? Output);

    public static (Cleaned? Value, IReadOnlyList<FieldError> Errors) Validate(InquiryInput input)
    {
        var errors = new List<FieldError>();
        var organization = OneLine(input.Organization, "organization", InquiryLimits.OrganizationName, required: true, errors,
            "Hãy ghi tên doanh nghiệp hoặc tổ chức (give the name of your business or organisation)");
        var name = OneLine(input.ContactName, "contactName", InquiryLimits.ContactName, required: true, errors,
            "Hãy ghi họ tên người liên hệ (give the name of the person to answer)");
        var email = OneLine(input.ContactEmail, "contactEmail", TextLimits.Email, required: true, errors,
            "Hãy ghi e-mail để bên chủ trì trả lời (give an e-mail address for the answer)");
        if (email is not null && !MailAddresses.IsValid(email))
        {
            errors.Add(new FieldError("contactEmail",
                "E-mail không hợp lệ: chỉ một địa chỉ dạng ten@ten-mien.vn, không có tên hiển thị (not a valid e-mail: one bare address such as name@example.vn)"));
            email = null;
        }
        var phone = OneLine(input.Phone, "phone", InquiryLimits.Phone, required: false, errors, "");
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')'))
        {
            errors.Add(new FieldError("phone", "Số điện thoại chỉ gồm chữ số, dấu cách và + - . ( ) (a phone number has only digits, spaces and + - . ( ))"));
            phone = null;
        }

        var need = TextHygiene.Stored(input.Need);
        if (need is null)
        {
            errors.Add(new FieldError("need", "Hãy mô tả nhu cầu của doanh nghiệp (describe what your business needs)"));
        }
        else if (need.Length < InquiryLimits.NeedMin)
        {
            errors.Add(new FieldError("need",
                $"Nhu cầu cần ít nhất {InquiryLimits.NeedMin} ký tự để bên chủ trì hiểu được (describe the need in at least {InquiryLimits.NeedMin} characters)"));
        }
        else if (need.Length > InquiryLimits.Need)
        {
            errors.Add(new FieldError("need", $"Nhu cầu tối đa {InquiryLimits.Need} ký tự (the need may have at most {InquiryLimits.Need} characters)"));
        }

        if (input.Output is < 0)
        {
            errors.Add(new FieldError("output", "output là số thứ tự của kết quả trong outputs, từ 0 (output is the index in outputs, from 0)"));
        }
        if (input.Consent != true)
        {
            errors.Add(new FieldError("consent",
                "Cần đồng ý cho chuyển thông tin liên hệ đến tổ chức chủ trì (Nghị định 13/2023/NĐ-CP) (consent to passing your contact details to the host is required)"));
        }
        return errors.Count > 0 ? (null, errors) : (new Cleaned(organization!, name!, email!, phone, need!, input.Output), errors);
    }

    public static (string? Note, FieldError? Error) Note(string? note)
    {
        var clean = TextHygiene.Stored(note);
        if (clean is { Length: > InquiryLimits.StatusNote })
        {
            return (null, new FieldError("note", $"Ghi chú tối đa {InquiryLimits.StatusNote} ký tự (the note may have at most {InquiryLimits.StatusNote} characters)"));
        }
        return (clean, null);
    }

    private static string? OneLine(string? value, string field, int max, bool required, List<FieldError> errors, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new FieldError(field, missing));
            return null;
        }
        if (value.Any(IsRefusedInLine))
        {
            errors.Add(new FieldError(field, "Trường này chỉ có một dòng, không có ký tự điều khiển, xuống dòng hay đảo chiều văn bản (this field is one line, without line breaks, control or text-direction characters)"));
            return null;
        }
        var clean = TextHygiene.Stored(value);
        if (clean is null)
        {
            if (required) errors.Add(new FieldError(field, missing));
            return null;
        }
        if (clean.Length > max)
        {
            errors.Add(new FieldError(field, $"Tối đa {max} ký tự (at most {max} characters)"));
            return null;
        }
        return clean;
    }

    /// <summary>Controls (CR, LF, NUL, …), line and paragraph separators, and bidirectional overrides that could disguise a name in mail.</summary>
    private static bool IsRefusedInLine(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
