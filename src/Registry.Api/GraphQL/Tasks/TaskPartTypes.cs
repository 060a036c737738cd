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
        Field<StringGraphType>("name").Describe(PersonFields.Name).Resolve(c => c.Source.Name);
        Field<StringGraphType>("academicTitle").Describe(PersonFields.AcademicTitle).Resolve(c => c.Source.AcademicTitle);
        Field<StringGraphType>("role").Describe(PersonFields.Role).Resolve(c => c.Source.Role);
        Field<StringGraphType>("orcid").Describe(PersonFields.Orcid).Resolve(c => c.Source.Orcid);
    }
}

public sealed class FunderType : ObjectGraphType<FunderRecord>
{
    public FunderType()
    {
        Name = "Funder";
        Description = "Đơn vị cấp kinh phí (the funder of a task).";
        Field<StringGraphType>("name").Describe(FunderFields.Name).Resolve(c => c.Source.Name);
        Field<StringGraphType>("identifier").Describe(FunderFields.Identifier).Resolve(c => c.Source.Identifier);
    }
}

public sealed class OutputGraphType : ObjectGraphType<OutputRecord>
{
    public OutputGraphType()
    {
        Name = "Output";
        Description = "Sản phẩm của nhiệm vụ: bài báo, sáng chế, giống, quy trình, mẫu máy (an output of the task).";
        Field<RecordEnumType<OutputType>>("type").Describe(OutputFields.Type).Resolve(c => c.Source.Type);
        Field<NonNullGraphType<StringGraphType>>("title").Describe(OutputFields.Title).Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Describe(OutputFields.Description).Resolve(c => c.Source.Description);
        Field<StringGraphType>("identifier").Describe(OutputFields.Identifier).Resolve(c => c.Source.Identifier);
        Field<RecordEnumType<OutputIdentifierType>>("identifierType").Describe(OutputFields.IdentifierType).Resolve(c => c.Source.IdentifierType);
        Field<StringGraphType>("url").Describe(OutputFields.Url).Resolve(c => c.Source.Url);
        Field<BooleanGraphType>("transferable").Describe(OutputFields.Transferable).Resolve(c => c.Source.Transferable);
    }
}

public sealed class BudgetType : ObjectGraphType<BudgetRecord>
{
    public BudgetType()
    {
        Name = "Budget";
        Description = "Kinh phí, đồng Việt Nam (budget in VND).";
        Field<LongGraphType>("totalVnd").Describe(BudgetFields.TotalVnd).Resolve(c => c.Source.TotalVnd);
        Field<LongGraphType>("stateBudgetVnd").Describe(BudgetFields.StateBudgetVnd).Resolve(c => c.Source.StateBudgetVnd);
    }
}

public sealed class AcceptanceType : ObjectGraphType<AcceptanceRecord>
{
    public AcceptanceType()
    {
        Name = "Acceptance";
        Description = "Nghiệm thu (the formal acceptance of a finished task).";
        Field<CalendarDateGraphType>("date").Describe(AcceptanceFields.Date).Resolve(c => c.Source.Date);
        Field<RecordEnumType<AcceptanceRating>>("rating").Describe(AcceptanceFields.Rating).Resolve(c => c.Source.Rating);
    }
}

public sealed class ResultRegistrationType : ObjectGraphType<ResultRegistrationRecord>
{
    public ResultRegistrationType()
    {
        Name = "ResultRegistration";
        Description = "Đăng ký kết quả thực hiện nhiệm vụ (result registration).";
        Field<StringGraphType>("certificateNumber").Describe(ResultRegistrationFields.CertificateNumber).Resolve(c => c.Source.CertificateNumber);
        Field<CalendarDateGraphType>("date").Describe(ResultRegistrationFields.Date).Resolve(c => c.Source.Date);
    }
}

public sealed class ApprovalDecisionType : ObjectGraphType<ApprovalDecisionRecord>
{
    public ApprovalDecisionType()
    {
        Name = "ApprovalDecision";
        Description = "Quyết định phê duyệt (approval decision).";
        Field<StringGraphType>("number").Describe(ApprovalDecisionFields.Number).Resolve(c => c.Source.Number);
        Field<CalendarDateGraphType>("date").Describe(ApprovalDecisionFields.Date).Resolve(c => c.Source.Date);
    }
}

/// <summary>One item of media coverage; the kind with its labels, so a client need not keep its own table.</summary>
public sealed class CoverageItemGraphType : ObjectGraphType<CoverageRecord>
{
    public CoverageItemGraphType()
    {
        Name = "CoverageItem";
        Description = "Một lần nhiệm vụ được truyền thông: bài báo, phóng sự, tin đăng, sự kiện (one item of media coverage of the task).";
        Field<NonNullGraphType<StringGraphType>>("url").Describe(CoverageFields.Url).Resolve(c => c.Source.Url);
        Field<StringGraphType>("outlet").Describe(CoverageFields.Outlet).Resolve(c => c.Source.Outlet);
        Field<NonNullGraphType<RecordEnumType<CoverageKind>>>("kind").Describe(CoverageFields.Kind).Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("kindDisplayName").Description("Tên loại kênh tiếng Việt (Vietnamese label of the kind).")
            .Resolve(c => EnumLabels.CoverageKind.Of(c.Source.Kind!.Value).Vi);
        Field<NonNullGraphType<StringGraphType>>("kindDisplayNameEn").Description("Tên loại kênh tiếng Anh (English label of the kind).")
            .Resolve(c => EnumLabels.CoverageKind.Of(c.Source.Kind!.Value).En);
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Describe(CoverageFields.Date).Resolve(c => c.Source.Date);
        Field<StringGraphType>("title").Describe(CoverageFields.Title).Resolve(c => c.Source.Title);
    }
}
