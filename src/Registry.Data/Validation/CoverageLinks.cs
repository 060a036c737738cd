using System.Globalization;

namespace Registry.Data.Validation;

/// <summary>
/// The links of media coverage (<c>coverage[].url</c>): which are accepted, and when two are the same item.
/// A link is shown to every reader as a clickable link, so the rule is strict: an absolute <c>http://</c> or
/// <c>https://</c> URL with a host name holding a dot, no user name or password, and no whitespace, control or
/// invisible formatting character anywhere (each could hide where the link really goes).
/// </summary>
public static class CoverageLinks
{
    /// <summary>Why <paramref name="url"/> (as given, before trimming) is refused, Vietnamese then English; null when it is fine.</summary>
    public static string? Problem(string url)
    {
        var text = url.Trim();
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisible(c)))
        {
            return "Đường dẫn chứa khoảng trắng, ký tự điều khiển hoặc ký tự ẩn; hãy dán lại đường dẫn từ thanh địa chỉ " +
                   "(url contains whitespace, a control character or an invisible formatting character; paste it again from the address bar)";
        }
        if (text.IndexOfAny(NotInUrls) >= 0)
        {
            return "Đường dẫn chứa ký tự không được phép trong URL: \" < > \\ ^ ` { | }; hãy mã hóa dạng %xx hoặc dán lại từ thanh địa chỉ " +
                   "(url contains a character URLs may not hold: \" < > \\ ^ ` { | }; percent-encode it or paste the link again from the address bar)";
        }
        if (!Parse(text, out var uri))
        {
            return "Đường dẫn phải là URL tuyệt đối bắt đầu bằng http:// hoặc https://, có tên miền, ví dụ https://baophutho.vn/… " +
                   "(url must be an absolute http or https URL with a host name, e.g. https://baophutho.vn/…)";
        }
        if (uri.UserInfo.Length > 0 || AuthorityHasAt(text))
        {
            return "Đường dẫn không được chứa tên đăng nhập hay mật khẩu phần trước dấu @ (url must not carry a user name or password before the host)";
        }
        return null;
    }

    /// <summary>
    /// The form two links are compared in to find the same item twice on one task: the scheme is ignored (http and
    /// https of one article are one item), the host is lower-cased without a leading "www." and without a default
    /// port, a trailing '/' of the path is dropped, the fragment (#…) is dropped; the rest of the path and the query
    /// keep their case (servers may tell them apart). Percent-escapes are compared in one form.
    /// </summary>
    public static string Key(string url)
    {
        var text = TextHygiene.Stored(url) ?? "";
        if (!Parse(text, out var uri)) return text;
        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var port = uri.IsDefaultPort || uri.Port is 80 or 443 ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.GetComponents(UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var query = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        return $"{host}{port}/{path}{(query.Length > 0 ? "?" + query : "")}";
    }

    /// <summary>Characters RFC 3986 allows nowhere in a URL; browsers percent-encode them in what they copy.</summary>
    private static readonly char[] NotInUrls = ['"', '<', '>', '\\', '^', '`', '{', '|', '}'];

    private static bool Parse(string text, out Uri uri)
    {
        uri = null!;
        var prefixed = text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!prefixed || !Uri.TryCreate(text, UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (parsed.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic) return false;
        if (parsed.HostNameType == UriHostNameType.Dns && (!parsed.IdnHost.Contains('.') || parsed.IdnHost.EndsWith('.'))) return false;
        uri = parsed;
        return true;
    }

    /// <summary>Whether the authority (between "//" and the next '/', '?' or '#') holds an '@': .NET would read a user name there.</summary>
    private static bool AuthorityHasAt(string text)
    {
        var start = text.IndexOf("//", StringComparison.Ordinal) + 2;
        var end = text.IndexOfAny(['/', '?', '#', '\\'], start);
        var authority = end < 0 ? text[start..] : text[start..end];
        return authority.Contains('@');
    }

    /// <summary>Format characters (Unicode Cf: zero-width spaces and joiners, bidirectional overrides and isolates, BOM) and separators.</summary>
    internal static bool IsInvisible(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they can reverse how a text reads.</summary>
    internal static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
