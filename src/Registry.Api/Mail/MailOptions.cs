using Microsoft.Extensions.Options;
using Registry.Data.Mail;

namespace Registry.Api.Mail;

/// <summary>How queued mail leaves the service.</summary>
public enum MailMode
{
    /// <summary>Writes each mail as an .eml file into <see cref="MailOptions.PickupDirectory"/>: nothing is sent (the default).</summary>
    PickupDirectory,
    /// <summary>Sends through the configured SMTP server.</summary>
    Smtp,
    /// <summary>Mail stays queued; nothing is written or sent.</summary>
    Disabled,
}

/// <summary>Transport security of the SMTP connection (MailKit's SecureSocketOptions by another name).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (MailKit's default).</summary>
    Auto,
    /// <summary>Plain text: only for a relay on the same machine or network.</summary>
    None,
    /// <summary>Upgrade with STARTTLS, refuse to send without it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary><c>Registry:Mail</c>: the mail sender. Validated at start by <see cref="MailOptionsValidator"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Registry:Mail";

    public MailMode Mode { get; set; } = MailMode.PickupDirectory;

    /// <summary>Where <see cref="MailMode.PickupDirectory"/> writes .eml files; relative to the data directory. Default <c>mail-pickup</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender address of every mail (required).</summary>
    public string FromAddress { get; set; } = "no-reply@registry.phutho.gov.vn";

    public string FromName { get; set; } = "Cơ sở dữ liệu nhiệm vụ KH&CN tỉnh Phú Thọ";

    /// <summary>Mails sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Failed attempts before a mail is given up (a permanent 5xx refusal gives up at once).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; each further attempt doubles it (with jitter), up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int RetryDelaySeconds { get; set; } = 30;

    public int MaxRetryDelaySeconds { get; set; } = 6 * 3600;

    /// <summary>How often the queue is checked when it was empty.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Days after which the recipient, subject and bodies of sent (or given-up) mail are erased; the log row stays.</summary>
    public int SentRetentionDays { get; set; } = 30;

    /// <summary>Readiness reports Degraded when a mail has waited longer than this.</summary>
    public int HealthMaxAgeMinutes { get; set; } = 60;
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    /// <summary>Leave empty for a relay without authentication.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Checks <see cref="MailOptions"/> at start; every message names the setting to fix.</summary>
internal sealed class MailOptionsValidator(IConfiguration configuration) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions o)
    {
        var errors = new List<string>();
        if (!MailAddresses.IsValid(o.FromAddress)) errors.Add("Registry:Mail:FromAddress must be one e-mail address such as no-reply@example.gov.vn");
        if (string.IsNullOrWhiteSpace(o.FromName) || o.FromName.Any(char.IsControl)) errors.Add("Registry:Mail:FromName must be a non-empty name on one line");
        if (o.BatchSize is < 1 or > 500) errors.Add("Registry:Mail:BatchSize must be between 1 and 500");
        if (o.MaxAttempts is < 1 or > 100) errors.Add("Registry:Mail:MaxAttempts must be between 1 and 100");
        if (o.RetryDelaySeconds is < 1 or > 86400) errors.Add("Registry:Mail:RetryDelaySeconds must be between 1 and 86400");
        if (o.MaxRetryDelaySeconds < o.RetryDelaySeconds || o.MaxRetryDelaySeconds > 7 * 86400)
            errors.Add("Registry:Mail:MaxRetryDelaySeconds must be at least RetryDelaySeconds and at most 604800 (7 days)");
        if (o.PollSeconds is < 0.05 or > 3600) errors.Add("Registry:Mail:PollSeconds must be between 0.05 and 3600");
        if (o.SentRetentionDays is < 1 or > 3650) errors.Add("Registry:Mail:SentRetentionDays must be between 1 and 3650");
        if (o.HealthMaxAgeMinutes is < 1 or > 100_000) errors.Add("Registry:Mail:HealthMaxAgeMinutes must be between 1 and 100000");
        if (o.Mode == MailMode.Smtp) ValidateSmtp(o.Smtp, errors);
        if (o.Mode == MailMode.Smtp && !IsAbsoluteHttp(configuration["Registry:PublicBaseUrl"]))
            errors.Add("Registry:PublicBaseUrl must be the site's absolute http(s) address when Registry:Mail:Mode is Smtp: links in mail never come from a request's Host header");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSmtp(SmtpSettings s, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(s.Host) || Uri.CheckHostName(s.Host.Trim()) == UriHostNameType.Unknown)
            errors.Add("Registry:Mail:Smtp:Host must be the SMTP server's host name or IP address when Registry:Mail:Mode is Smtp");
        if (s.Port is < 1 or > 65535) errors.Add("Registry:Mail:Smtp:Port must be between 1 and 65535");
        if (s.TimeoutSeconds is < 1 or > 600) errors.Add("Registry:Mail:Smtp:TimeoutSeconds must be between 1 and 600");
        if (!Enum.IsDefined(s.Security)) errors.Add("Registry:Mail:Smtp:Security must be Auto, None, StartTls or SslOnConnect");
        if (string.IsNullOrEmpty(s.UserName) != string.IsNullOrEmpty(s.Password))
            errors.Add("Registry:Mail:Smtp:UserName and Registry:Mail:Smtp:Password must be set together (or both left empty for a relay without authentication)");
    }

    private static bool IsAbsoluteHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
