using Registry.Data.Records;

namespace Registry.Api.Web.Localization;

/// <summary>The record's enum values as the pages show them, from the one table of labels (<see cref="EnumLabels"/>).</summary>
public static class EnumText
{
    public static UiString Of<TEnum>(TEnum value) where TEnum : struct, Enum => UiString.From(EnumLabels.Of(value));

    /// <summary>A facet bucket key (camelCase enum name) in the page language; null when the key is not an enum value.</summary>
    public static UiString? OfKey<TEnum>(string key) where TEnum : struct, Enum =>
        EnumLabels.For<TEnum>().OfKey(key) is { } label ? UiString.From(label) : null;
}
