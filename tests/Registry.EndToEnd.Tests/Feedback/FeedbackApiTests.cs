using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feedback;

/// <summary>Public feedback through the real host: moderation paths, spam defences, hostile bodies, and no personal data in public.</summary>
public sealed class FeedbackApiTests(FeedbackApiFactory factory) : IClassFixture<FeedbackApiFactory>
{
    private static HttpRequestMessage Decision(string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    /// <summary>Every public surface that shows a task or its feedback, as an anonymous reader gets it.</summary>
    private async Task<string> PublicSurfacesAsync(string task)
    {
        var anonymous = factory.Anonymous();
        var text = new StringBuilder();
        foreach (var url in new[]
                 {
                     $"/api/v1/tasks/{task}/feedback", $"/api/v1/tasks/{task}", $"/tasks/{task}", $"/tasks/{task}?lang=en",
                     $"/feeds/tasks/{task}/feedback.atom", "/feedback", $"/tasks/{task}/feedback",
                 })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            text.Append(await response.Content.ReadAsStringAsync()).Append('\n');
        }
        var graphql = await anonymous.PostAsJsonAsync("/graphql", new { query = $"{{ task(id: \"{task}\") {{ id title }} }}" });
        text.Append(await graphql.Content.ReadAsStringAsync());
        return text.ToString();
    }

    [Fact]
    public async Task Feedback_is_public_only_after_approval_with_the_reply_on_every_surface_and_never_with_personal_data()
    {
        var task = await factory.PublishedTaskAsync();
        var email = $"hoa.{Guid.NewGuid():N}@vi-du.vn";
        var name = "Nguyễn Thị Hoa Riêng Tư";
        var message = $"Đề nghị công bố quy trình trồng chè chi tiết hơn {Guid.NewGuid():N}.";
        var id = await factory.SubmitValidAsync(task, message, name, email);

        var before = await PublicSurfacesAsync(task);
        Assert.DoesNotContain(message, before);
        Assert.DoesNotContain(id, before);

        var curator = await factory.CuratorAsync();
        var read = await curator.GetAsync($"/api/v1/feedback/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("no-store", read.Headers.CacheControl?.ToString());
        var record = await read.ReadJsonAsync();
        Assert.Equal(email, record.GetProperty("email").GetString());
        Assert.Equal("pending", record.GetProperty("status").GetString());

        var approved = await curator.SendAsync(Decision($"/api/v1/feedback/{id}/approve", ifMatch: read.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.ReadJsonAsync()).GetProperty("outcome").GetString());
        var reply = $"Sở sẽ bổ sung quy trình trong quý tới {Guid.NewGuid():N}.";
        var replied = await curator.SendAsync(Decision($"/api/v1/feedback/{id}/reply", new { text = reply }));
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);

        var after = await PublicSurfacesAsync(task);
        Assert.Contains(message, after);
        Assert.Contains(reply, after);
        Assert.DoesNotContain(email, after);
        Assert.DoesNotContain(name, after);
        Assert.DoesNotContain("Hoa Riêng", after);

        var list = await (await factory.Anonymous().GetAsync($"/api/v1/tasks/{task}/feedback")).ReadJsonAsync();
        var item = Assert.Single(list.GetProperty("results").EnumerateArray());
        Assert.Equal(reply, item.GetProperty("reply").GetProperty("text").GetString());
        Assert.False(item.TryGetProperty("email", out _));
        var feed = await factory.Anonymous().GetAsync($"/feeds/tasks/{task}/feedback.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/feeds/tasks/{task}/feedback.atom");
        again.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await factory.Anonymous().SendAsync(again)).StatusCode);

        // Rejected later, it leaves every public surface.
        var rejected = await curator.SendAsync(Decision($"/api/v1/feedback/{id}/reject", new { reason = "Người gửi yêu cầu gỡ" }));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.DoesNotContain(message, await PublicSurfacesAsync(task));
    }

    [Fact]
    public async Task Registry_wide_feedback_appears_on_the_feedback_page_once_approved()
    {
        var message = $"Nên có thêm bản đồ các nhiệm vụ theo xã {Guid.NewGuid():N}.";
        var id = await factory.SubmitValidAsync(null, message);
        Assert.DoesNotContain(message, await factory.Anonymous().GetStringAsync("/feedback"));
        var curator = await factory.CuratorAsync();
        (await curator.SendAsync(Decision($"/api/v1/feedback/{id}/approve"))).EnsureSuccessStatusCode();
        Assert.Contains(message, await factory.Anonymous().GetStringAsync("/feedback"));
    }

    [Fact]
    public async Task Moderation_paths_answer_clearly()
    {
        var task = await factory.PublishedTaskAsync();
        var id = await factory.SubmitValidAsync(task, "Góp ý để thử các đường duyệt khác nhau.");
        var curator = await factory.CuratorAsync();

        var pending = await (await curator.GetAsync($"/api/v1/feedback?status=pending&task={task}")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(pending.GetProperty("results").EnumerateArray()).GetProperty("id").GetString());
        await (await curator.SendAsync(Decision($"/api/v1/feedback/{id}/reply", new { text = "Cảm ơn." })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.SendAsync(Decision($"/api/v1/feedback/{id}/approve", ifMatch: "\"7\"")))
            .AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version-mismatch");
        var both = await curator.SendAsync(Decision($"/api/v1/feedback/{id}/reply", new { text = "Cảm ơn, Sở đã tiếp thu.", approve = true }));
        Assert.Equal("approved", (await both.ReadJsonAsync()).GetProperty("feedback").GetProperty("status").GetString());
        Assert.Equal("unchanged", (await (await curator.SendAsync(Decision($"/api/v1/feedback/{id}/approve"))).ReadJsonAsync()).GetProperty("outcome").GetString());
        var erased = await curator.SendAsync(Decision($"/api/v1/feedback/{id}/erase"));
        Assert.Equal("unchanged", (await erased.ReadJsonAsync()).GetProperty("outcome").GetString());

        await (await curator.GetAsync("/api/v1/feedback?status=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/feedback?cursor=xyz")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/feedback?task=ĐT-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/feedback?pageSize=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/feedback/f0000000000zz")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await curator.SendAsync(Decision("/api/v1/feedback/f0000000000zz/approve"))).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await curator.SendAsync(Decision($"/api/v1/feedback/{id}/reject", new { reason = new string('x', 1001) })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        // Without a key nothing of moderation is reachable, and the list never reaches a shared cache.
        var anonymous = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/feedback/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(Decision($"/api/v1/feedback/{id}/approve"))).StatusCode);
        var list = await curator.GetAsync("/api/v1/feedback");
        Assert.Contains("no-store", list.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Spam_defences_refuse_fast_reused_foreign_and_honeypot_submissions()
    {
        var task = await factory.PublishedTaskAsync();
        const string message = "Góp ý gửi để thử các lớp chống thư rác.";

        var fresh = (await (await factory.Anonymous().GetAsync("/api/v1/forms/token?purpose=feedback")).ReadJsonAsync()).GetProperty("token").GetString();
        var fast = await (await factory.SubmitAsync(new { task, message, formToken = fresh })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("too quickly", fast.ToString());

        var token = await factory.TokenAsync();
        var trap = await (await factory.SubmitAsync(new { task, message, formToken = token, website = "http://spam.example" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("website", trap.ToString());
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(new { task, message, formToken = token, website = "" })).StatusCode);
        var reused = await (await factory.SubmitAsync(new { task, message, formToken = token })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("already used", reused.ToString());

        var alert = await factory.TokenAsync("alert");
        await (await factory.SubmitAsync(new { task, message, formToken = alert })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.SubmitAsync(new { task, message })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.SubmitAsync(new { task, message, formToken = token[..^3] + "abc" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Hostile_and_careless_bodies_get_clear_4xx_and_do_not_spend_the_token()
    {
        var draft = await factory.PublishedTaskAsync(Visibility.Draft);
        var withdrawn = await factory.PublishedTaskAsync(Visibility.Withdrawn);
        var token = await factory.TokenAsync();
        const string message = "Một góp ý bình thường về nhiệm vụ.";

        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", $$"""{"message":"{{message}}","message":"khác","formToken":"{{token}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", $$"""{"message":"{{message}}","MESSAGE":"khác","formToken":"{{token}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", $$"""{"message":"{{message}}","isAdmin":true,"formToken":"{{token}}"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", "{\"message\":")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", "[]")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.Anonymous().PostRawAsync("/api/v1/feedback", $"message={message}", "application/x-www-form-urlencoded"))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await (await factory.SubmitAsync(new { message = "<b>đậm</b> góp ý có thẻ", formToken = token })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.SubmitAsync(new { message = new string('a', 4001), formToken = token })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await factory.SubmitAsync(new { message, email = "hoa@vi-du.vn", formToken = token })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var huge = await factory.Anonymous().PostRawAsync("/api/v1/feedback", JsonSerializer.Serialize(new { message = new string('x', 5 * 1024 * 1024), formToken = token }));
        Assert.True(huge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, huge.StatusCode.ToString());
        Assert.DoesNotContain("   at ", await huge.Content.ReadAsStringAsync());

        // None of these spent the token: it still carries a good body through.
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(new { message, formToken = token })).StatusCode);

        // Unknown, draft and withdrawn tasks are answered before the spam defences, so they do not spend the token either.
        var kept = await factory.TokenAsync();
        foreach (var unknown in new[] { "t0000000000zz", draft })
        {
            var problem = await (await factory.SubmitAsync(new { message, task = unknown, formToken = kept }))
                .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
            Assert.Contains("task", problem.GetProperty("errors").ToString());
        }
        await (await factory.SubmitAsync(new { message, task = withdrawn, formToken = kept })).AssertProblemAsync(HttpStatusCode.Gone, "gone");
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(new { message, formToken = kept })).StatusCode);
    }
}

/// <summary>The per-address limit through HTTP: 429 with Retry-After once the window's submissions are used.</summary>
public sealed class FeedbackLimitTests(FeedbackLimitFactory factory) : IClassFixture<FeedbackLimitFactory>
{
    [Fact]
    public async Task The_third_submission_in_the_window_answers_429_with_Retry_After()
    {
        const string message = "Góp ý thử giới hạn theo địa chỉ.";
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(new { message, formToken = await factory.TokenAsync() })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(new { message, formToken = await factory.TokenAsync() })).StatusCode);
        var third = await factory.SubmitAsync(new { message, formToken = await factory.TokenAsync() });
        var problem = await third.AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(third.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, third.Headers.RetryAfter?.ToString());
        Assert.True(problem.GetProperty("retryAfterSeconds").GetInt32() > 0);
    }
}
