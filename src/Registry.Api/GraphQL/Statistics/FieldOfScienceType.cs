using GraphQL.Types;
using Registry.Data.Catalog;

namespace Registry.Api.GraphQL.Statistics;

/// <summary>A field or sector of the classification (Circular 24/2025/TT-BKHCN) with its count of published tasks.</summary>
public sealed class FieldOfScienceType : ObjectGraphType<FieldNode>
{
    public FieldOfScienceType()
    {
        Name = "FieldOfScience";
        Description = "Lĩnh vực KH&CN theo Thông tư 24/2025/TT-BKHCN (a field or sector of science).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Mã: 1 chữ số cho lĩnh vực, 3 cho ngành (code).").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("nameVi").Description("Tên tiếng Việt (Vietnamese name).").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<StringGraphType>>("nameEn").Description("Tên tiếng Anh (English name).").Resolve(c => c.Source.DisplayNameEn);
        Field<NonNullGraphType<LongGraphType>>("taskCount").Description("Số nhiệm vụ đã công bố (published tasks).").Resolve(c => (long)c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldOfScienceType>>>>("sectors").Description("Các ngành con (sectors under this field).").Resolve(c => c.Source.Sectors);
    }
}
