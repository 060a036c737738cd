using System.Text.RegularExpressions;
using Registry.Data.Abstractions;
using Registry.Data.Mail;
using Registry.Data.Validation;

namespace Registry.Data.Feedback;

/// <summary>A submission cleaned (NFC, trimmed, unsafe characters removed) and checked; the errors name each field.</summary>
internal static partial class FeedbackValidator
{
    public sealed record Clean(string? Task, string Message, string? Name, string? Email, bool Consent, string Language);

    public static (Clean? Value, List<FieldError> Errors) Validate(FeedbackSubmission input)
    {
        var errors = new List<FieldError>();
        var message = TextHygiene.Stored(input.Message);
        if (message is null)
        {
            errors.Add(new("message", "Hãy viết nội dung góp ý (the message is required)."));
        }
        else
        {
            CheckMessage(message, errors);
        }

        var name = TextHygiene.Stored(input.Name);
        if (name is { Length: > FeedbackLimits.Name })
        {
            errors.Add(new("name", $"Họ tên dài quá {FeedbackLimits.Name} ký tự (the name is longer than {FeedbackLimits.Name} characters)."));
        }
        else if (name is not null && Markup().IsMatch(name))
        {
            errors.Add(new("name", "Họ tên không được chứa mã HTML (the name must not contain HTML)."));
        }

        var email = TextHygiene.Stored(input.Email);
        if (email is not null && !MailAddresses.IsValid(email))
        {
            errors.Add(new("email", "Địa chỉ thư điện tử không hợp lệ; hãy ghi một địa chỉ dạng ten@vi-du.vn hoặc để trống (the e-mail address is not valid; give one address like name@example.vn or leave it empty)."));
        }
        if ((name is not null || email is not null) && !input.Consent)
        {
            errors.Add(new("consent", "Hãy đánh dấu đồng ý xử lý dữ liệu cá nhân, hoặc bỏ trống họ tên và thư điện tử (tick the consent box, or leave the name and e-mail empty)."));
        }

        var language = TextHygiene.Stored(input.Language) ?? "vi";
        if (language is not ("vi" or "en"))
        {
            errors.Add(new("language", "Ngôn ngữ phải là vi hoặc en (language must be vi or en)."));
        }

        var task = TextHygiene.Stored(input.Task);
        if (task is not null && !PublicIds.IsWellFormed(task, 't'))
        {
            errors.Add(new("task", "Mã nhiệm vụ không hợp lệ; hãy dùng id bắt đầu bằng t, hoặc bỏ trống để góp ý chung (the task id is not valid; use an id starting with t, or leave it out for feedback on the registry)."));
        }

        if (errors.Count > 0) return (null, errors);
        // The consent only matters (and is only kept) with personal data to consent to.
        var consent = input.Consent && (name is not null || email is not null);
        return (new Clean(task, message!, name, email, consent, language), errors);
    }

    /// <summary>A reply or a reject reason: required plain text within <paramref name="max"/>.</summary>
    public static string? CuratorText(string? text, string field, int max, List<FieldError> errors)
    {
        var clean = TextHygiene.Stored(text);
        if (clean is null)
        {
            errors.Add(new(field, "Hãy nhập nội dung (the text is required)."));
            return null;
        }
        if (clean.Length > max)
        {
            errors.Add(new(field, $"Nội dung dài quá {max} ký tự (the text is longer than {max} characters)."));
            return null;
        }
        return clean;
    }

    private static void CheckMessage(string message, List<FieldError> errors)
    {
        if (message.Length < FeedbackLimits.MinMessage)
        {
            errors.Add(new("message", $"Góp ý quá ngắn; hãy viết ít nhất {FeedbackLimits.MinMessage} ký tự (the message is shorter than {FeedbackLimits.MinMessage} characters)."));
            return;
        }
        if (message.Length > FeedbackLimits.Message)
        {
            errors.Add(new("message", $"Góp ý dài quá {FeedbackLimits.Message} ký tự (the message is longer than {FeedbackLimits.Message} characters)."));
            return;
        }
        if (Markup().IsMatch(message))
        {
            errors.Add(new("message", "Góp ý chỉ nhận văn bản thuần, không nhận mã HTML hay BBCode (plain text only: no HTML or BBCode)."));
            return;
        }
        var links = Link().Matches(message).Count;
        if (links > FeedbackLimits.MaxLinks)
        {
            errors.Add(new("message", $"Góp ý chứa quá {FeedbackLimits.MaxLinks} đường liên kết (the message holds more than {FeedbackLimits.MaxLinks} links)."));
            return;
        }
        var words = Link().Replace(message, " ").Count(char.IsLetter);
        if (links > 0 && words < FeedbackLimits.MinMessage)
        {
            errors.Add(new("message", "Góp ý không thể chỉ gồm đường liên kết; hãy viết nội dung (a message cannot be links only; write what you mean)."));
        }
    }

    /// <summary>An HTML tag or comment, or BBCode link/image markup.</summary>
    [GeneratedRegex(@"<\s*[/!?]?\s*[a-zA-Z]|\[/?(url|img|link)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?:https?://|ftp://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}

/// <summary>The submission rules, for surfaces that judge a submission before spending its form token.</summary>
public static class FeedbackRules
{
    /// <summary>The field errors of <paramref name="submission"/> (the task's existence is checked on storing); empty when valid.</summary>
    public static IReadOnlyList<FieldError> Check(FeedbackSubmission submission) => FeedbackValidator.Validate(submission).Errors;
}
