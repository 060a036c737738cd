using GraphQL.Types;
using Registry.Api.GraphQL.Loaders;
using Registry.Data.Reference;

namespace Registry.Api.GraphQL.Types;

/// <summary>A page of organizations.</summary>
public sealed record OrganizationConnection(IReadOnlyList<OrganizationNode> Nodes, PageInfo PageInfo, long TotalCount);

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

/// <summary>A field or sector of the classification (Circular 24/2025/TT-BKHCN) with its count of published tasks.</summary>
public sealed record FieldNode(FieldOfScience Field, long TaskCount, IReadOnlyList<FieldNode> Sectors);

public sealed class FieldOfScienceType : ObjectGraphType<FieldNode>
{
    public FieldOfScienceType()
    {
        Name = "FieldOfScience";
        Description = "Lĩnh vực KH&CN theo Thông tư 24/2025/TT-BKHCN (a field or sector of science).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Mã: 1 chữ số cho lĩnh vực, 3 cho ngành (code).").Resolve(c => c.Source.Field.Code);
        Field<NonNullGraphType<StringGraphType>>("nameVi").Description("Tên tiếng Việt (Vietnamese name).").Resolve(c => c.Source.Field.NameVi);
        Field<NonNullGraphType<StringGraphType>>("nameEn").Description("Tên tiếng Anh (English name).").Resolve(c => c.Source.Field.NameEn);
        Field<NonNullGraphType<LongGraphType>>("taskCount").Description("Số nhiệm vụ đã công bố (published tasks).").Resolve(c => c.Source.TaskCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldOfScienceType>>>>("sectors").Description("Các ngành con (sectors under this field).").Resolve(c => c.Source.Sectors);
    }
}
