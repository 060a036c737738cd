using System.Security.Cryptography;
using System.Text;
using Registry.Api.Webhooks;

namespace Registry.Api.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void Signs_the_standard_webhooks_reference_vector()
    {
        // The example of the Standard Webhooks specification and its reference libraries.
        var signature = WebhookSignature.Header(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
            Encoding.UTF8.GetBytes("""{"test": 2432232314}"""));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Two_secrets_give_two_signatures_the_new_one_first()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"evt_1_published"}""");
        var header = WebhookSignature.Header(["whsec_bmV3LXNlY3JldA==", "whsec_b2xkLXNlY3JldA=="], "evt_1_published", 1700000000, body);

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal("v1," + WebhookSignature.Sign("whsec_bmV3LXNlY3JldA==", "evt_1_published", 1700000000, body), parts[0]);
        Assert.Equal("v1," + WebhookSignature.Sign("whsec_b2xkLXNlY3JldA==", "evt_1_published", 1700000000, body), parts[1]);
    }

    [Fact]
    public void Any_change_to_id_timestamp_or_body_changes_the_signature()
    {
        var secret = WebhookSignature.NewSecret();
        var body = Encoding.UTF8.GetBytes("""{"a":1}""");
        var reference = WebhookSignature.Sign(secret, "evt_1_updated", 1700000000, body);

        Assert.NotEqual(reference, WebhookSignature.Sign(secret, "evt_2_updated", 1700000000, body));
        Assert.NotEqual(reference, WebhookSignature.Sign(secret, "evt_1_updated", 1700000001, body));
        Assert.NotEqual(reference, WebhookSignature.Sign(secret, "evt_1_updated", 1700000000, Encoding.UTF8.GetBytes("""{"a":2}""")));
        Assert.NotEqual(reference, WebhookSignature.Sign(WebhookSignature.NewSecret(), "evt_1_updated", 1700000000, body));
    }

    [Fact]
    public void Secrets_are_32_random_bytes_behind_the_whsec_prefix()
    {
        var secrets = Enumerable.Range(0, 50).Select(_ => WebhookSignature.NewSecret()).ToList();

        Assert.All(secrets, s => Assert.StartsWith("whsec_", s));
        Assert.All(secrets, s => Assert.Equal(32, Convert.FromBase64String(s["whsec_".Length..]).Length));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Fact]
    public void Signature_is_hmac_sha256_of_id_timestamp_and_body_joined_by_dots()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = "whsec_" + Convert.ToBase64String(key);
        var body = Encoding.UTF8.GetBytes("""{"title":"Chè Phú Thọ"}""");
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evt_9_published.1700000000.").Concat(body).ToArray()));

        Assert.Equal(expected, WebhookSignature.Sign(secret, "evt_9_published", 1700000000, body));
    }
}

public sealed class WebhookBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(20, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void Doubles_from_the_first_delay_up_to_the_cap(int attempts, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, WebhookBackoff.Delay(attempts, 30, 3600, 0.5).TotalSeconds, 6);
    }

    [Fact]
    public void Jitter_spreads_a_delay_by_a_quarter_either_way()
    {
        Assert.Equal(45, WebhookBackoff.Delay(2, 30, 3600, 0).TotalSeconds, 6);
        Assert.Equal(75, WebhookBackoff.Delay(2, 30, 3600, 1).TotalSeconds, 6);
    }
}
