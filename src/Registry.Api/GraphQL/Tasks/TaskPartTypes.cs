using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>An investigator's public part. There is deliberately no e-mail or phone field (invariant 3).</summary>
public sealed class PersonType : ObjectGraphType<PersonRecord>
{
    public PersonType()
    {
        Name = "Person";
        Description = "Người thực hiện: tên, học hàm học vị, vai trò; không có thông tin liên hệ (an investigator: name, title, role; never contacts).";
        Field<StringGraphType>("name").Description("Họ và tên (name).").Resolve(c => c.Source.Name);
        Field<StringGraphType>("academicTitle").Description("Học hàm, học vị: GS.TS., PGS.TS., TS., ThS. (academic title).").Resolve(c => c.Source.AcademicTitle);
        Field<StringGraphType>("role").Description("Vai trò (role in the task).").Resolve(c => c.Source.Role);
    }
}

public sealed class OutputGraphType : ObjectGraphType<OutputRecord>
{
    public OutputGraphType()
    {
        Name = "Output";
        Description = "Sản phẩm của nhiệm vụ: bài báo, sáng chế, giống, quy trình, mẫu máy (an output of the task).";
        Field<RecordEnumType<OutputType>>("type").Description("Loại sản phẩm (output type).").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Tên sản phẩm (title).").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Description("Mô tả (description).").Resolve(c => c.Source.Description);
        Field<StringGraphType>("identifier").Description("Mã định danh: DOI, số bằng sáng chế (identifier).").Resolve(c => c.Source.Identifier);
        Field<StringGraphType>("url").Description("Đường dẫn (link).").Resolve(c => c.Source.Url);
        Field<BooleanGraphType>("transferable").Description("Có thể chuyển giao cho doanh nghiệp (a business can take it up).").Resolve(c => c.Source.Transferable);
    }
}

public sealed class BudgetType : ObjectGraphType<BudgetRecord>
{
    public BudgetType()
    {
        Name = "Budget";
        Description = "Kinh phí, đồng Việt Nam (budget in VND).";
        Field<LongGraphType>("totalVnd").Description("Tổng kinh phí (total, VND).").Resolve(c => c.Source.TotalVnd);
        Field<LongGraphType>("stateBudgetVnd").Description("Ngân sách nhà nước (state budget part, VND).").Resolve(c => c.Source.StateBudgetVnd);
    }
}

public sealed class AcceptanceType : ObjectGraphType<AcceptanceRecord>
{
    public AcceptanceType()
    {
        Name = "Acceptance";
        Description = "Nghiệm thu (the formal acceptance of a finished task).";
        Field<CalendarDateGraphType>("date").Description("Ngày nghiệm thu (date).").Resolve(c => c.Source.Date);
        Field<RecordEnumType<AcceptanceRating>>("rating").Description("Xếp loại (rating).").Resolve(c => c.Source.Rating);
    }
}

public sealed class ResultRegistrationType : ObjectGraphType<ResultRegistrationRecord>
{
    public ResultRegistrationType()
    {
        Name = "ResultRegistration";
        Description = "Đăng ký kết quả thực hiện nhiệm vụ (result registration).";
        Field<StringGraphType>("certificateNumber").Description("Số giấy chứng nhận (certificate number).").Resolve(c => c.Source.CertificateNumber);
        Field<CalendarDateGraphType>("date").Description("Ngày cấp (date).").Resolve(c => c.Source.Date);
    }
}

public sealed class ApprovalDecisionType : ObjectGraphType<ApprovalDecisionRecord>
{
    public ApprovalDecisionType()
    {
        Name = "ApprovalDecision";
        Description = "Quyết định phê duyệt (approval decision).";
        Field<StringGraphType>("number").Description("Số quyết định (number).").Resolve(c => c.Source.Number);
        Field<CalendarDateGraphType>("date").Description("Ngày ký (date).").Resolve(c => c.Source.Date);
    }
}
