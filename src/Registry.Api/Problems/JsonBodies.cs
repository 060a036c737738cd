using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Registry.Data.Records;

namespace Registry.Api.Problems;

/// <summary>
/// Reads request bodies for the strict binders (<see cref="JsonBody{T}"/>, <see cref="Tasks.TaskRecordBody"/>): the
/// content type is checked and the bytes read (Kestrel's size limit still applies), then each binder judges them.
/// The framework's own JSON binding is not used for these bodies: it would keep the last of two duplicate
/// properties and log its failures with the serializer's message.
/// </summary>
public static class JsonBodies
{
    public const string MissingBody = "Thiếu nội dung JSON của yêu cầu (the request body is missing).";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async Task<(ReadOnlyMemory<byte> Body, ProblemHttpResult? Problem)> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (default, ApiProblems.Create(ProblemKind.UnsupportedMediaType,
                "Hãy gửi JSON với Content-Type: application/json (send JSON with Content-Type: application/json)."));
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (body.Span.StartsWith(Utf8Bom)) body = body[Utf8Bom.Length..];
        if (body.Length == 0) return (default, ApiProblems.Validation("$", MissingBody));
        if (!Utf8.IsValid(body.Span)) return (default, ApiProblems.Validation("$", RecordJsonReader.BrokenText));
        return (body, null);
    }
}

/// <summary>
/// A JSON body of type <typeparamref name="T"/> read strictly: duplicate properties (also differing only in case)
/// and unknown properties are 400 problems naming each by path (<see cref="JsonShape"/>), nesting is capped at
/// <see cref="RecordJsonReader.MaxDepth"/>, and type errors name the field without quoting the value.
/// </summary>
public sealed class JsonBody<T> where T : class
{
    private JsonBody(T? value, ProblemHttpResult? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }

    /// <summary>Set when the body was refused; the handler answers with it as is.</summary>
    public ProblemHttpResult? Problem { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        var (body, problem) = await JsonBodies.ReadAsync(context);
        if (problem is not null) return new JsonBody<T>(null, problem);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = RecordJsonReader.MaxDepth });
        }
        catch (JsonException ex)
        {
            return new JsonBody<T>(null, ApiProblems.Validation("$", JsonErrorDescriber.Describe(ex, null).Message));
        }

        using (document)
        {
            try
            {
                return Bind(context, document.RootElement);
            }
            catch (InvalidOperationException)
            {
                return new JsonBody<T>(null, ApiProblems.Validation("$", RecordJsonReader.BrokenText));
            }
        }
    }

    private static JsonBody<T> Bind(HttpContext context, JsonElement root)
    {
        var shape = JsonShape.Check(root, typeof(T));
        if (shape.Count > 0) return new JsonBody<T>(null, ApiProblems.Validation(shape));
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = root.Deserialize<T>(options);
            return value is null ? new JsonBody<T>(null, ApiProblems.Validation("$", JsonBodies.MissingBody)) : new JsonBody<T>(value, null);
        }
        catch (JsonException ex)
        {
            var (path, message) = JsonErrorDescriber.Describe(ex, typeof(T));
            return new JsonBody<T>(null, ApiProblems.Validation(path, message));
        }
    }
}
