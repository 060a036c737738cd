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
        Field<NonNullGraphType<IdGraphType>>("id").Description("Mã công khai, không đổi (stable public id).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("code").Description("Mã số nhiệm vụ (the registry code, e.g. ĐT-2024-40101-PT).").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Tên nhiệm vụ (Vietnamese title).").Resolve(c => c.Source.Title);
        Field<StringGraphType>("titleEn").Description("Tên tiếng Anh (English title).").Resolve(c => c.Source.TitleEn);
        Field<NonNullGraphType<RecordEnumType<TaskKind>>>("kind").Description("Loại nhiệm vụ (kind of task).").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<RecordEnumType<TaskLevel>>>("level").Description("Cấp quản lý (management level).").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description("Mã lĩnh vực KH&CN theo Thông tư 24/2025/TT-BKHCN (field-of-science codes).").Resolve(c => c.Source.Fields ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("keywords")
            .Description("Từ khóa (keywords).").Resolve(c => c.Source.Keywords ?? []);
        Field<NonNullGraphType<RecordEnumType<TaskStatus>>>("status").Description("Tình trạng (status).").Resolve(c => c.Source.Status);
        Field<StringGraphType>("managingAgency").Description("Cơ quan quản lý (managing agency).").Resolve(c => c.Source.ManagingAgency);
        Field<OrganizationGraphType>("hostOrganization").Description("Tổ chức chủ trì (host organization).").Resolve(c => c.Source.HostOrganization);
        Field<OrganizationGraphType>("organization").Description("Tổ chức chủ trì, tên ngắn của hostOrganization (host organization; short name of hostOrganization).")
            .Resolve(c => c.Source.HostOrganization);
        Field<PersonType>("principalInvestigator").Description("Chủ nhiệm nhiệm vụ (principal investigator).").Resolve(c => c.Source.PrincipalInvestigator);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("members").Description("Thành viên (members).").Resolve(c => c.Source.Members ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("investigators")
            .Description("Chủ nhiệm rồi các thành viên (the principal investigator, then the members).")
            .Resolve(c => new[] { c.Source.PrincipalInvestigator }.OfType<PersonRecord>().Concat(c.Source.Members ?? []).ToList());
        Field<CalendarDateGraphType>("startDate").Description("Ngày bắt đầu theo kế hoạch (planned start).").Resolve(c => c.Source.StartDate);
        Field<CalendarDateGraphType>("endDate").Description("Ngày kết thúc theo kế hoạch (planned end).").Resolve(c => c.Source.EndDate);
        Field<ApprovalDecisionType>("approvalDecision").Description("Quyết định phê duyệt (approval decision).").Resolve(c => c.Source.ApprovalDecision);
        Field<BudgetType>("budget").Description("Kinh phí, VND (budget).").Resolve(c => c.Source.Budget);
        Field<StringGraphType>("summary").Description("Tóm tắt (summary).").Resolve(c => c.Source.Summary);
        Field<StringGraphType>("objectives").Description("Mục tiêu (objectives).").Resolve(c => c.Source.Objectives);
        Field<StringGraphType>("methods").Description("Phương pháp (methods).").Resolve(c => c.Source.Methods);
        Field<StringGraphType>("expectedResults").Description("Kết quả dự kiến (expected results).").Resolve(c => c.Source.ExpectedResults);
        Field<AcceptanceType>("acceptance").Description("Nghiệm thu (formal acceptance).").Resolve(c => c.Source.Acceptance);
        Field<ResultRegistrationType>("resultRegistration").Description("Đăng ký kết quả (result registration).").Resolve(c => c.Source.ResultRegistration);
        Field<StringGraphType>("results").Description("Kết quả đạt được (results).").Resolve(c => c.Source.Results);
        Field<StringGraphType>("applicationPotential").Description("Khả năng ứng dụng (application potential).").Resolve(c => c.Source.ApplicationPotential);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutputGraphType>>>>("outputs").Description("Sản phẩm, kết quả (outputs).")
            .Resolve(c => c.Source.Outputs ?? []);
        Field<NonNullGraphType<RecordEnumType<Visibility>>>("visibility").Description("Trạng thái công bố (visibility).").Resolve(c => c.Source.Visibility);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("Thời điểm tạo (created at).").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Description("Thời điểm cập nhật gần nhất (last change).").Resolve(c => c.Source.UpdatedAt);
        Field<DateTimeOffsetGraphType>("publishedAt").Description("Thời điểm công bố lần đầu (first publication).").Resolve(c => c.Source.PublishedAt);
    }
}
