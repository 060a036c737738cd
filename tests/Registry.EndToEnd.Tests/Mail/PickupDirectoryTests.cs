using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Registry.Data.Mail;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>The embedded default: with no mail settings, mail becomes .eml files in the data directory and nothing is sent.</summary>
public sealed class PickupDirectoryTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    [Fact]
    public async Task Without_settings_mail_is_written_whole_to_the_pickup_directory()
    {
        var outbox = factory.Services.GetRequiredService<IMailOutbox>();
        var to = $"pickup-{Guid.NewGuid():N}@example.vn";
        await outbox.EnqueueAsync(new OutgoingMail { To = to, Subject = "Thư thử: chè Shan tuyết", TextBody = "Nội dung", ReplyTo = "reply@example.vn", Purpose = MailPurposes.Inquiry });

        var directory = Path.Combine(factory.DataDirectory, "mail-pickup");
        MimeMessage? found = null;
        for (var i = 0; i < 200 && found is null; i++)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to)) found = message;
                }
            }
            if (found is null) await Task.Delay(50);
        }

        Assert.NotNull(found);
        Assert.Equal("Thư thử: chè Shan tuyết", found.Subject);
        Assert.Equal("reply@example.vn", Assert.Single(found.ReplyTo.Mailboxes).Address);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
        var health = await factory.Anonymous().GetStringAsync("/health/ready");
        Assert.Contains("mode PickupDirectory", health);
    }
}
