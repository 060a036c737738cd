using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data;
using Registry.Data.Alerts;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>The steps a journalist takes, shared by the alert tests: subscribe, read the mail, confirm, and a curator publishing.</summary>
internal static partial class AlertFlow
{
    /// <summary>A word no other test's task holds, so a search for it finds only this test's tasks.</summary>
    public static string Marker() => "mk" + new string(Enumerable.Range(0, 9).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    public static string Email(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.vn";

    public static async Task<string> FormTokenAsync(HttpClient client)
    {
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/forms/token?purpose=alert");
        return token.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string email, string? q, object? filters,
        string frequency = "immediate", string language = "vi", string? website = null) =>
        await client.PostAsJsonAsync("/api/v1/alerts", new { email, q, filters, frequency, language, formToken = await FormTokenAsync(client), website });

    public static string ConfirmToken(ReceivedMail mail) =>
        Uri.UnescapeDataString(ConfirmLink().Match(mail.Text).Groups[1].Value) is { Length: > 0 } token ? token
            : throw new Xunit.Sdk.XunitException("No confirmation link in: " + mail.Text);

    public static async Task<ReceivedMail> ConfirmationAsync(MailHostFactory factory, string email) =>
        await factory.Smtp.WaitForAsync(m => m.Recipients.Contains(email) && m.Text.Contains("/alerts/confirm?token="));

    public static async Task ConfirmAsync(HttpClient client, string token)
    {
        var response = await client.PostAsync("/alerts/confirm", new FormUrlEncodedContent([KeyValuePair.Create("token", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã xác nhận", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Subscribes through the API, waits for the confirmation mail and confirms through the page's button.</summary>
    public static async Task SubscribeAndConfirmAsync(MailHostFactory factory, string email, string q, object? filters, string frequency = "immediate")
    {
        var client = factory.Anonymous();
        var response = await SubscribeAsync(client, email, q, filters, frequency);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ConfirmAsync(client, ConfirmToken(await ConfirmationAsync(factory, email)));
    }

    public static async Task<(string Id, string Title)> PublishAsync(MailHostFactory factory, string title, TaskLevel level = TaskLevel.Provincial,
        string? titleEn = null)
    {
        var record = TaskRecordBuilder.Valid() with { Title = title, TitleEn = titleEn, Level = level, Visibility = Visibility.Published };
        var (id, _) = await TaskLifecycleTests.CreateAsync(await factory.CuratorAsync(), record);
        return (id, title);
    }

    public static async Task<AlertSubscription> SubscriptionAsync(MailHostFactory factory, Func<AlertSubscription, bool> match)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
        var all = await db.Set<AlertSubscription>().AsNoTracking().ToListAsync();
        return Assert.Single(all, s => match(s));
    }

    /// <summary>Lets the indexer and a few alert runs pass, for tests that prove nothing is sent.</summary>
    public static async Task SettleAsync(MailHostFactory factory)
    {
        await factory.WaitForOutboxDrainedAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    [GeneratedRegex(@"/alerts/confirm\?token=([A-Za-z0-9_\-%]+)")]
    private static partial Regex ConfirmLink();
}
