using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Registry.Api.Problems;
using Registry.Data.Forms;

namespace Registry.Api.Forms;

/// <summary>What a public form is for; a token issued for one purpose is refused for another.</summary>
public enum FormPurpose
{
    Feedback,
    Inquiry,
    Alert,
}

/// <summary><c>Registry:Forms</c>: the spam defences of the public forms (feedback, inquiries, alert subscriptions).</summary>
public sealed class FormOptions
{
    public const string Section = "Registry:Forms";

    /// <summary>
    /// Base64 key (at least 32 bytes) that signs form tokens (and, derived, alert unsubscribe links). When empty, one
    /// key is generated once and kept in the database, shared by every instance (<see cref="FormSigningKey"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>A form sent sooner than this after its token was issued was not filled by a person.</summary>
    [Range(0, 600)]
    public int MinFillSeconds { get; set; } = 3;

    /// <summary>How long a token stays valid: a person may take a while to write.</summary>
    [Range(60, 7 * 24 * 3600)]
    public int TokenLifetimeSeconds { get; set; } = 4 * 3600;

    /// <summary>Submissions per client address and purpose in <see cref="WindowMinutes"/>; 0 switches the limit off.</summary>
    [Range(0, 10_000)]
    public int SubmissionsPerWindow { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int WindowMinutes { get; set; } = 10;
}

/// <summary>A token to put in a form: <see cref="Token"/> goes back unchanged, the honeypot field stays empty.</summary>
/// <param name="NotBefore">The form is refused when sent before this (minimum fill time).</param>
public sealed record IssuedFormToken(string Token, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt, string HoneypotField);

/// <summary>Why a submission was refused; null <see cref="Problem"/> means it passed.</summary>
/// <param name="RetryAfterSeconds">Set with a 429: how long the client should wait (the <c>Retry-After</c> header).</param>
public sealed record FormCheck(ProblemHttpResult? Problem, int? RetryAfterSeconds = null)
{
    public bool Passed => Problem is null;
    public static readonly FormCheck Pass = new((ProblemHttpResult?)null);

    /// <summary>Sets <c>Retry-After</c> on a refused check that has one (a 429), as the general rate limiter does.</summary>
    public void ApplyHeaders(HttpResponse response)
    {
        if (RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Spam defences for the public forms, none of them a third-party service:
/// <list type="bullet">
/// <item>a signed form token (HMAC-SHA256 over purpose, issue time and a nonce), so a bot must fetch a form first;</item>
/// <item>a minimum fill time measured from the token's issue time, and a maximum age;</item>
/// <item>each token accepted once, on any instance (used nonces are kept in the database until the token expires);</item>
/// <item>a honeypot field (<see cref="HoneypotField"/>) that people never see and must stay empty;</item>
/// <item>a per-address, per-purpose submission limit, much lower than the general request limit (counted per instance).</item>
/// </list>
/// </summary>
public sealed class FormGuard : IDisposable
{
    /// <summary>The honeypot's name in forms and JSON bodies: a plausible field a bot fills and a person never sees.</summary>
    public const string HoneypotField = "website";

    private const string Version = "f1";
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(10);
    private readonly FormSigningKey key;
    private readonly IFormTokenStore nonces;
    private readonly TimeProvider clock;
    private readonly FormOptions options;
    private readonly PartitionedRateLimiter<string>? limiter;
    private long nextSweepTicks;

    public FormGuard(IOptions<FormOptions> options, FormSigningKey key, IFormTokenStore nonces, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        this.key = key;
        this.nonces = nonces;
        if (this.options.SubmissionsPerWindow > 0)
        {
            var window = TimeSpan.FromMinutes(this.options.WindowMinutes);
            var permits = this.options.SubmissionsPerWindow;
            limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetSlidingWindowLimiter(partition,
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = window, SegmentsPerWindow = 5, QueueLimit = 0 }));
        }
    }

    public IssuedFormToken Issue(FormPurpose purpose)
    {
        var now = clock.GetUtcNow();
        var issued = now.ToUnixTimeSeconds();
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
        var payload = $"{Version}.{Slug(purpose)}.{issued.ToString(CultureInfo.InvariantCulture)}.{nonce}";
        var token = payload + "." + Sign(payload);
        var at = DateTimeOffset.FromUnixTimeSeconds(issued);
        return new IssuedFormToken(token, at.AddSeconds(options.MinFillSeconds), at.AddSeconds(options.TokenLifetimeSeconds), HoneypotField);
    }

    /// <summary>
    /// Checks a submission. Call it after the body has been read and before anything is stored; a passed check uses
    /// up the token (on every instance: the nonce is stored in the database) and one of the client's submissions.
    /// </summary>
    public async Task<FormCheck> CheckAsync(FormPurpose purpose, string? token, string? honeypot, IPAddress? client, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(honeypot))
        {
            return Fail(ProblemKind.Validation, HoneypotField,
                $"Trường \"{HoneypotField}\" phải để trống; nếu trình duyệt tự điền, hãy xoá rồi gửi lại (the \"{HoneypotField}\" field must stay empty; clear it if your browser filled it in)");
        }
        if (string.IsNullOrWhiteSpace(token))
        {
            return Fail(ProblemKind.Validation, "formToken",
                "Thiếu mã biểu mẫu; hãy tải lại biểu mẫu hoặc lấy mã ở GET /api/v1/forms/token (the form token is missing; reload the form or get one from GET /api/v1/forms/token)");
        }
        if (Parse(token) is not { } parsed || parsed.Purpose != Slug(purpose))
        {
            return Fail(ProblemKind.Validation, "formToken",
                "Mã biểu mẫu không hợp lệ; hãy tải lại biểu mẫu (the form token is not valid for this form; reload the form)");
        }
        var now = clock.GetUtcNow();
        var issued = DateTimeOffset.FromUnixTimeSeconds(parsed.Issued);
        if (issued > now.AddMinutes(1) || now - issued > TimeSpan.FromSeconds(options.TokenLifetimeSeconds))
        {
            return Fail(ProblemKind.Validation, "formToken",
                "Mã biểu mẫu đã hết hạn; hãy tải lại biểu mẫu rồi gửi lại (the form token has expired; reload the form and send again)");
        }
        if (now - issued < TimeSpan.FromSeconds(options.MinFillSeconds))
        {
            return Fail(ProblemKind.Validation, "formToken",
                $"Biểu mẫu được gửi quá nhanh; hãy đợi ít nhất {options.MinFillSeconds} giây sau khi mở rồi gửi lại (the form was sent too quickly; wait at least {options.MinFillSeconds} seconds after opening it)");
        }
        await SweepNoncesWhenDueAsync(now, ct);
        var expires = issued.AddSeconds(options.TokenLifetimeSeconds);
        if (!await nonces.TryUseNonceAsync(parsed.Nonce, expires, ct))
        {
            return Fail(ProblemKind.Validation, "formToken",
                "Mã biểu mẫu này đã được dùng; hãy tải lại biểu mẫu để gửi thêm (this form token was already used; reload the form to send another)");
        }
        if (limiter is not null)
        {
            using var lease = limiter.AttemptAcquire(Slug(purpose) + ":" + Registry.Api.Http.ClientAddresses.Partition(client));
            if (!lease.IsAcquired)
            {
                await nonces.ForgetNonceAsync(parsed.Nonce, CancellationToken.None);
                var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : options.WindowMinutes * 60;
                var minutes = Math.Max(1, (int)Math.Ceiling(seconds / 60.0));
                return new FormCheck(ApiProblems.Create(ProblemKind.TooManyRequests,
                    $"Bạn đã gửi quá nhiều lần; hãy thử lại sau {minutes} phút (too many submissions from your address; try again in {minutes} minutes)",
                    new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }), seconds);
            }
        }
        return FormCheck.Pass;
    }

    public void Dispose() => limiter?.Dispose();

    /// <summary>
    /// A key for another signature of the public forms (e.g. alert unsubscribe links), derived from the signing key
    /// with the purpose as label, so one configured secret serves every instance and no signature stands in for another.
    /// </summary>
    public byte[] DeriveKey(string purpose) => HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes("derive." + purpose));

    private static FormCheck Fail(ProblemKind kind, string field, string message) =>
        new(kind == ProblemKind.Validation ? ApiProblems.Validation(field, message) : ApiProblems.Create(kind, message));

    /// <summary>Every <see cref="SweepEvery"/> per instance: deleting expired nonces twice is harmless, so no lease is needed.</summary>
    private async Task SweepNoncesWhenDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due) return;
        await nonces.SweepNoncesAsync(now, ct);
    }

    private sealed record ParsedToken(string Purpose, long Issued, string Nonce);

    private ParsedToken? Parse(string token)
    {
        if (token.Length > 200) return null;
        var parts = token.Split('.');
        if (parts.Length != 5 || parts[0] != Version) return null;
        var payload = string.Join('.', parts[..4]);
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        var given = Encoding.ASCII.GetBytes(parts[4]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return null;
        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)) return null;
        return new ParsedToken(parts[1], issued, parts[3]);
    }

    private string Sign(string payload) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key.Bytes, Encoding.ASCII.GetBytes(payload)));

    private static string Slug(FormPurpose purpose) => purpose switch
    {
        FormPurpose.Feedback => "feedback",
        FormPurpose.Inquiry => "inquiry",
        FormPurpose.Alert => "alert",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}

/// <summary>Checks <see cref="FormOptions"/> at start with messages naming the setting.</summary>
internal sealed class FormOptionsValidator : IValidateOptions<FormOptions>
{
    public ValidateOptionsResult Validate(string? name, FormOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey)) return ValidateOptionsResult.Success;
        var buffer = new byte[options.SigningKey.Length];
        return Convert.TryFromBase64String(options.SigningKey.Trim(), buffer, out var written) && written >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Registry:Forms:SigningKey must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`)");
    }
}

internal static class FormServices
{
    public static IServiceCollection AddRegistryForms(this IServiceCollection services)
    {
        services.AddOptions<FormOptions>().BindConfiguration(FormOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FormOptions>, FormOptionsValidator>();
        services.AddSingleton<FormSigningKey>();
        services.AddSingleton<FormGuard>();
        return services;
    }
}
