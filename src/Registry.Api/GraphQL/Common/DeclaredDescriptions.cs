using GraphQL.Builders;
using Registry.Data.Records;

namespace Registry.Api.GraphQL.Common;

/// <summary>
/// Schema descriptions read from the record's declarations (<see cref="RecordFields"/> and the nested
/// <c>*Fields</c>, <see cref="EnumLabels"/>), so GraphQL labels a field as imports, exports and pages do.
/// </summary>
public static class DeclaredDescriptions
{
    /// <summary>An output field described by its declaration: "Tên nhiệm vụ (Title)."</summary>
    /// <exception cref="InvalidOperationException">The GraphQL field is not named as the record names the field.</exception>
    public static FieldBuilder<TSource, TReturn> Describe<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, RecordField field) =>
        builder.Description(Named(builder, field).Description);

    /// <summary>
    /// An input field described by its declaration, saying "Bắt buộc (required)" when the validator requires it and
    /// that contacts stay with curators; <paramref name="rule"/> adds what the field alone accepts.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> DescribeInput<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, RecordField field, string? rule = null)
    {
        var text = Named(builder, field).Description;
        if (field.Required) text += " Bắt buộc (required).";
        if (field.Access == FieldAccess.CuratorOnly) text += " Chỉ cán bộ cập nhật thấy, không bao giờ công khai (curators only, never public).";
        if (rule is not null) text += " " + rule;
        return builder.Description(text);
    }

    /// <summary>An enum value's label: "Đề tài (Research project)."</summary>
    public static string Of(Label label) => $"{label.Vi} ({label.En}).";

    private static RecordField Named<TSource, TReturn>(FieldBuilder<TSource, TReturn> builder, RecordField field) =>
        builder.FieldType.Name == field.Name
            ? field
            : throw new InvalidOperationException($"GraphQL field '{builder.FieldType.Name}' is described by the declaration of '{field.Name}'.");
}
