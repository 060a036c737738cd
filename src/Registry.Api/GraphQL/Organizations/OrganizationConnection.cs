using GraphQL.Types;
using Registry.Api.GraphQL.Common;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Organizations;

/// <summary>A page of organizations.</summary>
public sealed record OrganizationConnection(IReadOnlyList<OrganizationRef> Nodes, PageInfo PageInfo, long TotalCount);

public sealed class OrganizationConnectionType : ObjectGraphType<OrganizationConnection>
{
    public OrganizationConnectionType()
    {
        Name = "OrganizationConnection";
        Description = "Một trang tổ chức chủ trì, theo tên (a page of host organizations, by name).";
        Field<NonNullGraphType<LongGraphType>>("totalCount").Description("Tổng số tổ chức khớp (how many match).").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Thông tin phân trang (paging).").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("nodes").Description("Các tổ chức (the organizations).").Resolve(c => c.Source.Nodes);
    }
}
