using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>
/// One signed POST per attempt. The handler follows no redirect (a 3xx is a failure: the subscriber must register its
/// final URL), uses no proxy or cookies, and connects only through <see cref="WebhookUrlPolicy.ConnectAsync"/>.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private const int ExcerptLength = 200;
    private readonly HttpClient _client;
    private readonly WebhookPayloads _payloads;
    private readonly TimeProvider _clock;
    private readonly WebhookOptions _options;

    public WebhookSender(WebhookUrlPolicy policy, WebhookPayloads payloads, TimeProvider clock, IOptions<WebhookOptions> options)
    {
        _payloads = payloads;
        _clock = clock;
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = policy.ConnectAsync,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Registry-Webhooks", "1"));
    }

    public async Task<WebhookAttemptOutcome> SendAsync(LeasedWebhookDelivery delivery, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var body = await _payloads.BuildAsync(delivery, ct);
            var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add(WebhookSignature.IdHeader, delivery.EventId);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(delivery.Secrets, delivery.EventId, timestamp, body));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new WebhookAttemptOutcome(true, status, Elapsed(watch), null);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new WebhookAttemptOutcome(false, status, Elapsed(watch), $"HTTP {status}{(excerpt.Length > 0 ? ": " + excerpt : "")}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAttemptOutcome(false, null, Elapsed(watch), $"Hết thời gian chờ sau {_options.TimeoutSeconds} s (timed out after {_options.TimeoutSeconds} s)");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttemptOutcome(false, null, Elapsed(watch), Describe(e));
        }
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        WebhookAddressException refused => refused.Message,
        { } inner => $"{e.HttpRequestError}: {Clean(inner.Message)}",
        null => $"{e.HttpRequestError}: {Clean(e.Message)}",
    };

    /// <summary>The start of the answer's body, for the delivery log; control characters replaced.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[ExcerptLength * 4];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return Clean(text.Length > ExcerptLength ? text[..ExcerptLength] : text);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return "";
        }
    }

    private static string Clean(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    public void Dispose() => _client.Dispose();
}

/// <summary>Exponential back-off with jitter: first × 2^(attempt−1), capped, then ±25 % so retries of many deliveries spread out.</summary>
public static class WebhookBackoff
{
    public static TimeSpan Delay(int attemptsMade, double firstSeconds, double maxSeconds, double random)
    {
        var exponent = Math.Min(Math.Max(attemptsMade - 1, 0), 40);
        var seconds = Math.Min(maxSeconds, firstSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(seconds * (0.75 + 0.5 * random));
    }
}
