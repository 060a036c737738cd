using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Api.GraphQL.Tasks;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>Tổ chức chủ trì as a task record names it, with its published tasks (withdrawn and draft tasks are never listed).</summary>
public sealed class OrganizationGraphType : ObjectGraphType<OrganizationRef>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "Tổ chức chủ trì nhiệm vụ (a host organization).";
        Field<NonNullGraphType<IdGraphType>>("id").Describe(OrganizationFields.Id).Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Describe(OrganizationFields.Name).Resolve(c => c.Source.Name);
        Field<RecordEnumType<OrganizationType>>("type").Describe(OrganizationFields.Type).Resolve(c => c.Source.Type);
        Field<StringGraphType>("province").Describe(OrganizationFields.Province).Resolve(c => c.Source.Province);
        Field<StringGraphType>("commune").Describe(OrganizationFields.Commune).Resolve(c => c.Source.Commune);
        Field<StringGraphType>("ror").Describe(OrganizationFields.Ror).Resolve(c => c.Source.Ror);
        Field<NonNullGraphType<LongGraphType>>("taskCount").Description("Số nhiệm vụ đã công bố (published tasks).")
            .Resolve(c => OrganizationLoaders.Of(c).OrganizationById.Load(c.Source.Id!).Then(o => (long)(o?.PublishedTaskCount ?? 0)));
        Field<TaskConnectionType>("tasks")
            .Description("Nhiệm vụ đã công bố của tổ chức, mới công bố trước (published tasks, newest first).")
            .Argument<IntGraphType>("first", $"Số mục, 1–{Paging.MaxFirst}, mặc định {Paging.DefaultFirst} (page size).")
            .Argument<StringGraphType>("after", "Con trỏ endCursor của trang trước (endCursor of the previous page).")
            .Resolve(OrganizationTasks.Resolve);
    }
}
