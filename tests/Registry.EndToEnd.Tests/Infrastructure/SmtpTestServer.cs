using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Registry.EndToEnd.Tests.Infrastructure;

/// <summary>A message the test server accepted: the envelope and the parsed MIME message.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message, string Raw)
{
    public string Text => Message.TextBody ?? "";
    public string? Html => Message.HtmlBody;
}

/// <summary>
/// A small RFC 5321 server on 127.0.0.1 (a port the OS picks) for tests: EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT. It keeps what it receives (parsed with MimeKit) and can be told to act down
/// (421 at the greeting) or to refuse recipients for good (550). Nothing in the tests sends mail anywhere else.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly Task _accepting;
    private int _connections;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>While true, every connection is greeted with 421 and closed (a server that is down or overloaded).</summary>
    public volatile bool Down;

    /// <summary>Recipients answered 550 at RCPT TO (a mailbox that does not exist).</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>Connections accepted so far (also those refused while <see cref="Down"/>).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Waits (bounded) for a received mail that matches; fails the test when none comes.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            if (_received.FirstOrDefault(match) is { } mail) return mail;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No matching mail arrived; received {_received.Count}: " +
            string.Join(" | ", _received.Select(m => $"{string.Join(",", m.Recipients)}: {m.Message.Subject}")));
    }

    /// <summary>Mails to <paramref name="recipient"/> received so far.</summary>
    public IReadOnlyList<ReceivedMail> To(string recipient) =>
        _received.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps every byte to one char and back, so 8-bit content survives to MimeKit unchanged.
            var reader = new StreamReader(stream, Encoding.Latin1);
            var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            if (Down)
            {
                await writer.WriteLineAsync("421 127.0.0.1 Service not available, closing transmission channel");
                return;
            }
            await writer.WriteLineAsync("220 127.0.0.1 ESMTP test server");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1 greets you");
                        await writer.WriteLineAsync("250 SIZE 10485760");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var to = Address(line);
                        if (from is null) { await writer.WriteLineAsync("503 5.5.1 MAIL first"); break; }
                        if (RefusedRecipients.ContainsKey(to)) { await writer.WriteLineAsync($"550 5.1.1 <{to}>: Recipient address rejected: no such user here"); break; }
                        recipients.Add(to);
                        await writer.WriteLineAsync("250 2.1.5 Ok");
                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0) { await writer.WriteLineAsync("554 5.5.1 No valid recipients"); break; }
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = await ReadDataAsync(reader);
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(raw)));
                        _received.Enqueue(new ReceivedMail(from, recipients.ToList(), message, raw));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client hung up.
        }
    }

    /// <summary>The DATA section up to the lone dot, with dot-stuffing removed (RFC 5321 4.5.2).</summary>
    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line == ".") break;
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        // WebApplicationFactory disposes through both Dispose and DisposeAsync.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { }
        _stop.Dispose();
    }
}

/// <summary>
/// The host configured to send through a <see cref="SmtpTestServer"/> on 127.0.0.1 (plain SMTP, fast polling and
/// retries), links built on http://localhost, form fill time and per-address form limits off so tests run quickly.
/// </summary>
public class MailHostFactory : RegistryApiFactory
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => SettingsFor(Smtp);

    /// <summary>A host that sends through <paramref name="smtp"/> at once, and whose forms take submissions at once.</summary>
    public static IDictionary<string, string?> SettingsFor(SmtpTestServer smtp) => new Dictionary<string, string?>
    {
        ["Registry:PublicBaseUrl"] = "http://localhost",
        ["Registry:Mail:Mode"] = "Smtp",
        ["Registry:Mail:Smtp:Host"] = "127.0.0.1",
        ["Registry:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Registry:Mail:Smtp:Security"] = "None",
        ["Registry:Mail:Smtp:TimeoutSeconds"] = "5",
        ["Registry:Mail:FromAddress"] = "no-reply@registry.test",
        ["Registry:Mail:PollSeconds"] = "0.1",
        ["Registry:Mail:RetryDelaySeconds"] = "1",
        ["Registry:Mail:MaxRetryDelaySeconds"] = "1",
        ["Registry:Mail:MaxAttempts"] = "4",
        ["Registry:Alerts:PollSeconds"] = "0.2",
        ["Registry:Forms:MinFillSeconds"] = "0",
        ["Registry:Forms:SubmissionsPerWindow"] = "0",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
