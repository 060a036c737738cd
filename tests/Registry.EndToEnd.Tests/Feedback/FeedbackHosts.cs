using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Feedback;

/// <summary>Real time plus an offset the test moves forward: form tokens age without the test sleeping; timers stay real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

/// <summary>The host with a <see cref="ShiftedClock"/> and a per-address limit high enough for a whole test class.</summary>
public class FeedbackApiFactory : RegistryApiFactory
{
    public ShiftedClock Clock { get; } = new();

    protected virtual int SubmissionsPerWindow => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Registry:Forms:MinFillSeconds"] = "3",
        ["Registry:Forms:SubmissionsPerWindow"] = SubmissionsPerWindow.ToString(),
        ["Registry:Feedback:PersonalDataRetentionDays"] = "30",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>A fresh feedback token, aged past the minimum fill time.</summary>
    public async Task<string> TokenAsync(string purpose = "feedback")
    {
        var response = await Anonymous().GetAsync($"/api/v1/forms/token?purpose={purpose}");
        response.EnsureSuccessStatusCode();
        var token = (await response.ReadJsonAsync()).GetProperty("token").GetString()!;
        Clock.Advance(TimeSpan.FromSeconds(4));
        return token;
    }

    public Task<HttpResponseMessage> SubmitAsync(object body) => Anonymous().PostRawAsync("/api/v1/feedback", JsonSerializer.Serialize(body));

    /// <summary>Submits valid feedback and returns its id.</summary>
    public async Task<string> SubmitValidAsync(string? task, string message, string? name = null, string? email = null)
    {
        var response = await SubmitAsync(new { task, message, name, email, consent = name is not null || email is not null, formToken = await TokenAsync() });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public async Task<string> PublishedTaskAsync(Visibility visibility = Visibility.Published)
    {
        var curator = await CuratorAsync();
        var (id, _) = await TaskLifecycleTests.CreateAsync(curator, TaskRecordBuilder.Valid() with { Visibility = visibility == Visibility.Withdrawn ? Visibility.Published : visibility });
        if (visibility == Visibility.Withdrawn)
        {
            (await curator.PostAsJsonAsync($"/api/v1/tasks/{id}/withdraw", new { reason = "Trùng với nhiệm vụ khác" })).EnsureSuccessStatusCode();
        }
        return id;
    }
}

/// <summary>The same host with the per-address limit at two submissions, for the 429 test.</summary>
public sealed class FeedbackLimitFactory : FeedbackApiFactory
{
    protected override int SubmissionsPerWindow => 2;
}
