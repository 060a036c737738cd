using System.Text.RegularExpressions;

namespace Registry.Api.ApiKeys;

/// <summary>
/// What an API key name may be, for POST /api/v1/apikeys and <c>apikey create --name</c> alike: it appears in
/// URLs (DELETE /apikeys/{name}), listings and the audit trail, so it is short, plain ASCII and unique.
/// </summary>
public static partial class ApiKeyNames
{
    /// <summary>Longest name; the messages below state it.</summary>
    public const int MaxLength = 64;

    public const string Rule =
        "Tên khóa: 1–64 ký tự gồm chữ cái không dấu, chữ số và . - _, bắt đầu bằng chữ hoặc số, ví dụ so-khcn.nguyen-van-a " +
        "(key name: 1–64 characters of ASCII letters, digits, '.', '-', '_', starting with a letter or digit, e.g. so-khcn.nguyen-van-a)";

    /// <summary>Null when <paramref name="name"/> (already trimmed) is a valid key name; otherwise what to fix.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrEmpty(name) || name.Length > MaxLength || !Allowed().IsMatch(name) ? Rule : null;

    public static string Taken(string name) => $"Tên khóa '{name}' đã tồn tại; chọn tên khác (key name '{name}' is taken; choose another).";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
