using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using Registry.Api.Hosting;
using Registry.Data.Mail;
using Registry.Data.Telemetry;

namespace Registry.Api.Mail;

/// <summary>
/// Drains the mail queue in the background: leases a batch, opens one connection for it, sends each mail, then
/// completes it, schedules a retry (exponential back-off with jitter) or gives it up (a permanent 5xx refusal, or
/// <see cref="MailOptions.MaxAttempts"/> failures). Also erases the content of old sent mail. The queue row keeps the
/// server's full answer for the admin; the log gets only its SMTP status or the exception type, since a server's
/// refusal usually quotes the recipient's address.
/// </summary>
internal sealed partial class MailSender(IMailQueueStore queue, IMailTransport transport, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<MailSender> logger, InstanceIdentity identity) : BackgroundService
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan EraseEvery = TimeSpan.FromHours(1);
    private readonly string _owner = identity.Owner("mail");
    private DateTimeOffset _nextErase = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Mode == MailMode.Disabled)
        {
            LogDisabled(logger);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                await EraseOldAsync(stoppingToken);
                sent = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex.GetType().Name);
            }
            if (sent == 0)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(o.PollSeconds), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Sends one batch; returns how many mails it handled (0: nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var batch = await queue.LeaseAsync(_owner, o.BatchSize, LeaseFor, ct);
        if (batch.Count == 0) return 0;
        IMailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogConnectFailed(logger, batch.Count, Summary(ex));
            foreach (var item in batch) await FailAsync(item, "connect: " + ex.Message, "connect: " + Summary(ex), ct);
            return batch.Count;
        }
        await using (session)
        {
            foreach (var item in batch)
            {
                // Purpose and attempt only: never the recipient or the subject.
                using var activity = RegistryTelemetry.Source.StartActivity("mail send");
                activity?.SetTag("registry.mail.purpose", item.Mail.Purpose);
                activity?.SetTag("registry.mail.attempt", item.Attempts + 1);
                try
                {
                    var message = MailMessageBuilder.Build(item.Mail, o, DomainOf(o.FromAddress));
                    await session.SendAsync(message, ct);
                    await queue.CompleteAsync(_owner, item.Id, message.MessageId ?? "", ct);
                    LogSent(logger, item.Id, item.Mail.Purpose, item.Attempts + 1);
                    Handled("sent");
                }
                catch (PermanentMailException ex)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, Summary(ex));
                    await queue.GiveUpAsync(_owner, item.Id, ex.Message, ct);
                    LogGaveUp(logger, item.Id, item.Mail.Purpose, Summary(ex));
                    Handled("given_up");
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, Summary(ex));
                    await FailAsync(item, ex.Message, Summary(ex), ct);
                }
            }
        }
        return batch.Count;
    }

    /// <param name="error">The full error, kept on the queue row.</param>
    /// <param name="summary">What the log may carry (<see cref="Summary"/>).</param>
    private async Task FailAsync(QueuedMail item, string error, string summary, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = item.Attempts + 1;
        if (attempts >= o.MaxAttempts)
        {
            await queue.GiveUpAsync(_owner, item.Id, $"after {attempts} attempts: {error}", ct);
            LogGaveUp(logger, item.Id, item.Mail.Purpose, $"after {attempts} attempts: {summary}");
            Handled("given_up");
            return;
        }
        var delay = RetryDelay(attempts, o, Random.Shared.NextDouble());
        await queue.FailAsync(_owner, item.Id, error, clock.GetUtcNow() + delay, ct);
        LogRetry(logger, item.Id, item.Mail.Purpose, attempts, delay.TotalSeconds, summary);
        Handled("retry");
    }

    private static void Handled(string outcome) => RegistryTelemetry.MailSent.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A failure as the log may show it: the SMTP status and code, or the exception's type; never its message.</summary>
    internal static string Summary(Exception ex) => (ex as SmtpCommandException ?? ex.InnerException as SmtpCommandException) is { } smtp
        ? $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}"
        : ex.InnerException is { } inner && ex is PermanentMailException ? inner.GetType().Name : ex.GetType().Name;

    /// <summary>
    /// The wait before attempt <paramref name="attempts"/> + 1: the first delay doubled per failure, capped, then
    /// spread over 50–100 % of that (jitter) so mails failed together do not retry together.
    /// </summary>
    public static TimeSpan RetryDelay(int attempts, MailOptions o, double random)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var seconds = Math.Min(o.RetryDelaySeconds * Math.Pow(2, exponent), o.MaxRetryDelaySeconds);
        return TimeSpan.FromSeconds(seconds * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }

    private async Task EraseOldAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _nextErase) return;
        _nextErase = now + EraseEvery;
        var erased = await queue.EraseBeforeAsync(now.AddDays(-options.Value.SentRetentionDays), ct);
        if (erased > 0) LogErased(logger, erased, options.Value.SentRetentionDays);
    }

    /// <summary>
    /// A stop in the middle of a batch gives its mails back at once, so another instance need not wait for the lease
    /// to run out. A mail whose sending was cut short may then go twice, as it would after the lease ran out: mail is
    /// at least once, and the server's answer was never seen.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await queue.ReleaseLeasesOwnedAsync(_owner, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not give back this process's leased mail at stop ({ExceptionType}); it is sent when the lease runs out", ex.GetType().Name);
        }
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is disabled (Registry:Mail:Mode = Disabled): queued mail stays queued")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail sender's loop failed with {ExceptionType}; it tries again")]
    private static partial void LogLoopFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the mail server for {Count} mails: {Error}")]
    private static partial void LogConnectFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Id} ({Purpose}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long id, string purpose, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} ({Purpose}) failed on attempt {Attempt}; retry in {Seconds:0} s: {Error}")]
    private static partial void LogRetry(ILogger logger, long id, string purpose, int attempt, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {Id} ({Purpose}) given up: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long id, string purpose, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased recipient and content of {Count} mails older than {Days} days")]
    private static partial void LogErased(ILogger logger, int count, int days);
}
