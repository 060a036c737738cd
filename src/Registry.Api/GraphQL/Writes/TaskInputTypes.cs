using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.GraphQL.Writes;

/// <summary>
/// A record v1 as curators write it. Every field is optional here so that the store's validator, the same as
/// REST's, reports every missing or wrong field at once with its path (extensions.fields).
/// </summary>
public sealed class TaskInputType : InputObjectGraphType
{
    public TaskInputType()
    {
        Name = "TaskInput";
        Description = "Nội dung nhiệm vụ theo bản ghi v1 (a task's content, record v1; read-only fields are not accepted).";
        Field<StringGraphType>("code").Description("Mã số, duy nhất (registry code, unique). Bắt buộc (required).");
        Field<StringGraphType>("title").Description("Tên nhiệm vụ (Vietnamese title). Bắt buộc (required).");
        Field<StringGraphType>("titleEn").Description("Tên tiếng Anh (English title).");
        Field<RecordEnumType<TaskKind>>("kind").Description("Loại nhiệm vụ (kind).");
        Field<RecordEnumType<TaskLevel>>("level").Description("Cấp quản lý (level).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("fields").Description("Mã lĩnh vực KH&CN, ít nhất một (field-of-science codes, at least one).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("keywords").Description("Từ khóa (keywords).");
        Field<RecordEnumType<TaskStatus>>("status").Description("Tình trạng (status).");
        Field<RecordEnumType<SecurityClassification>>("securityClassification")
            .Description("Độ mật; chỉ none được nhận, mọi mức khác bị từ chối và không lưu gì (only none is accepted; anything else is refused and nothing is kept).");
        Field<StringGraphType>("managingAgency").Description("Cơ quan quản lý (managing agency).");
        Field<OrganizationInputType>("hostOrganization").Description("Tổ chức chủ trì (host organization). Bắt buộc (required).");
        Field<PersonInputType>("principalInvestigator").Description("Chủ nhiệm (principal investigator).");
        Field<ListGraphType<NonNullGraphType<PersonInputType>>>("members").Description("Thành viên (members).");
        Field<CalendarDateGraphType>("startDate").Description("Bắt đầu theo kế hoạch (planned start).");
        Field<CalendarDateGraphType>("endDate").Description("Kết thúc theo kế hoạch (planned end).");
        Field<ApprovalDecisionInputType>("approvalDecision").Description("Quyết định phê duyệt (approval decision).");
        Field<BudgetInputType>("budget").Description("Kinh phí (budget, VND).");
        Field<StringGraphType>("summary").Description("Tóm tắt (summary).");
        Field<StringGraphType>("objectives").Description("Mục tiêu (objectives).");
        Field<StringGraphType>("methods").Description("Phương pháp (methods).");
        Field<StringGraphType>("expectedResults").Description("Kết quả dự kiến (expected results).");
        Field<AcceptanceInputType>("acceptance").Description("Nghiệm thu (acceptance).");
        Field<ResultRegistrationInputType>("resultRegistration").Description("Đăng ký kết quả (result registration).");
        Field<StringGraphType>("results").Description("Kết quả (results).");
        Field<StringGraphType>("applicationPotential").Description("Khả năng ứng dụng (application potential).");
        Field<ListGraphType<NonNullGraphType<OutputInputType>>>("outputs").Description("Sản phẩm (outputs).");
    }
}

public sealed class OrganizationInputType : InputObjectGraphType
{
    public OrganizationInputType()
    {
        Name = "OrganizationInput";
        Description = "Tổ chức chủ trì; trùng tên thì dùng lại tổ chức đã có (host organization; the same name reuses the existing one).";
        Field<StringGraphType>("name").Description("Tên (name). Bắt buộc (required).");
        Field<RecordEnumType<OrganizationType>>("type").Description("Loại (type).");
        Field<StringGraphType>("province").Description("Tỉnh (province).");
        Field<StringGraphType>("commune").Description("Xã, phường (commune).");
    }
}

public sealed class PersonInputType : InputObjectGraphType
{
    public PersonInputType()
    {
        Name = "PersonInput";
        Description = "Người thực hiện; e-mail và điện thoại chỉ cán bộ cập nhật thấy, không bao giờ công khai (e-mail and phone are never public).";
        Field<StringGraphType>("name").Description("Họ tên (name).");
        Field<StringGraphType>("academicTitle").Description("Học hàm, học vị (academic title).");
        Field<StringGraphType>("role").Description("Vai trò (role).");
        Field<StringGraphType>("email").Description("E-mail liên hệ, không công khai (contact e-mail, never public).");
        Field<StringGraphType>("phone").Description("Điện thoại, không công khai (phone, never public).");
    }
}

public sealed class ApprovalDecisionInputType : InputObjectGraphType
{
    public ApprovalDecisionInputType()
    {
        Name = "ApprovalDecisionInput";
        Field<StringGraphType>("number").Description("Số quyết định (number).");
        Field<CalendarDateGraphType>("date").Description("Ngày ký (date).");
    }
}

public sealed class BudgetInputType : InputObjectGraphType
{
    public BudgetInputType()
    {
        Name = "BudgetInput";
        Field<LongGraphType>("totalVnd").Description("Tổng kinh phí, VND (total).");
        Field<LongGraphType>("stateBudgetVnd").Description("Ngân sách nhà nước, không vượt tổng (state part, at most the total).");
    }
}

public sealed class AcceptanceInputType : InputObjectGraphType
{
    public AcceptanceInputType()
    {
        Name = "AcceptanceInput";
        Field<CalendarDateGraphType>("date").Description("Ngày nghiệm thu (date).");
        Field<RecordEnumType<AcceptanceRating>>("rating").Description("Xếp loại (rating).");
    }
}

public sealed class ResultRegistrationInputType : InputObjectGraphType
{
    public ResultRegistrationInputType()
    {
        Name = "ResultRegistrationInput";
        Field<StringGraphType>("certificateNumber").Description("Số giấy chứng nhận (certificate number).");
        Field<CalendarDateGraphType>("date").Description("Ngày cấp (date).");
    }
}

public sealed class OutputInputType : InputObjectGraphType
{
    public OutputInputType()
    {
        Name = "OutputInput";
        Field<RecordEnumType<OutputType>>("type").Description("Loại sản phẩm (type).");
        Field<StringGraphType>("title").Description("Tên (title).");
        Field<StringGraphType>("description").Description("Mô tả (description).");
        Field<StringGraphType>("identifier").Description("DOI, số bằng (identifier).");
        Field<StringGraphType>("url").Description("Đường dẫn (link).");
        Field<BooleanGraphType>("transferable").Description("Có thể chuyển giao (transferable).");
    }
}
