using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Inquiries;

/// <summary>The inquiry host sending for real, through the MailKit sender, to an SMTP server on 127.0.0.1.</summary>
public sealed class InquiryOverSmtpFactory : InquiryFactory
{
    public SmtpTestServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => MailHostFactory.SettingsFor(Smtp);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>
/// A business's inquiry, end to end: submitted without a key, relayed by e-mail to the host's curator-only contact with
/// Reply-To the business, acknowledged to the business without the host's address, and its delivery shown to curators.
/// </summary>
public sealed class InquiryRelayDeliveryTests(InquiryOverSmtpFactory factory) : IClassFixture<InquiryOverSmtpFactory>
{
    [Fact]
    public async Task The_relay_reaches_the_host_contact_and_the_business_gets_an_acknowledgement_without_it()
    {
        var (task, code, org) = await factory.TransferableTaskAsync(principalEmail: null);
        var curator = await factory.CuratorAsync();
        var contact = $"chuyengiao.{Guid.NewGuid():N}"[..24] + "@vien-nln.example.vn";
        var put = await curator.PutAsync($"/api/v1/organizations/{org}/contact",
            new StringContent(JsonSerializer.Serialize(new { email = contact }), Encoding.UTF8, "application/json"));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var business = $"giamdoc.{Guid.NewGuid():N}"[..20] + "@chethaiphu.example.vn";
        var body = InquiryFactory.Body(await factory.TokenAsync(), business);
        body["need"] = "Chúng tôi muốn áp dụng quy trình giâm hom.\r\nBcc: everyone@example.org\r\nCho 20 ha chè Shan tuyết.";
        var submitted = await factory.SubmitAsync(task, body);
        var answer = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, answer);
        var id = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString()!;
        Assert.DoesNotContain(contact, answer);

        var relay = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(contact));
        Assert.Equal([contact], relay.Recipients);
        Assert.Equal(business, Assert.Single(relay.Message.ReplyTo.Mailboxes).Address);
        Assert.Contains($"Yêu cầu chuyển giao công nghệ: {code}", relay.Message.Subject);
        Assert.Contains("Quy trình nhân giống chè Shan tuyết bằng giâm hom", relay.Text);
        Assert.Contains("Cho 20 ha chè Shan tuyết.", relay.Text);
        Assert.Empty(relay.Message.Bcc);
        Assert.DoesNotContain(relay.Message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));

        var acknowledgement = await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(business));
        Assert.DoesNotContain(contact, acknowledgement.Raw);
        Assert.DoesNotContain("everyone@example.org", acknowledgement.Raw);

        // Curators see the relay delivered, as the mail queue recorded it.
        JsonElement view = default;
        for (var i = 0; i < 100; i++)
        {
            view = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/inquiries/{id}");
            if (view.GetProperty("relay").GetProperty("sentAt").ValueKind == JsonValueKind.String) break;
            await Task.Delay(50);
        }
        Assert.Equal(JsonValueKind.String, view.GetProperty("relay").GetProperty("sentAt").ValueKind);
        Assert.Equal(1, view.GetProperty("relay").GetProperty("attempts").GetInt32());
    }
}
