using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Registry.Api.Forms;
using System.Collections.Concurrent;
using Registry.Data;
using Registry.Data.Forms;

namespace Registry.Api.Tests.Forms;

/// <summary>The public forms' spam defences, with a clock the test moves: fill time, expiry, reuse, purpose, signature, honeypot, limit, key.</summary>
public sealed class FormGuardTests : IDisposable
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("registry-forms-").FullName;
    private readonly MovableClock clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The shared database of the guards one test makes (each guard is an instance, or a restart).</summary>
    private readonly MemoryFormTokenStore database = new();

    private FormGuard Guard(FormOptions? options = null, string? signingKey = null, string? directory = null)
    {
        var o = options ?? new FormOptions();
        o.SigningKey = signingKey ?? o.SigningKey;
        var key = new FormSigningKey(Options.Create(o), Options.Create(new RegistryDataOptions { DataDirectory = directory ?? dataDirectory }), database);
        return new FormGuard(Options.Create(o), key, database, clock);
    }

    private static int StatusOf(FormCheck check) => check.Problem!.StatusCode;

    private static string Messages(FormCheck check) => check.Problem!.ProblemDetails is HttpValidationProblemDetails v
        ? string.Join(" | ", v.Errors.SelectMany(e => e.Value))
        : check.Problem.ProblemDetails.Detail ?? "";

    [Fact]
    public async Task A_token_sent_after_the_minimum_fill_time_passes_once()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        Assert.Equal(FormGuard.HoneypotField, issued.HoneypotField);
        Assert.Equal(clock.GetUtcNow().AddSeconds(3), issued.NotBefore);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, issued.Token, null, Client)).Passed);

        var again = await guard.CheckAsync(FormPurpose.Feedback, issued.Token, null, Client);
        Assert.False(again.Passed);
        Assert.Equal(400, StatusOf(again));
        Assert.Contains("already used", Messages(again));
    }

    [Fact]
    public async Task A_form_sent_too_fast_is_refused_and_the_token_still_works_later()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(1));
        var fast = await guard.CheckAsync(FormPurpose.Feedback, issued.Token, "", Client);
        Assert.False(fast.Passed);
        Assert.Contains("too quickly", Messages(fast));

        // Too fast does not use the token up: the person waits and sends the same form.
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, issued.Token, "", Client)).Passed);
    }

    [Fact]
    public async Task An_expired_token_and_one_issued_in_the_future_are_refused()
    {
        using var guard = Guard(new FormOptions { TokenLifetimeSeconds = 600 });
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(601));
        var expired = await guard.CheckAsync(FormPurpose.Feedback, issued.Token, null, Client);
        Assert.False(expired.Passed);
        Assert.Contains("expired", Messages(expired));

        var later = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromMinutes(-30)); // a token from "the future" (a clock skew or a forged time)
        Assert.Contains("expired", Messages(await guard.CheckAsync(FormPurpose.Feedback, later.Token, null, Client)));
    }

    [Fact]
    public async Task A_token_for_another_purpose_is_refused()
    {
        using var guard = Guard();
        var alert = guard.Issue(FormPurpose.Alert);
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = await guard.CheckAsync(FormPurpose.Feedback, alert.Token, null, Client);
        Assert.False(check.Passed);
        Assert.Contains("not valid for this form", Messages(check));
        // Refusing it did not use it up for its own purpose.
        Assert.True((await guard.CheckAsync(FormPurpose.Alert, alert.Token, null, Client)).Passed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("f1.feedback.1.abc")]
    [InlineData("not a token at all")]
    public async Task A_missing_or_malformed_token_is_refused(string? token)
    {
        using var guard = Guard();
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = await guard.CheckAsync(FormPurpose.Feedback, token, null, Client);
        Assert.False(check.Passed);
        Assert.Equal(400, StatusOf(check));
    }

    [Fact]
    public async Task A_tampered_token_is_refused_whichever_part_changed()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        var parts = issued.Token.Split('.');
        var older = (long.Parse(parts[2]) - 3600).ToString();
        string[] tampered =
        [
            string.Join('.', parts[0], "inquiry", parts[2], parts[3], parts[4]),   // purpose changed, old signature
            string.Join('.', parts[0], parts[1], older, parts[3], parts[4]),       // issue time moved back
            string.Join('.', parts[0], parts[1], parts[2], "AAAAAAAAAAAAAAAA", parts[4]), // another nonce
            string.Join('.', parts[0], parts[1], parts[2], parts[3], parts[4][..^2] + (parts[4][^2..] == "AA" ? "BB" : "AA")),
            issued.Token + "x",
        ];
        foreach (var token in tampered)
        {
            Assert.Contains("not valid", Messages(await guard.CheckAsync(FormPurpose.Feedback, token, null, Client)));
        }
        // A token signed with another key (another installation) is refused too.
        using var other = Guard(signingKey: Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));
        var foreign = other.Issue(FormPurpose.Feedback);
        Assert.Contains("not valid", Messages(await guard.CheckAsync(FormPurpose.Feedback, foreign.Token, null, Client)));
        // The untouched token still passes: the refusals did not use it.
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, issued.Token, null, Client)).Passed);
    }

    [Fact]
    public async Task A_filled_honeypot_is_refused_before_anything_else()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = await guard.CheckAsync(FormPurpose.Feedback, issued.Token, "http://spam.example", Client);
        Assert.False(check.Passed);
        Assert.Contains(FormGuard.HoneypotField, Messages(check));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, issued.Token, "", Client)).Passed);
    }

    [Fact]
    public async Task The_per_address_limit_answers_429_with_retry_after_and_keeps_other_addresses_and_purposes_apart()
    {
        using var guard = Guard(new FormOptions { SubmissionsPerWindow = 2, WindowMinutes = 10 });
        var tokens = Enumerable.Range(0, 4).Select(_ => guard.Issue(FormPurpose.Feedback)).ToList();
        var inquiry = guard.Issue(FormPurpose.Inquiry);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, tokens[0].Token, null, Client)).Passed);
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, tokens[1].Token, null, Client)).Passed);
        var third = await guard.CheckAsync(FormPurpose.Feedback, tokens[2].Token, null, Client);
        Assert.Equal(429, StatusOf(third));
        Assert.True(third.RetryAfterSeconds is > 0 and <= 600, $"Retry-After {third.RetryAfterSeconds}");
        var response = new DefaultHttpContext().Response;
        third.ApplyHeaders(response);
        Assert.Equal(third.RetryAfterSeconds.ToString(), response.Headers.RetryAfter.ToString());

        // The refused submission did not spend its token; another address and another purpose are not limited.
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, tokens[2].Token, null, IPAddress.Parse("198.51.100.1"))).Passed);
        Assert.True((await guard.CheckAsync(FormPurpose.Inquiry, inquiry.Token, null, Client)).Passed);
    }

    [Fact]
    public async Task IPv6_clients_are_limited_per_64_network_and_mapped_IPv4_as_IPv4()
    {
        Assert.Equal(Registry.Api.Http.ClientAddresses.Partition(IPAddress.Parse("2001:db8:1:2::1")), Registry.Api.Http.ClientAddresses.Partition(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(Registry.Api.Http.ClientAddresses.Partition(IPAddress.Parse("2001:db8:1:2::1")), Registry.Api.Http.ClientAddresses.Partition(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("203.0.113.7", Registry.Api.Http.ClientAddresses.Partition(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal("unknown", Registry.Api.Http.ClientAddresses.Partition(null));

        using var guard = Guard(new FormOptions { SubmissionsPerWindow = 1 });
        var a = guard.Issue(FormPurpose.Feedback);
        var b = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, a.Token, null, IPAddress.Parse("2001:db8:1:2::1"))).Passed);
        Assert.Equal(429, StatusOf(await guard.CheckAsync(FormPurpose.Feedback, b.Token, null, IPAddress.Parse("2001:db8:1:2::abcd"))));
    }

    [Fact]
    public async Task The_generated_key_is_kept_in_the_database_so_tokens_survive_a_restart_and_pass_on_another_instance()
    {
        string token;
        using (var first = Guard())
        {
            token = first.Issue(FormPurpose.Feedback).Token;
        }
        Assert.False(File.Exists(Path.Combine(dataDirectory, FormSigningKey.LegacyFileName)));
        Assert.True(database.Secrets.ContainsKey(FormSigningKey.SecretName));
        clock.Advance(TimeSpan.FromSeconds(10));
        using var otherInstance = Guard(directory: Directory.CreateTempSubdirectory("registry-forms-b-").FullName);
        Assert.True((await otherInstance.CheckAsync(FormPurpose.Feedback, token, null, Client)).Passed);
        using var restarted = Guard();
        Assert.Contains("already used", Messages(await restarted.CheckAsync(FormPurpose.Feedback, token, null, Client)));
    }

    [Fact]
    public async Task A_key_an_earlier_version_kept_in_the_data_directory_becomes_the_shared_key_so_mailed_links_keep_working()
    {
        var legacy = Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray();
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, FormSigningKey.LegacyFileName), Convert.ToBase64String(legacy));
        using var upgraded = Guard();
        var token = upgraded.Issue(FormPurpose.Feedback).Token;
        using var signedWithLegacy = Guard(signingKey: Convert.ToBase64String(legacy));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await signedWithLegacy.CheckAsync(FormPurpose.Feedback, token, null, Client)).Passed);
        Assert.Equal(legacy, database.Secrets[FormSigningKey.SecretName]);
    }

    [Fact]
    public async Task Expired_nonces_are_swept_from_the_database()
    {
        using var guard = Guard(new FormOptions { TokenLifetimeSeconds = 600 });
        var first = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, first.Token, null, Client)).Passed);
        Assert.Single(database.Nonces);
        clock.Advance(TimeSpan.FromMinutes(20));
        var second = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await guard.CheckAsync(FormPurpose.Feedback, second.Token, null, Client)).Passed);
        Assert.Single(database.Nonces);
    }

    [Fact]
    public void A_configured_key_too_short_is_refused_at_start()
    {
        var validator = new FormOptionsValidator();
        Assert.True(validator.Validate(null, new FormOptions { SigningKey = Convert.ToBase64String(new byte[16]) }).Failed);
        Assert.True(validator.Validate(null, new FormOptions { SigningKey = "not base64!" }).Failed);
        Assert.True(validator.Validate(null, new FormOptions { SigningKey = Convert.ToBase64String(new byte[32]) }).Succeeded);
        Assert.True(validator.Validate(null, new FormOptions()).Succeeded);
    }

    public void Dispose()
    {
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The database's part of the guard, as the store keeps it: first secret stored wins, a nonce is used once.</summary>
internal sealed class MemoryFormTokenStore : IFormTokenStore
{
    public ConcurrentDictionary<string, byte[]> Secrets { get; } = new();
    public ConcurrentDictionary<string, DateTimeOffset> Nonces { get; } = new();

    public Task<byte[]> GetOrCreateSecretAsync(string name, Func<byte[]> candidate, CancellationToken ct = default) =>
        Task.FromResult(Secrets.GetOrAdd(name, _ => candidate()));

    public Task<bool> TryUseNonceAsync(string nonce, DateTimeOffset expiresAt, CancellationToken ct = default) =>
        Task.FromResult(Nonces.TryAdd(nonce, expiresAt));

    public Task ForgetNonceAsync(string nonce, CancellationToken ct = default)
    {
        Nonces.TryRemove(nonce, out _);
        return Task.CompletedTask;
    }

    public Task<int> SweepNoncesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var expired = Nonces.Where(n => n.Value < now).Select(n => n.Key).ToList();
        foreach (var nonce in expired) Nonces.TryRemove(nonce, out _);
        return Task.FromResult(expired.Count);
    }
}

/// <summary>A clock the test moves by hand; timers are not used by the guard.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
