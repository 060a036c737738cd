using Registry.Data.Records;

namespace Registry.Data.Catalog;

/// <summary>Statistics buckets beyond the enum labels (<see cref="EnumLabels"/>): the bucket of unrecorded values and bucket keys.</summary>
public static class CatalogLabels
{
    /// <summary>A bucket whose value is not recorded (no start date, no managing agency).</summary>
    public static readonly Label Unknown = new("Không rõ", "Unknown");

    public const string UnknownKey = "unknown";

    public static string Key<T>(T value) where T : struct, Enum => EnumLabels.Key(value);
}
