using System.Globalization;
using Microsoft.Extensions.Primitives;
using Registry.Api.Problems;

namespace Registry.Api.Http;

/// <summary>
/// The one place that refuses characters of <see cref="UnsafeText"/> in what a request says outside its body: the
/// decoded path, every query parameter name and value, and every header value. Handlers, the search reader, feeds,
/// OAI-PMH and GraphQL GET then never see them, so no later parser or writer can fail on them (400, never 500).
/// Form bodies (OAI-PMH POST) are checked by their reader with <see cref="FindIn"/>.
/// </summary>
public static class UnsafeTextGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var found = Find("đường dẫn (path)", request.Path.Value)
            ?? FindIn(request.Query)
            ?? FindInHeaders(request.Headers);
        if (found is null)
        {
            await next(context);
            return;
        }

        await Refuse(found).ExecuteAsync(context);
    }

    /// <summary>A description of the first unsafe character among <paramref name="pairs"/>, or null.</summary>
    public static string? FindIn(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        foreach (var (key, values) in pairs)
        {
            if (Find("tên tham số (a parameter name)", key) is { } inName) return inName;
            foreach (var value in values)
            {
                if (Find($"tham số '{key}' (parameter)", value) is { } inValue) return inValue;
            }
        }

        return null;
    }

    public static IResult Refuse(string found) => ApiProblems.Create(ProblemKind.BadRequest,
        $"Yêu cầu chứa ký tự không được phép {found}; hãy bỏ ký tự điều khiển, U+FFFE/U+FFFF và nửa cặp thay thế (the request holds a character that is not allowed; remove control characters other than tab and line breaks, U+FFFE/U+FFFF and lone surrogates).");

    private static string? FindInHeaders(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (Find($"tiêu đề '{name}' (header)", value) is { } found) return found;
            }
        }

        return null;
    }

    /// <summary>Names the code point and where it is, never the text around it.</summary>
    private static string? Find(string where, string? text)
    {
        if (text is null) return null;
        var at = UnsafeText.IndexOfUnsafe(text);
        return at < 0 ? null : $"U+{((int)text[at]).ToString("X4", CultureInfo.InvariantCulture)} trong {where}";
    }
}
