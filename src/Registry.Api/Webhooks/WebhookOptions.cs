using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Registry.Api.Webhooks;

/// <summary>Settings under <c>Registry:Webhooks</c>, validated at start.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Registry:Webhooks";

    /// <summary>Run the fan-out and delivery worker in this instance (the admin API works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Accept http:// subscriber URLs (test hosts only; partners get https).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Accept subscriber URLs on loopback, private, link-local, CGNAT and other non-public addresses (test hosts only).
    /// Off, such addresses are refused at registration and again when connecting, whatever DNS answers then.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Seconds one attempt may take (connect, send, answer headers).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is marked failed (an admin can replay it).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Consecutive failed attempts (any event) after which a subscriber is paused until an admin resumes it.</summary>
    [Range(1, 10_000)]
    public int PauseAfterFailures { get; set; } = 25;

    /// <summary>Delay before the first retry; each further retry doubles it (with ±25 % jitter) up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(0.01, 86_400)]
    public double FirstRetrySeconds { get; set; } = 30;

    [Range(0.01, 604_800)]
    public double MaxRetrySeconds { get; set; } = 6 * 3600;

    /// <summary>How often an idle worker looks for new outbox rows and due deliveries.</summary>
    [Range(0.01, 60)]
    public double PollSeconds { get; set; } = 1;

    /// <summary>Deliveries sent at once by one instance.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>How long the old secret still signs (as a second signature) after a rotation.</summary>
    [Range(0, 720)]
    public double RotationGraceHours { get; set; } = 24;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.MaxRetrySeconds < options.FirstRetrySeconds
            ? ValidateOptionsResult.Fail("Registry:Webhooks:MaxRetrySeconds must be at least FirstRetrySeconds.")
            : ValidateOptionsResult.Success;
}
