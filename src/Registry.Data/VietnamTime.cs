namespace Registry.Data;

/// <summary>
/// The calendar the province keeps: UTC+7, without daylight saving since 1975. Coverage dates ("not after today"),
/// reporting periods and the current collection all count days by it.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The calendar date in Vietnam at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The calendar date in Vietnam at the clock's current instant.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
