using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.EndToEnd.Tests.Webhooks;

/// <summary>One POST as the receiver saw it, with its own verdict on the signature.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, byte[] Body, bool SignatureValid, int AnsweredWith)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    public string Type => Json.GetProperty("type").GetString()!;
}

/// <summary>
/// A partner's webhook endpoint: Kestrel on 127.0.0.1 with a port of its own, verifying every request with
/// <see cref="WebhookVerifier"/> (not the service's signing code) against the secrets it was given per path.
/// <see cref="Answer"/> decides the status of each request, so a test can make it fail, then recover.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, string> _secrets = new();
    private WebApplication? _app;

    private readonly ConcurrentDictionary<string, Func<string, int>> _answers = new();

    /// <summary>How requests to <paramref name="path"/> are answered, by webhook-id (default 200); 0 drops the connection.</summary>
    public void AnswerOn(string path, Func<string, int> answer) => _answers[path] = answer;

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public Uri BaseAddress { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public void Trust(string path, string secret) => _secrets[path] = secret;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var path = context.Request.Path.Value!;
            var id = context.Request.Headers["webhook-id"].ToString();
            var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
            var signature = context.Request.Headers["webhook-signature"].ToString();
            var valid = _secrets.TryGetValue(path, out var secret) && WebhookVerifier.Verify(secret, id, timestamp, signature, body, DateTimeOffset.UtcNow);
            var status = _answers.TryGetValue(path, out var answer) ? answer(id) : 200;
            _received.Enqueue(new ReceivedWebhook(path, id, timestamp, signature, body, valid, status));
            if (status == 0)
            {
                context.Abort();
                return;
            }
            context.Response.StatusCode = status;
            if (status >= 400) await context.Response.WriteAsync("Dịch vụ tạm ngừng (temporarily down)");
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds over what was received.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var seen = Received;
            if (done(seen)) return seen;
            await Task.Delay(50);
        }
        var summary = string.Join("\n", Received.Select(r => $"{r.Path} {r.Id} {r.AnsweredWith} valid={r.SignatureValid}"));
        Assert.Fail($"The receiver did not get {what ?? "what was expected"} in time; it got:\n{summary}");
        return [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
