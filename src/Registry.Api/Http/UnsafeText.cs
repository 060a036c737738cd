using Registry.Data.Validation;

namespace Registry.Api.Http;

/// <summary>
/// The characters XML 1.0 cannot carry and that JSON, CSV and feed consumers choke on, as the request guard
/// (<see cref="UnsafeTextGuard"/>) and every writer of stored text see them. The rule is the write rule of
/// <see cref="TextHygiene"/>, so text stored before that rule is shown as if written today.
/// </summary>
public static class UnsafeText
{
    /// <summary>Index of the first unsafe character, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text) => TextHygiene.FirstUnsafe(text);

    public static bool IsSafe(string? text) => text is null || TextHygiene.IsClean(text);

    /// <summary>Stored text made writable (<see cref="TextHygiene.Clean"/>); safe text is returned as is.</summary>
    public static string Clean(string text) => TextHygiene.Clean(text);
}
