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
    /// <summary>Validates against today's date by the system clock; writers pass the clock they stamp writes with.</summary>
    public static IReadOnlyList<FieldError> Validate(TaskRecord record) => Validate(record, TimeProvider.System);

    /// <param name="clock">Decides "today" (in Vietnam, UTC+7) for dates that may not lie in the future.</param>
    public static IReadOnlyList<FieldError> Validate(TaskRecord record, TimeProvider clock)
    {
        var errors = new List<FieldError>();
        RequireText(errors, "code", RecordFields.Code, record.Code);
        RequireText(errors, "title", RecordFields.Title, record.Title);
        MaxLength(errors, "titleEn", RecordFields.TitleEn, record.TitleEn);
        RequireChoice(errors, RecordFields.Kind, record.Kind);
        RequireChoice(errors, RecordFields.Level, record.Level);
        RequireChoice(errors, RecordFields.Status, record.Status);
        MaxLength(errors, "managingAgency", RecordFields.ManagingAgency, record.ManagingAgency);
        ValidateFunder(errors, record.Funder);
        ValidateFields(errors, record.Fields);
        ValidateKeywords(errors, record.Keywords);
        ValidateOrganization(errors, record.HostOrganization);
        if (record.PrincipalInvestigator is { } principal) ValidatePerson(errors, "principalInvestigator", principal);
        ValidateMembers(errors, record.Members);
        ValidateDates(errors, record);
        ValidateBudget(errors, record.Budget);
        foreach (var (field, text) in LongTexts(record)) MaxLength(errors, field.Name, field, text);
        MaxLength(errors, PlainSummaryRules.Path, RecordFields.PlainSummary, record.PlainSummary);
        PlainSummaryRules.Check(errors, record.PlainSummary, record.Summary);
        ValidateOutputs(errors, record.Outputs);
        CoverageValidator.Validate(errors, record.Coverage, VietnamToday(clock));
        return errors;
    }

    /// <summary>One coverage item on its own (a curator adding one), with paths relative to the item ("url", "date").</summary>
    public static IReadOnlyList<FieldError> ValidateCoverageItem(CoverageRecord item, TimeProvider clock)
    {
        var errors = new List<FieldError>();
        CoverageValidator.Validate(errors, [item], VietnamToday(clock));
        const string prefix = "coverage[0].";
        return errors.Select(e => e with
        {
            Path = e.Path.StartsWith(prefix, StringComparison.Ordinal) ? e.Path[prefix.Length..] : e.Path,
            Message = e.Message.Replace(prefix, "", StringComparison.Ordinal),
        }).ToList();
    }

    /// <summary>The calendar date in Vietnam (UTC+7, no daylight saving) at the clock's current instant.</summary>
    public static DateOnly VietnamToday(TimeProvider clock) => VietnamTime.Today(clock);

    private static IEnumerable<(RecordField, string?)> LongTexts(TaskRecord r) =>
    [
        (RecordFields.Summary, r.Summary), (RecordFields.Objectives, r.Objectives), (RecordFields.Methods, r.Methods),
        (RecordFields.ExpectedResults, r.ExpectedResults), (RecordFields.Results, r.Results),
        (RecordFields.ApplicationPotential, r.ApplicationPotential),
    ];

    internal static void RequireChoice<T>(List<FieldError> errors, RecordField field, T? value) where T : struct, Enum
    {
        if (value is null) errors.Add(new(field.Name, $"Bắt buộc chọn {field.InSentence} ({field.Name} is required)"));
    }

    private static void RequireText(List<FieldError> errors, string path, RecordField field, string? value)
    {
        // Judged on the text as it would be stored: a title of control characters alone is empty.
        if (TextHygiene.Stored(value) is null) errors.Add(new(path, $"Bắt buộc nhập {field.InSentence} ({path} is required)"));
        else MaxLength(errors, path, field, value);
    }

    internal static void MaxLength(List<FieldError> errors, string path, RecordField field, string? value)
    {
        var max = field.MaxLength ?? throw new InvalidOperationException($"The declaration of '{path}' has no length limit.");
        if (TextHygiene.Stored(value) is { } stored && stored.Length > max)
        {
            errors.Add(new(path, $"Quá dài: tối đa {max} ký tự, hiện có {stored.Length} (at most {max} characters)"));
        }
    }

    internal static void MaxItems<T>(List<FieldError> errors, RecordField field, IReadOnlyList<T> items)
    {
        if (items.Count > field.MaxItems)
        {
            errors.Add(new(field.Name, $"Tối đa {field.MaxItems} {field.InSentence} (at most {field.MaxItems} {field.Name})"));
        }
    }

    private static void ValidateFields(List<FieldError> errors, IReadOnlyList<string>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            errors.Add(new("fields", "Bắt buộc chọn ít nhất một lĩnh vực khoa học (at least one field of science is required)"));
            return;
        }
        MaxItems(errors, RecordFields.Fields, fields);
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
        MaxItems(errors, RecordFields.Keywords, keywords);
        for (var i = 0; i < keywords.Count; i++) MaxLength(errors, $"keywords[{i}]", RecordFields.Keywords, keywords[i]);
    }

    private static void ValidateOrganization(List<FieldError> errors, OrganizationRef? org)
    {
        RequireText(errors, "hostOrganization.name", OrganizationFields.Name, org?.Name);
        if (org is null) return;
        MaxLength(errors, "hostOrganization.province", OrganizationFields.Province, org.Province);
        MaxLength(errors, "hostOrganization.commune", OrganizationFields.Commune, org.Commune);
        CheckIdentifier(errors, "hostOrganization.ror", org.Ror, Identifiers.Ror, RorForm);
    }

    private static void ValidateFunder(List<FieldError> errors, FunderRecord? funder)
    {
        if (funder is null) return;
        MaxLength(errors, "funder.name", FunderFields.Name, funder.Name);
        CheckIdentifier(errors, "funder.identifier", funder.Identifier, Identifiers.Funder, FunderForm);
        if (TextHygiene.Stored(funder.Name) is null && TextHygiene.Stored(funder.Identifier) is not null)
        {
            errors.Add(new("funder.name", "Bắt buộc nhập tên đơn vị cấp kinh phí khi có mã định danh (funder.name is required with funder.identifier)"));
        }
    }

    private static void ValidateMembers(List<FieldError> errors, IReadOnlyList<PersonRecord>? members)
    {
        if (members is null) return;
        MaxItems(errors, RecordFields.Members, members);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null) errors.Add(new($"members[{i}]", "Thành viên trống (empty member)"));
            else ValidatePerson(errors, $"members[{i}]", members[i]);
        }
    }

    private static void ValidatePerson(List<FieldError> errors, string path, PersonRecord person)
    {
        RequireText(errors, $"{path}.name", PersonFields.Name, person.Name);
        MaxLength(errors, $"{path}.academicTitle", PersonFields.AcademicTitle, person.AcademicTitle);
        MaxLength(errors, $"{path}.role", PersonFields.Role, person.Role);
        CheckIdentifier(errors, $"{path}.orcid", person.Orcid, Identifiers.Orcid, OrcidForm);
        MaxLength(errors, $"{path}.email", PersonFields.Email, person.Email);
        MaxLength(errors, $"{path}.phone", PersonFields.Phone, person.Phone);
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
        MaxLength(errors, "approvalDecision.number", ApprovalDecisionFields.Number, r.ApprovalDecision?.Number);
        MaxLength(errors, "resultRegistration.certificateNumber", ResultRegistrationFields.CertificateNumber, r.ResultRegistration?.CertificateNumber);
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
        MaxItems(errors, RecordFields.Outputs, outputs);
        for (var i = 0; i < outputs.Count; i++)
        {
            var path = $"outputs[{i}]";
            var output = outputs[i];
            if (output is null) { errors.Add(new(path, "Sản phẩm trống (empty output)")); continue; }
            RequireText(errors, $"{path}.title", OutputFields.Title, output.Title);
            MaxLength(errors, $"{path}.description", OutputFields.Description, output.Description);
            MaxLength(errors, $"{path}.identifier", OutputFields.Identifier, output.Identifier);
            ValidateOutputIdentifier(errors, path, output);
            MaxLength(errors, $"{path}.url", OutputFields.Url, output.Url);
            if (!string.IsNullOrWhiteSpace(output.Url) && !IsHttpUrl(output.Url.Trim()))
            {
                errors.Add(new($"{path}.url", "Đường dẫn phải là URL tuyệt đối bắt đầu bằng http:// hoặc https:// (url must be an absolute http(s) URL)"));
            }
        }
    }

    private static void ValidateOutputIdentifier(List<FieldError> errors, string path, OutputRecord output)
    {
        if (output.IdentifierType is not { } type) return;
        if (TextHygiene.Stored(output.Identifier) is null)
        {
            errors.Add(new($"{path}.identifier", $"Bắt buộc nhập số hiệu khi đã chọn loại số hiệu ({path}.identifier is required with identifierType)"));
            return;
        }
        CheckIdentifier(errors, $"{path}.identifier", output.Identifier, text => Identifiers.Output(type, text), OutputForms[type]);
    }

    /// <summary>What a valid identifier looks like, Vietnamese then English.</summary>
    private sealed record IdentifierForm(string NameVi, string NameEn, string Example);

    private static readonly IdentifierForm OrcidForm = new("ORCID", "ORCID iD", "0000-0002-1825-0097 hoặc/or https://orcid.org/0000-0002-1825-0097");
    private static readonly IdentifierForm RorForm = new("Mã ROR", "ROR id", "05dxps055 hoặc/or https://ror.org/05dxps055");
    private static readonly IdentifierForm FunderForm = new("Mã định danh đơn vị cấp kinh phí", "funder identifier",
        "mã ROR/a ROR id (https://ror.org/05dxps055) hoặc/or DOI Crossref Funder Registry (10.13039/100007224)");

    private static readonly Dictionary<OutputIdentifierType, IdentifierForm> OutputForms = new()
    {
        [OutputIdentifierType.Doi] = new("DOI", "DOI", "10.1234/abc.2024.01, doi:10.1234/… hoặc/or https://doi.org/10.1234/…"),
        [OutputIdentifierType.Isbn] = new("ISBN", "ISBN", "978-3-16-148410-0 (ISBN-13) hoặc/or ISBN-10 0-306-40615-2"),
        [OutputIdentifierType.Issn] = new("ISSN", "ISSN", "0317-8471"),
        [OutputIdentifierType.Patent] = new("Số bằng sáng chế / giải pháp hữu ích", "Vietnamese patent number",
            "1-0012345 (sáng chế/invention), 2-0001234 (giải pháp hữu ích/utility solution) hoặc số đơn/or application 1-2024-01234; bằng nước ngoài dùng/foreign patents use identifierType other"),
        [OutputIdentifierType.Handle] = new("Handle", "Handle", "20.500.12345/678 hoặc/or https://hdl.handle.net/20.500.12345/678"),
        [OutputIdentifierType.Other] = new("Số hiệu", "identifier", "bất kỳ/any text"),
    };

    private static void CheckIdentifier(List<FieldError> errors, string path, string? value, Func<string, ParsedIdentifier> parse, IdentifierForm form)
    {
        if (TextHygiene.Stored(value) is not { } text) return;
        switch (parse(text).Problem)
        {
            case IdentifierProblem.Shape:
                errors.Add(new(path, $"{form.NameVi} không hợp lệ, cần dạng {form.Example} ({path} is not a valid {form.NameEn})"));
                break;
            case IdentifierProblem.CheckDigit:
                errors.Add(new(path, $"{form.NameVi} sai chữ số kiểm tra, có lẽ gõ nhầm một ký tự ({path}: the {form.NameEn} check digits do not match, a character is probably mistyped)"));
                break;
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
