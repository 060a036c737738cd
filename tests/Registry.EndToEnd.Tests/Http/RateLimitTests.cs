using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Http;

/// <summary>A tiny configured limit: the next request answers 429 with Retry-After; key holders count separately.</summary>
public sealed class RateLimitTests(RateLimitTests.TinyLimits factory) : IClassFixture<RateLimitTests.TinyLimits>
{
    public sealed class TinyLimits : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Registry:RateLimits:AnonymousPerMinute"] = "3",
            ["Registry:RateLimits:KeyPerMinute"] = "1000",
        };
    }

    [Fact]
    public async Task Anonymous_client_over_the_limit_gets_429_with_Retry_After_while_key_holders_continue()
    {
        var client = factory.Anonymous();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/v1/filters");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }

        Assert.NotNull(refused);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);

        Assert.Equal(HttpStatusCode.OK, (await factory.Admin().GetAsync("/api/v1/filters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
