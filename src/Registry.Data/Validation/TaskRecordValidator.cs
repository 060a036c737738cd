using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Data.Validation;

/// <summary>
/// Checks a record before it is stored. Messages are Vietnamese first, English after, and say what to fix;
/// paths are JSON paths of record v1 ("budget.stateBudgetVnd", "outputs[2].url").
/// </summary>
public static class TaskRecordValidator
{
    public static IReadOnlyList<FieldError> Validate(TaskRecord record)
    {
        var errors = new List<FieldError>();
        RequireText(errors, "code", record.Code, TextLimits.Code, "mã số nhiệm vụ", "code");
        RequireText(errors, "title", record.Title, TextLimits.Title, "tên nhiệm vụ", "title");
        MaxLength(errors, "titleEn", record.TitleEn, TextLimits.Title);
        if (record.Kind is null) errors.Add(new("kind", "Bắt buộc chọn loại nhiệm vụ (kind is required)"));
        if (record.Level is null) errors.Add(new("level", "Bắt buộc chọn cấp quản lý (level is required)"));
        if (record.Status is null) errors.Add(new("status", "Bắt buộc chọn tình trạng (status is required)"));
        MaxLength(errors, "managingAgency", record.ManagingAgency, TextLimits.ShortText);
        ValidateFields(errors, record.Fields);
        ValidateKeywords(errors, record.Keywords);
        ValidateOrganization(errors, record.HostOrganization);
        if (record.PrincipalInvestigator is { } principal) ValidatePerson(errors, "principalInvestigator", principal);
        ValidateMembers(errors, record.Members);
        ValidateDates(errors, record);
        ValidateBudget(errors, record.Budget);
        foreach (var (path, text) in LongTexts(record)) MaxLength(errors, path, text, TextLimits.LongText);
        ValidateOutputs(errors, record.Outputs);
        return errors;
    }

    private static IEnumerable<(string, string?)> LongTexts(TaskRecord r) =>
    [
        ("summary", r.Summary), ("objectives", r.Objectives), ("methods", r.Methods),
        ("expectedResults", r.ExpectedResults), ("results", r.Results), ("applicationPotential", r.ApplicationPotential),
    ];

    private static void RequireText(List<FieldError> errors, string path, string? value, int max, string nameVi, string nameEn)
    {
        // Judged on the text as it would be stored: a title of control characters alone is empty.
        if (TextHygiene.Stored(value) is null) errors.Add(new(path, $"Bắt buộc nhập {nameVi} ({nameEn} is required)"));
        else MaxLength(errors, path, value, max);
    }

    private static void MaxLength(List<FieldError> errors, string path, string? value, int max)
    {
        if (TextHygiene.Stored(value) is { } stored && stored.Length > max)
        {
            errors.Add(new(path, $"Quá dài: tối đa {max} ký tự, hiện có {stored.Length} (at most {max} characters)"));
        }
    }

    private static void ValidateFields(List<FieldError> errors, IReadOnlyList<string>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            errors.Add(new("fields", "Bắt buộc chọn ít nhất một lĩnh vực khoa học (at least one field of science is required)"));
            return;
        }
        if (fields.Count > TextLimits.Fields)
        {
            errors.Add(new("fields", $"Tối đa {TextLimits.Fields} lĩnh vực (at most {TextLimits.Fields} fields)"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var code = fields[i]?.Trim();
            if (!FieldsOfScience.IsValid(code))
            {
                errors.Add(new($"fields[{i}]", $"Mã lĩnh vực \"{fields[i]}\" không có trong bảng phân loại của Thông tư 24/2025/TT-BKHCN " +
                    "(unknown field-of-science code: use a 1-, 3-, 5- or 7-digit code from the classification)"));
            }
            else if (!seen.Add(code!))
            {
                errors.Add(new($"fields[{i}]", $"Mã lĩnh vực \"{code}\" bị lặp (duplicate field code)"));
            }
        }
    }

    private static void ValidateKeywords(List<FieldError> errors, IReadOnlyList<string>? keywords)
    {
        if (keywords is null) return;
        if (keywords.Count > TextLimits.Keywords)
        {
            errors.Add(new("keywords", $"Tối đa {TextLimits.Keywords} từ khóa (at most {TextLimits.Keywords} keywords)"));
        }
        for (var i = 0; i < keywords.Count; i++) MaxLength(errors, $"keywords[{i}]", keywords[i], TextLimits.Keyword);
    }

    private static void ValidateOrganization(List<FieldError> errors, OrganizationRef? org)
    {
        if (org is null || TextHygiene.Stored(org.Name) is null)
        {
            errors.Add(new("hostOrganization.name", "Bắt buộc nhập tên tổ chức chủ trì (hostOrganization.name is required)"));
            return;
        }
        MaxLength(errors, "hostOrganization.name", org.Name, TextLimits.ShortText);
        MaxLength(errors, "hostOrganization.province", org.Province, TextLimits.Place);
        MaxLength(errors, "hostOrganization.commune", org.Commune, TextLimits.Place);
    }

    private static void ValidateMembers(List<FieldError> errors, IReadOnlyList<PersonRecord>? members)
    {
        if (members is null) return;
        if (members.Count > TextLimits.Members)
        {
            errors.Add(new("members", $"Tối đa {TextLimits.Members} thành viên (at most {TextLimits.Members} members)"));
        }
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null) errors.Add(new($"members[{i}]", "Thành viên trống (empty member)"));
            else ValidatePerson(errors, $"members[{i}]", members[i]);
        }
    }

    private static void ValidatePerson(List<FieldError> errors, string path, PersonRecord person)
    {
        RequireText(errors, $"{path}.name", person.Name, TextLimits.PersonName, "họ tên", "name");
        MaxLength(errors, $"{path}.academicTitle", person.AcademicTitle, TextLimits.AcademicTitle);
        MaxLength(errors, $"{path}.role", person.Role, TextLimits.Role);
        MaxLength(errors, $"{path}.email", person.Email, TextLimits.Email);
        MaxLength(errors, $"{path}.phone", person.Phone, TextLimits.Phone);
        if (!string.IsNullOrWhiteSpace(person.Email) && !LooksLikeEmail(person.Email.Trim()))
        {
            errors.Add(new($"{path}.email", "Địa chỉ e-mail không hợp lệ (invalid e-mail address)"));
        }
    }

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    private static void ValidateDates(List<FieldError> errors, TaskRecord r)
    {
        if (r.StartDate is { } start && r.EndDate is { } end && end < start)
        {
            errors.Add(new("endDate", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu (endDate must not be before startDate)"));
        }
        MaxLength(errors, "approvalDecision.number", r.ApprovalDecision?.Number, TextLimits.DocumentNumber);
        MaxLength(errors, "resultRegistration.certificateNumber", r.ResultRegistration?.CertificateNumber, TextLimits.DocumentNumber);
    }

    private static void ValidateBudget(List<FieldError> errors, BudgetRecord? budget)
    {
        if (budget is null) return;
        if (budget.TotalVnd < 0) errors.Add(new("budget.totalVnd", "Kinh phí không được âm (totalVnd must be ≥ 0)"));
        if (budget.StateBudgetVnd < 0) errors.Add(new("budget.stateBudgetVnd", "Kinh phí không được âm (stateBudgetVnd must be ≥ 0)"));
        if (budget.StateBudgetVnd > budget.TotalVnd)
        {
            errors.Add(new("budget.stateBudgetVnd",
                "Kinh phí ngân sách nhà nước không được lớn hơn tổng kinh phí (stateBudgetVnd must not exceed totalVnd)"));
        }
    }

    private static void ValidateOutputs(List<FieldError> errors, IReadOnlyList<OutputRecord>? outputs)
    {
        if (outputs is null) return;
        if (outputs.Count > TextLimits.Outputs)
        {
            errors.Add(new("outputs", $"Tối đa {TextLimits.Outputs} sản phẩm (at most {TextLimits.Outputs} outputs)"));
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            var path = $"outputs[{i}]";
            var output = outputs[i];
            if (output is null) { errors.Add(new(path, "Sản phẩm trống (empty output)")); continue; }
            RequireText(errors, $"{path}.title", output.Title, TextLimits.Title, "tên sản phẩm", "output title");
            MaxLength(errors, $"{path}.description", output.Description, TextLimits.LongText);
            MaxLength(errors, $"{path}.identifier", output.Identifier, TextLimits.Identifier);
            MaxLength(errors, $"{path}.url", output.Url, TextLimits.Url);
            if (!string.IsNullOrWhiteSpace(output.Url) && !IsHttpUrl(output.Url.Trim()))
            {
                errors.Add(new($"{path}.url", "Đường dẫn phải là URL tuyệt đối bắt đầu bằng http:// hoặc https:// (url must be an absolute http(s) URL)"));
            }
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
