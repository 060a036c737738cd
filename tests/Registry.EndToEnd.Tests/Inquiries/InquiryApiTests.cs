using System.Text;
using System.Text.Json;
using Registry.Data.Mail;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Inquiries;

/// <summary>POST /tasks/{id}/inquiries through the real host, the curators' log, and every hostile body we could think of.</summary>
public sealed class InquiryApiTests(InquiryFactory factory) : IClassFixture<InquiryFactory>
{
    private static string Json(object body) => JsonSerializer.Serialize(body);

    [Fact]
    public async Task A_business_inquiry_is_accepted_queued_for_the_host_and_logged_for_curators()
    {
        var (task, code, _) = await factory.TransferableTaskAsync();

        var response = await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var answer = JsonDocument.Parse(text).RootElement;
        var id = answer.GetProperty("id").GetString()!;
        Assert.Equal("relayed", answer.GetProperty("status").GetString());
        Assert.Contains("(inquiry received and passed to the task's host organization", answer.GetProperty("message").GetString());
        Assert.DoesNotContain("an.nguyen@example.vn", text);

        var relay = Assert.Single(await factory.MailsAsync(id), m => m.Purpose == MailPurposes.Inquiry);
        Assert.Equal("an.nguyen@example.vn", relay.To);
        Assert.Equal("giamdoc@chethaiphu.vn", relay.ReplyTo);
        Assert.Contains(code, relay.Subject);
        Assert.Contains("Quy trình nhân giống chè Shan tuyết bằng giâm hom", relay.TextBody);
        Assert.Contains("20 ha chè Shan tuyết", relay.TextBody);
        Assert.Contains($"http://localhost/tasks/{task}", relay.TextBody);

        var curator = await factory.CuratorAsync();
        var read = await curator.GetAsync($"/api/v1/inquiries/{id}");
        var record = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("principalInvestigator", record.GetProperty("route").GetString());
        Assert.Equal("giamdoc@chethaiphu.vn", record.GetProperty("contactEmail").GetString());
        Assert.Equal(1, record.GetProperty("output").GetInt32());
        Assert.True(record.GetProperty("relay").GetProperty("queuedAt").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);

        var log = JsonDocument.Parse(await curator.GetStringAsync($"/api/v1/inquiries?task={task}&status=relayed")).RootElement;
        Assert.Equal(id, log.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(1, log.GetProperty("meta").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Curators_set_the_host_contact_answer_and_close_and_the_public_cannot()
    {
        var (task, _, org) = await factory.TransferableTaskAsync(principalEmail: null);
        var anonymous = factory.Anonymous();
        var curator = await factory.CuratorAsync();

        var waiting = JsonDocument.Parse(await (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("awaitingContact", waiting.GetProperty("status").GetString());
        Assert.Contains("(inquiry received; the Department of Science and Technology will forward it", waiting.GetProperty("message").GetString());
        var id = waiting.GetProperty("id").GetString()!;

        await (await anonymous.GetAsync("/api/v1/inquiries")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.GetAsync($"/api/v1/inquiries/{id}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.GetAsync($"/api/v1/organizations/{org}/contact")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.PutAsync($"/api/v1/organizations/{org}/contact", new StringContent(Json(new { email = "x@y.vn" }), Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.PostAsync($"/api/v1/inquiries/{id}/status", new StringContent(Json(new { status = "closed" }), Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        await (await curator.PostAsync($"/api/v1/inquiries/{id}/relay", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var bad = await curator.PutAsync($"/api/v1/organizations/{org}/contact", new StringContent(Json(new { email = "lienhe@vien.vn\r\nBcc: x@y.vn" }), Encoding.UTF8, "application/json"));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var set = await curator.PutAsync($"/api/v1/organizations/{org}/contact", new StringContent(Json(new { email = "lienhe@vien.vn" }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("lienhe@vien.vn", JsonDocument.Parse(await curator.GetStringAsync($"/api/v1/organizations/{org}/contact")).RootElement.GetProperty("email").GetString());

        var relayed = await curator.PostAsync($"/api/v1/inquiries/{id}/relay", null);
        Assert.Equal(HttpStatusCode.OK, relayed.StatusCode);
        Assert.Equal("lienhe@vien.vn", Assert.Single(await factory.MailsAsync(id), m => m.Purpose == MailPurposes.Inquiry).To);

        var answered = await curator.PostAsync($"/api/v1/inquiries/{id}/status", new StringContent(Json(new { status = "answered", note = "Đã gửi báo giá" }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var wrong = await curator.PostAsync($"/api/v1/inquiries/{id}/status", new StringContent(Json(new { status = "spam" }), Encoding.UTF8, "application/json"));
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var dup = await curator.PostAsync($"/api/v1/inquiries/{id}/status", new StringContent("""{"status":"closed","Status":"answered"}""", Encoding.UTF8, "application/json"));
        await dup.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/inquiries?status=nope")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/inquiries?cursor=zzzz")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/inquiries?task=' or 1=1 --")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        await (await curator.GetAsync("/api/v1/inquiries/q000000000000")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    public static TheoryData<string, string, HttpStatusCode, string> HostileBodies() => new()
    {
        { "duplicate key", """{"formToken":"T","organization":"A","Organization":"B","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "unknown member", """{"formToken":"T","organization":"A","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true,"bcc":"x@y.vn"}""", HttpStatusCode.BadRequest, "validation" },
        { "not json", "organization=A&contactName=C", HttpStatusCode.BadRequest, "validation" },
        { "array", "[1,2,3]", HttpStatusCode.BadRequest, "validation" },
        { "wrong type", """{"formToken":"T","output":"first","consent":"yes"}""", HttpStatusCode.BadRequest, "validation" },
        { "crlf in organization", """{"formToken":"T","organization":"A\r\nBcc: x@y.vn","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "crlf in e-mail", """{"formToken":"T","organization":"A","contactName":"C","contactEmail":"a@b.vn\r\nBcc: x@y.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "bidi override", """{"formToken":"T","organization":"A","contactName":"C\u202Eexe","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "lone surrogate", """{"formToken":"T","organization":"A","contactName":"C\uD800","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "no consent", """{"formToken":"T","organization":"A","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":false}""", HttpStatusCode.BadRequest, "validation" },
        { "honeypot", """{"formToken":"T","website":"http://spam.example","organization":"A","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "no token", """{"organization":"A","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "forged token", """{"formToken":"f1.inquiry.1800000000.abc.def","organization":"A","contactName":"C","contactEmail":"a@b.vn","need":"một nhu cầu đủ dài để đọc được","consent":true}""", HttpStatusCode.BadRequest, "validation" },
        { "deep nesting", new string('[', 200) + new string(']', 200), HttpStatusCode.BadRequest, "validation" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_answer_a_clear_4xx_and_store_nothing(string why, string body, HttpStatusCode status, string kind)
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var response = await factory.Anonymous().PostAsync($"/api/v1/tasks/{task}/inquiries", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(status, kind);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), why);
        var curator = await factory.CuratorAsync();
        var log = JsonDocument.Parse(await curator.GetStringAsync($"/api/v1/inquiries?task={task}")).RootElement;
        Assert.Equal(0, log.GetProperty("meta").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Wrong_content_type_huge_bodies_and_wrong_tasks_are_refused_plainly()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var client = factory.Anonymous();
        var body = Json(InquiryFactory.Body(await factory.TokenAsync()));

        await (await client.PostAsync($"/api/v1/tasks/{task}/inquiries", new StringContent(body, Encoding.UTF8, "text/plain")))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        var huge = InquiryFactory.Body(await factory.TokenAsync());
        huge["need"] = new string('x', 100_000);
        await (await client.PostAsync($"/api/v1/tasks/{task}/inquiries", new StringContent(Json(huge), Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        var longNeed = InquiryFactory.Body(await factory.TokenAsync());
        longNeed["need"] = new string('x', 5000);
        var tooLong = await (await client.PostAsync($"/api/v1/tasks/{task}/inquiries", new StringContent(Json(longNeed), Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("need", out _));

        var withdrawn = (await factory.TransferableTaskAsync()).Id;
        var curator = await factory.CuratorAsync();
        Assert.True((await curator.PostAsync($"/api/v1/tasks/{withdrawn}/withdraw", new StringContent(Json(new { reason = "Trùng lặp" }), Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        await (await factory.SubmitAsync(withdrawn, InquiryFactory.Body(await factory.TokenAsync()))).AssertProblemAsync(HttpStatusCode.Gone, "gone");
        await (await factory.SubmitAsync("t0000000000zz", InquiryFactory.Body(await factory.TokenAsync()))).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var (plain, _, _) = await factory.CreateAsync(Registry.Api.Tests.Builders.TaskRecordBuilder.Valid() with { Visibility = Registry.Data.Records.Visibility.Published });
        var refused = await (await factory.SubmitAsync(plain, InquiryFactory.Body(await factory.TokenAsync()))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("transferable=true", refused.GetProperty("errors").GetProperty("task")[0].GetString());
        var wrongOutput = InquiryFactory.Body(await factory.TokenAsync());
        wrongOutput["output"] = 0;
        var notThatOne = await (await factory.SubmitAsync(task, wrongOutput)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("choose one of: 1", notThatOne.GetProperty("errors").GetProperty("output")[0].GetString());
    }

    [Fact]
    public async Task A_token_is_single_use_for_inquiries_only_and_a_field_error_does_not_use_it_up()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var token = await factory.TokenAsync();

        var typo = InquiryFactory.Body(token, email: "giamdoc@@chethaiphu");
        var first = await (await factory.SubmitAsync(task, typo)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(first.GetProperty("errors").TryGetProperty("contactEmail", out _));
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(task, InquiryFactory.Body(token))).StatusCode);
        var again = await (await factory.SubmitAsync(task, InquiryFactory.Body(token))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("already used", again.GetProperty("errors").GetProperty("formToken")[0].GetString());

        var feedbackToken = await factory.TokenAsync("feedback");
        await (await factory.SubmitAsync(task, InquiryFactory.Body(feedbackToken))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Public_statistics_are_counts_only()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()))).StatusCode);

        var response = await factory.Anonymous().GetAsync("/api/v1/stats/inquiries");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = JsonDocument.Parse(text).RootElement;
        Assert.True(stats.GetProperty("total").GetInt32() >= 1);
        Assert.True(stats.GetProperty("tasksWithInquiries").GetInt32() >= 1);
        Assert.True(stats.GetProperty("byStatus").GetProperty("relayed").GetInt32() >= 1);
        Assert.Equal(DateTime.UtcNow.AddHours(7).Year, stats.GetProperty("byYear")[stats.GetProperty("byYear").GetArrayLength() - 1].GetProperty("year").GetInt32());
        Assert.DoesNotContain("Chè Thái Phú", text);
        Assert.DoesNotContain("@", text);
        await (await factory.Anonymous().GetAsync("/api/v1/stats/inquiries?groupBy=organization")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}

/// <summary>The spam defences reach the endpoint: the per-address limit answers 429, the minimum fill time 400.</summary>
public sealed class InquiryLimitTests(LimitedInquiryFactory factory) : IClassFixture<LimitedInquiryFactory>
{
    [Fact]
    public async Task The_third_inquiry_from_one_address_in_the_window_answers_429_and_stores_nothing()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync()))).StatusCode);

        var third = await (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync())))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.True(third.GetProperty("retryAfterSeconds").GetInt32() > 0);
        var log = JsonDocument.Parse(await (await factory.CuratorAsync()).GetStringAsync($"/api/v1/inquiries?task={task}")).RootElement;
        Assert.Equal(2, log.GetProperty("meta").GetProperty("count").GetInt32());
    }
}

public sealed class InquiryFillTimeTests(SlowFormFactory factory) : IClassFixture<SlowFormFactory>
{
    [Fact]
    public async Task An_inquiry_sent_straight_after_fetching_the_token_is_refused_as_too_quick()
    {
        var (task, _, _) = await factory.TransferableTaskAsync();
        var problem = await (await factory.SubmitAsync(task, InquiryFactory.Body(await factory.TokenAsync())))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("too quickly", problem.GetProperty("errors").GetProperty("formToken")[0].GetString());
    }
}
