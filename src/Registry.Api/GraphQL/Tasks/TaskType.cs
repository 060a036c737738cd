using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Organizations;
using Registry.Data.Records;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Api.GraphQL.Tasks;

/// <summary>Nhiệm vụ KH&amp;CN: the GraphQL face of record v1, resolved from the public record (no contacts).</summary>
public sealed class TaskType : ObjectGraphType<TaskRecord>
{
    public TaskType()
    {
        Name = "Task";
        Description = "Nhiệm vụ khoa học và công nghệ đã công bố (a published science and technology task, record v1).";
        Field<NonNullGraphType<IdGraphType>>("id").Describe(RecordFields.Id).Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Describe(RecordFields.Code).Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("title").Describe(RecordFields.Title).Resolve(c => c.Source.Title);
        Field<StringGraphType>("titleEn").Describe(RecordFields.TitleEn).Resolve(c => c.Source.TitleEn);
        Field<NonNullGraphType<RecordEnumType<TaskKind>>>("kind").Describe(RecordFields.Kind).Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<RecordEnumType<TaskLevel>>>("level").Describe(RecordFields.Level).Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Describe(RecordFields.Fields).Resolve(c => c.Source.Fields ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Describe(RecordFields.Keywords).Resolve(c => c.Source.Keywords ?? []);
        Field<NonNullGraphType<RecordEnumType<TaskStatus>>>("status").Describe(RecordFields.Status).Resolve(c => c.Source.Status);
        Field<StringGraphType>("managingAgency").Describe(RecordFields.ManagingAgency).Resolve(c => c.Source.ManagingAgency);
        Field<FunderType>("funder").Describe(RecordFields.Funder).Resolve(c => c.Source.Funder);
        Field<OrganizationGraphType>("hostOrganization").Describe(RecordFields.HostOrganization).Resolve(c => c.Source.HostOrganization);
        Field<OrganizationGraphType>("organization").Description("Tổ chức chủ trì, tên ngắn của hostOrganization (host organization; short name of hostOrganization).")
            .Resolve(c => c.Source.HostOrganization);
        Field<PersonType>("principalInvestigator").Describe(RecordFields.PrincipalInvestigator).Resolve(c => c.Source.PrincipalInvestigator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("members").Describe(RecordFields.Members).Resolve(c => c.Source.Members ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("investigators")
            .Description("Chủ nhiệm rồi các thành viên (the principal investigator, then the members).")
            .Resolve(c => new[] { c.Source.PrincipalInvestigator }.OfType<PersonRecord>().Concat(c.Source.Members ?? []).ToList());
        Field<CalendarDateGraphType>("startDate").Describe(RecordFields.StartDate).Resolve(c => c.Source.StartDate);
        Field<CalendarDateGraphType>("endDate").Describe(RecordFields.EndDate).Resolve(c => c.Source.EndDate);
        Field<ApprovalDecisionType>("approvalDecision").Describe(RecordFields.ApprovalDecision).Resolve(c => c.Source.ApprovalDecision);
        Field<BudgetType>("budget").Describe(RecordFields.Budget).Resolve(c => c.Source.Budget);
        Field<StringGraphType>("summary").Describe(RecordFields.Summary).Resolve(c => c.Source.Summary);
        Field<StringGraphType>("plainSummary").Describe(RecordFields.PlainSummary).Resolve(c => c.Source.PlainSummary);
        Field<StringGraphType>("objectives").Describe(RecordFields.Objectives).Resolve(c => c.Source.Objectives);
        Field<StringGraphType>("methods").Describe(RecordFields.Methods).Resolve(c => c.Source.Methods);
        Field<StringGraphType>("expectedResults").Describe(RecordFields.ExpectedResults).Resolve(c => c.Source.ExpectedResults);
        Field<AcceptanceType>("acceptance").Describe(RecordFields.Acceptance).Resolve(c => c.Source.Acceptance);
        Field<ResultRegistrationType>("resultRegistration").Describe(RecordFields.ResultRegistration).Resolve(c => c.Source.ResultRegistration);
        Field<StringGraphType>("results").Describe(RecordFields.Results).Resolve(c => c.Source.Results);
        Field<StringGraphType>("applicationPotential").Describe(RecordFields.ApplicationPotential).Resolve(c => c.Source.ApplicationPotential);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutputGraphType>>>>("outputs").Describe(RecordFields.Outputs)
            .Resolve(c => c.Source.Outputs ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CoverageItemGraphType>>>>("coverage")
            .Describe(RecordFields.Coverage).Resolve(c => c.Source.Coverage ?? []);
        Field<NonNullGraphType<RecordEnumType<Visibility>>>("visibility").Describe(RecordFields.Visibility).Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Describe(RecordFields.CreatedAt).Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Describe(RecordFields.UpdatedAt).Resolve(c => c.Source.UpdatedAt);
        Field<DateTimeOffsetGraphType>("publishedAt").Describe(RecordFields.PublishedAt).Resolve(c => c.Source.PublishedAt);
    }
}
