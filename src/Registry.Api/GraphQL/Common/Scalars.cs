using System.Text.Json;
using GraphQL.Types;

namespace Registry.Api.GraphQL.Common;

/// <summary>A calendar date, ISO 8601 (<c>2025-10-01</c>), as record v1 writes dates.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "Ngày theo ISO 8601, ví dụ 2025-10-01 (a calendar date, ISO 8601).";
    }
}

/// <summary>A record v1 enum with the same camelCase value names as the REST and export JSON.</summary>
public sealed class RecordEnumType<TEnum> : EnumerationGraphType<TEnum> where TEnum : Enum
{
    public RecordEnumType()
    {
        Name = typeof(TEnum).Name;
    }

    protected override string ChangeEnumCase(string val) => JsonNamingPolicy.CamelCase.ConvertName(val);
}
