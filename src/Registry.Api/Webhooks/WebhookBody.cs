using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Problems;

namespace Registry.Api.Webhooks;

/// <summary>
/// A webhook admin body: at most <see cref="MaxBytes"/> (a subscriber is a URL and a few lists, so anything bigger is
/// a mistake or an attack; 413 before it is read), then read as strictly as every other body (<see cref="JsonBody{T}"/>).
/// </summary>
public sealed class WebhookBody<T> where T : class
{
    public const int MaxBytes = 64 * 1024;

    private WebhookBody(T? value, ProblemHttpResult? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }

    public static async ValueTask<WebhookBody<T>?> BindAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes) return new WebhookBody<T>(null, TooLarge());
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBytes;
        var body = await JsonBody<T>.BindAsync(context);
        return new WebhookBody<T>(body?.Value, body?.Problem);
    }

    public static ProblemHttpResult TooLarge() => ApiProblems.Create(ProblemKind.PayloadTooLarge,
        $"Nội dung yêu cầu quá lớn: tối đa {MaxBytes / 1024} KB (request body too large: at most {MaxBytes / 1024} KB).");
}
