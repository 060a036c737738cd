using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Registry.Api.Forms;
using Registry.Data;

namespace Registry.Api.Tests.Forms;

/// <summary>The public forms' spam defences, with a clock the test moves: fill time, expiry, reuse, purpose, signature, honeypot, limit, key.</summary>
public sealed class FormGuardTests : IDisposable
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("registry-forms-").FullName;
    private readonly MovableClock clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private FormGuard Guard(FormOptions? options = null, string? signingKey = null)
    {
        var o = options ?? new FormOptions();
        o.SigningKey = signingKey ?? o.SigningKey;
        return new FormGuard(Options.Create(o), Options.Create(new RegistryDataOptions { DataDirectory = dataDirectory }), clock);
    }

    private static int StatusOf(FormCheck check) => check.Problem!.StatusCode;

    private static string Messages(FormCheck check) => check.Problem!.ProblemDetails is HttpValidationProblemDetails v
        ? string.Join(" | ", v.Errors.SelectMany(e => e.Value))
        : check.Problem.ProblemDetails.Detail ?? "";

    [Fact]
    public void A_token_sent_after_the_minimum_fill_time_passes_once()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        Assert.Equal(FormGuard.HoneypotField, issued.HoneypotField);
        Assert.Equal(clock.GetUtcNow().AddSeconds(3), issued.NotBefore);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(guard.Check(FormPurpose.Feedback, issued.Token, null, Client).Passed);

        var again = guard.Check(FormPurpose.Feedback, issued.Token, null, Client);
        Assert.False(again.Passed);
        Assert.Equal(400, StatusOf(again));
        Assert.Contains("already used", Messages(again));
    }

    [Fact]
    public void A_form_sent_too_fast_is_refused_and_the_token_still_works_later()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(1));
        var fast = guard.Check(FormPurpose.Feedback, issued.Token, "", Client);
        Assert.False(fast.Passed);
        Assert.Contains("too quickly", Messages(fast));

        // Too fast does not use the token up: the person waits and sends the same form.
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(guard.Check(FormPurpose.Feedback, issued.Token, "", Client).Passed);
    }

    [Fact]
    public void An_expired_token_and_one_issued_in_the_future_are_refused()
    {
        using var guard = Guard(new FormOptions { TokenLifetimeSeconds = 600 });
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(601));
        var expired = guard.Check(FormPurpose.Feedback, issued.Token, null, Client);
        Assert.False(expired.Passed);
        Assert.Contains("expired", Messages(expired));

        var later = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromMinutes(-30)); // a token from "the future" (a clock skew or a forged time)
        Assert.Contains("expired", Messages(guard.Check(FormPurpose.Feedback, later.Token, null, Client)));
    }

    [Fact]
    public void A_token_for_another_purpose_is_refused()
    {
        using var guard = Guard();
        var alert = guard.Issue(FormPurpose.Alert);
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = guard.Check(FormPurpose.Feedback, alert.Token, null, Client);
        Assert.False(check.Passed);
        Assert.Contains("not valid for this form", Messages(check));
        // Refusing it did not use it up for its own purpose.
        Assert.True(guard.Check(FormPurpose.Alert, alert.Token, null, Client).Passed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("f1.feedback.1.abc")]
    [InlineData("not a token at all")]
    public void A_missing_or_malformed_token_is_refused(string? token)
    {
        using var guard = Guard();
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = guard.Check(FormPurpose.Feedback, token, null, Client);
        Assert.False(check.Passed);
        Assert.Equal(400, StatusOf(check));
    }

    [Fact]
    public void A_tampered_token_is_refused_whichever_part_changed()
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
            Assert.Contains("not valid", Messages(guard.Check(FormPurpose.Feedback, token, null, Client)));
        }
        // A token signed with another key (another installation) is refused too.
        using var other = Guard(signingKey: Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()));
        var foreign = other.Issue(FormPurpose.Feedback);
        Assert.Contains("not valid", Messages(guard.Check(FormPurpose.Feedback, foreign.Token, null, Client)));
        // The untouched token still passes: the refusals did not use it.
        Assert.True(guard.Check(FormPurpose.Feedback, issued.Token, null, Client).Passed);
    }

    [Fact]
    public void A_filled_honeypot_is_refused_before_anything_else()
    {
        using var guard = Guard();
        var issued = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = guard.Check(FormPurpose.Feedback, issued.Token, "http://spam.example", Client);
        Assert.False(check.Passed);
        Assert.Contains(FormGuard.HoneypotField, Messages(check));
        Assert.True(guard.Check(FormPurpose.Feedback, issued.Token, "", Client).Passed);
    }

    [Fact]
    public void The_per_address_limit_answers_429_with_retry_after_and_keeps_other_addresses_and_purposes_apart()
    {
        using var guard = Guard(new FormOptions { SubmissionsPerWindow = 2, WindowMinutes = 10 });
        var tokens = Enumerable.Range(0, 4).Select(_ => guard.Issue(FormPurpose.Feedback)).ToList();
        var inquiry = guard.Issue(FormPurpose.Inquiry);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(guard.Check(FormPurpose.Feedback, tokens[0].Token, null, Client).Passed);
        Assert.True(guard.Check(FormPurpose.Feedback, tokens[1].Token, null, Client).Passed);
        var third = guard.Check(FormPurpose.Feedback, tokens[2].Token, null, Client);
        Assert.Equal(429, StatusOf(third));
        Assert.True(third.RetryAfterSeconds is > 0 and <= 600, $"Retry-After {third.RetryAfterSeconds}");
        var response = new DefaultHttpContext().Response;
        third.ApplyHeaders(response);
        Assert.Equal(third.RetryAfterSeconds.ToString(), response.Headers.RetryAfter.ToString());

        // The refused submission did not spend its token; another address and another purpose are not limited.
        Assert.True(guard.Check(FormPurpose.Feedback, tokens[2].Token, null, IPAddress.Parse("198.51.100.1")).Passed);
        Assert.True(guard.Check(FormPurpose.Inquiry, inquiry.Token, null, Client).Passed);
    }

    [Fact]
    public void IPv6_clients_are_limited_per_64_network_and_mapped_IPv4_as_IPv4()
    {
        Assert.Equal(FormGuard.ClientPartition(IPAddress.Parse("2001:db8:1:2::1")), FormGuard.ClientPartition(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(FormGuard.ClientPartition(IPAddress.Parse("2001:db8:1:2::1")), FormGuard.ClientPartition(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("203.0.113.7", FormGuard.ClientPartition(IPAddress.Parse("::ffff:203.0.113.7")));
        Assert.Equal("unknown", FormGuard.ClientPartition(null));

        using var guard = Guard(new FormOptions { SubmissionsPerWindow = 1 });
        var a = guard.Issue(FormPurpose.Feedback);
        var b = guard.Issue(FormPurpose.Feedback);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(guard.Check(FormPurpose.Feedback, a.Token, null, IPAddress.Parse("2001:db8:1:2::1")).Passed);
        Assert.Equal(429, StatusOf(guard.Check(FormPurpose.Feedback, b.Token, null, IPAddress.Parse("2001:db8:1:2::abcd"))));
    }

    [Fact]
    public void The_generated_key_is_kept_in_the_data_directory_so_tokens_survive_a_restart()
    {
        string token;
        using (var first = Guard())
        {
            token = first.Issue(FormPurpose.Feedback).Token;
        }
        Assert.True(File.Exists(Path.Combine(dataDirectory, "form-signing.key")));
        clock.Advance(TimeSpan.FromSeconds(10));
        using var restarted = Guard();
        Assert.True(restarted.Check(FormPurpose.Feedback, token, null, Client).Passed);
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

/// <summary>A clock the test moves by hand; timers are not used by the guard.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
