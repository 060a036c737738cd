using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Registry.Api.Mail;

/// <summary>Where mail goes: one <see cref="IMailSession"/> per batch (one SMTP connection for many mails).</summary>
public interface IMailTransport
{
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

public interface IMailSession : IAsyncDisposable
{
    /// <exception cref="PermanentMailException">The server refused the mail for good (5xx).</exception>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, Security(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            return new Session(client);
        }
        catch (SmtpCommandException ex)
        {
            client.Dispose();
            throw new IOException($"SMTP {(int)ex.StatusCode} at connect: {ex.Message}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                // 5xx is a permanent refusal (RFC 5321 4.2.1): retrying the same mail cannot succeed.
                throw new PermanentMailException($"SMTP {(int)ex.StatusCode} {ex.ErrorCode}: {ex.Message}", ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception)
            {
                // The batch's outcome is already recorded; a failed QUIT changes nothing.
            }
            client.Dispose();
        }
    }
}

/// <summary>
/// Writes each mail as an .eml file (written to a temporary name, then renamed, so a reader never sees half a file).
/// The default for a local run: nothing ever leaves the machine by accident.
/// </summary>
internal sealed class PickupDirectoryTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailSession>(new Session(Directory));
    }

    private sealed class Session(string directory) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
            var temp = Path.Combine(directory, name + ".tmp");
            await using (var stream = File.Create(temp))
            {
                await message.WriteToAsync(stream, ct);
                await stream.FlushAsync(ct);
            }
            File.Move(temp, Path.Combine(directory, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
