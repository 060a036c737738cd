using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Registry.Data.Webhooks;

namespace Registry.Api.Webhooks;

/// <summary>
/// Whether a subscriber URL is acceptable, at registration (<see cref="CheckAsync"/>) and again at every connection
/// (<see cref="ConnectAsync"/>, the HTTP handler's connect callback), so a DNS name that later points inside the
/// network is refused when it matters. https only and public addresses only, unless the options allow test hosts.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan DnsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when acceptable; otherwise what to fix (Vietnamese, then English).</summary>
    public async Task<string?> CheckAsync(string? url, CancellationToken ct)
    {
        if (ShapeProblem(url, out var uri) is { } problem) return problem;
        var host = Host(uri!);
        if (options.Value.AllowPrivateNetworks) return null;
        if (IPAddress.TryParse(host, out var literal))
        {
            return OutboundAddresses.IsForbidden(literal) ? Forbidden(host) : null;
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Forbidden(host);
        }
        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(DnsTimeout);
            addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !ct.IsCancellationRequested)
        {
            return $"Không phân giải được tên miền '{host}'; hãy kiểm tra địa chỉ (cannot resolve host '{host}'; check the URL).";
        }
        return addresses.Length == 0 || addresses.Any(OutboundAddresses.IsForbidden) ? Forbidden(host) : null;
    }

    /// <summary>The rules that need no network: absolute, https (or http when allowed), no user info, no fragment, not too long.</summary>
    public string? ShapeProblem(string? url, out Uri? uri)
    {
        uri = null;
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text)) return "Thiếu url của bên nhận (url is required).";
        if (text.Length > WebhookLimits.Url) return $"url quá dài: tối đa {WebhookLimits.Url} ký tự (url: at most {WebhookLimits.Url} characters).";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            return "url phải là địa chỉ tuyệt đối, ví dụ https://doitac.vn/webhooks (url must be absolute, e.g. https://partner.example/webhooks).";
        }
        var httpAllowed = options.Value.AllowHttp && parsed.Scheme == Uri.UriSchemeHttp;
        if (parsed.Scheme != Uri.UriSchemeHttps && !httpAllowed) return "url phải dùng https (url must use https).";
        if (!string.IsNullOrEmpty(parsed.UserInfo)) return "url không được chứa tên đăng nhập hay mật khẩu (url must not contain user info).";
        if (!string.IsNullOrEmpty(parsed.Fragment)) return "url không được có phần # (url must not have a fragment).";
        uri = parsed;
        return null;
    }

    /// <summary>
    /// The connect callback of the webhook HTTP handler: resolves the host, refuses the connection when ANY address is
    /// not allowed (a name with one public and one private address is not a partner's), then connects to the vetted
    /// addresses themselves, never resolving again.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (!options.Value.AllowPrivateNetworks && (addresses.Length == 0 || addresses.Any(OutboundAddresses.IsForbidden)))
        {
            throw new WebhookAddressException(host);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The host as DNS sees it: IPv6 without brackets, a fully qualified name without its final dot.</summary>
    private static string Host(Uri uri) => uri.IdnHost.Trim('[', ']').TrimEnd('.');

    private static string Forbidden(string host) =>
        $"Địa chỉ '{host}' thuộc mạng nội bộ, loopback hoặc dải không công khai; webhook chỉ gửi tới địa chỉ công khai " +
        $"(host '{host}' is loopback, private or otherwise not public; webhooks are sent to public addresses only).";
}

/// <summary>A connection refused by <see cref="WebhookUrlPolicy.ConnectAsync"/>; its message is what the delivery log shows.</summary>
public sealed class WebhookAddressException(string host)
    : Exception($"Từ chối kết nối tới '{host}': địa chỉ không công khai (refused to connect to '{host}': not a public address)");
