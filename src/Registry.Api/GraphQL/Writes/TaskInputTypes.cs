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
        Field<StringGraphType>("code").DescribeInput(RecordFields.Code);
        Field<StringGraphType>("title").DescribeInput(RecordFields.Title);
        Field<StringGraphType>("titleEn").DescribeInput(RecordFields.TitleEn);
        Field<RecordEnumType<TaskKind>>("kind").DescribeInput(RecordFields.Kind);
        Field<RecordEnumType<TaskLevel>>("level").DescribeInput(RecordFields.Level);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("fields").DescribeInput(RecordFields.Fields);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("keywords").DescribeInput(RecordFields.Keywords);
        Field<RecordEnumType<TaskStatus>>("status").DescribeInput(RecordFields.Status);
        Field<RecordEnumType<SecurityClassification>>("securityClassification")
            .DescribeInput(RecordFields.SecurityClassification,
                "Chỉ none được nhận; mọi mức khác bị từ chối và không lưu gì (only none is accepted; anything else is refused and nothing is kept).");
        Field<StringGraphType>("managingAgency").DescribeInput(RecordFields.ManagingAgency);
        Field<FunderInputType>("funder").DescribeInput(RecordFields.Funder);
        Field<OrganizationInputType>("hostOrganization").DescribeInput(RecordFields.HostOrganization);
        Field<PersonInputType>("principalInvestigator").DescribeInput(RecordFields.PrincipalInvestigator);
        Field<ListGraphType<NonNullGraphType<PersonInputType>>>("members").DescribeInput(RecordFields.Members);
        Field<CalendarDateGraphType>("startDate").DescribeInput(RecordFields.StartDate);
        Field<CalendarDateGraphType>("endDate").DescribeInput(RecordFields.EndDate);
        Field<ApprovalDecisionInputType>("approvalDecision").DescribeInput(RecordFields.ApprovalDecision);
        Field<BudgetInputType>("budget").DescribeInput(RecordFields.Budget);
        Field<StringGraphType>("summary").DescribeInput(RecordFields.Summary);
        Field<StringGraphType>("plainSummary").DescribeInput(RecordFields.PlainSummary);
        Field<StringGraphType>("objectives").DescribeInput(RecordFields.Objectives);
        Field<StringGraphType>("methods").DescribeInput(RecordFields.Methods);
        Field<StringGraphType>("expectedResults").DescribeInput(RecordFields.ExpectedResults);
        Field<AcceptanceInputType>("acceptance").DescribeInput(RecordFields.Acceptance);
        Field<ResultRegistrationInputType>("resultRegistration").DescribeInput(RecordFields.ResultRegistration);
        Field<StringGraphType>("results").DescribeInput(RecordFields.Results);
        Field<StringGraphType>("applicationPotential").DescribeInput(RecordFields.ApplicationPotential);
        Field<ListGraphType<NonNullGraphType<OutputInputType>>>("outputs").DescribeInput(RecordFields.Outputs);
        Field<ListGraphType<NonNullGraphType<CoverageInputType>>>("coverage").DescribeInput(RecordFields.Coverage);
    }
}

public sealed class OrganizationInputType : InputObjectGraphType
{
    public OrganizationInputType()
    {
        Name = "OrganizationInput";
        Description = "Tổ chức chủ trì; trùng tên thì dùng lại tổ chức đã có (host organization; the same name reuses the existing one).";
        Field<StringGraphType>("name").DescribeInput(OrganizationFields.Name);
        Field<RecordEnumType<OrganizationType>>("type").DescribeInput(OrganizationFields.Type);
        Field<StringGraphType>("province").DescribeInput(OrganizationFields.Province);
        Field<StringGraphType>("commune").DescribeInput(OrganizationFields.Commune);
        Field<StringGraphType>("ror").DescribeInput(OrganizationFields.Ror);
    }
}

public sealed class PersonInputType : InputObjectGraphType
{
    public PersonInputType()
    {
        Name = "PersonInput";
        Description = "Người thực hiện; e-mail và điện thoại chỉ cán bộ cập nhật thấy, không bao giờ công khai (e-mail and phone are never public).";
        Field<StringGraphType>("name").DescribeInput(PersonFields.Name);
        Field<StringGraphType>("academicTitle").DescribeInput(PersonFields.AcademicTitle);
        Field<StringGraphType>("role").DescribeInput(PersonFields.Role);
        Field<StringGraphType>("orcid").DescribeInput(PersonFields.Orcid);
        Field<StringGraphType>("email").DescribeInput(PersonFields.Email);
        Field<StringGraphType>("phone").DescribeInput(PersonFields.Phone);
    }
}

public sealed class FunderInputType : InputObjectGraphType
{
    public FunderInputType()
    {
        Name = "FunderInput";
        Field<StringGraphType>("name").DescribeInput(FunderFields.Name);
        Field<StringGraphType>("identifier").DescribeInput(FunderFields.Identifier);
    }
}

public sealed class ApprovalDecisionInputType : InputObjectGraphType
{
    public ApprovalDecisionInputType()
    {
        Name = "ApprovalDecisionInput";
        Field<StringGraphType>("number").DescribeInput(ApprovalDecisionFields.Number);
        Field<CalendarDateGraphType>("date").DescribeInput(ApprovalDecisionFields.Date);
    }
}

public sealed class BudgetInputType : InputObjectGraphType
{
    public BudgetInputType()
    {
        Name = "BudgetInput";
        Field<LongGraphType>("totalVnd").DescribeInput(BudgetFields.TotalVnd);
        Field<LongGraphType>("stateBudgetVnd").DescribeInput(BudgetFields.StateBudgetVnd);
    }
}

public sealed class AcceptanceInputType : InputObjectGraphType
{
    public AcceptanceInputType()
    {
        Name = "AcceptanceInput";
        Field<CalendarDateGraphType>("date").DescribeInput(AcceptanceFields.Date);
        Field<RecordEnumType<AcceptanceRating>>("rating").DescribeInput(AcceptanceFields.Rating);
    }
}

public sealed class ResultRegistrationInputType : InputObjectGraphType
{
    public ResultRegistrationInputType()
    {
        Name = "ResultRegistrationInput";
        Field<StringGraphType>("certificateNumber").DescribeInput(ResultRegistrationFields.CertificateNumber);
        Field<CalendarDateGraphType>("date").DescribeInput(ResultRegistrationFields.Date);
    }
}

public sealed class OutputInputType : InputObjectGraphType
{
    public OutputInputType()
    {
        Name = "OutputInput";
        Field<RecordEnumType<OutputType>>("type").DescribeInput(OutputFields.Type);
        Field<StringGraphType>("title").DescribeInput(OutputFields.Title);
        Field<StringGraphType>("description").DescribeInput(OutputFields.Description);
        Field<StringGraphType>("identifier").DescribeInput(OutputFields.Identifier);
        Field<RecordEnumType<OutputIdentifierType>>("identifierType").DescribeInput(OutputFields.IdentifierType);
        Field<StringGraphType>("url").DescribeInput(OutputFields.Url);
        Field<BooleanGraphType>("transferable").DescribeInput(OutputFields.Transferable);
    }
}

public sealed class CoverageInputType : InputObjectGraphType
{
    public CoverageInputType()
    {
        Name = "CoverageInput";
        Description = "Một mục truyền thông; kiểm tra như REST (one coverage item, validated as REST validates it).";
        Field<StringGraphType>("url").DescribeInput(CoverageFields.Url);
        Field<StringGraphType>("outlet").DescribeInput(CoverageFields.Outlet);
        Field<RecordEnumType<CoverageKind>>("kind").DescribeInput(CoverageFields.Kind);
        Field<CalendarDateGraphType>("date").DescribeInput(CoverageFields.Date);
        Field<StringGraphType>("title").DescribeInput(CoverageFields.Title);
    }
}
