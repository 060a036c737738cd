using System.Text.Json;
using GraphQL.Types;
using Registry.Data.Records;

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

/// <summary>
/// A record v1 enum with the same camelCase value names as the REST and export JSON; a record enum's values are
/// described by their labels in <see cref="EnumLabels"/>.
/// </summary>
public sealed class RecordEnumType<TEnum> : EnumerationGraphType<TEnum> where TEnum : struct, Enum
{
    public RecordEnumType()
    {
        Name = typeof(TEnum).Name;
        if (!EnumLabels.Enums.Contains(typeof(TEnum))) return;
        var labels = EnumLabels.For<TEnum>();
        foreach (var value in Values) value.Description = DeclaredDescriptions.Of(labels.Of((TEnum)value.Value!));
    }

    protected override string ChangeEnumCase(string val) => JsonNamingPolicy.CamelCase.ConvertName(val);
}
