using System.ComponentModel.DataAnnotations;

namespace Registry.Api.Alerts;

/// <summary><c>Registry:Alerts</c>: e-mail alerts for saved searches.</summary>
public sealed class AlertOptions
{
    public const string Section = "Registry:Alerts";

    /// <summary>How often the runner looks for new changes (immediate alerts go out within about this long).</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 30;

    /// <summary>Hour of the day, Vietnam time (UTC+7), at which daily and (on Mondays) weekly digests go out.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 7;

    /// <summary>Days a subscription waits for confirmation before it and its address are deleted.</summary>
    [Range(1, 90)]
    public int ConfirmationDays { get; set; } = 7;

    /// <summary>Confirmation mails one address may receive in 24 hours (stops mail-bombing a stranger).</summary>
    [Range(1, 100)]
    public int MaxConfirmationsPerDay { get; set; } = 3;

    /// <summary>Tasks listed in one mail; the rest are counted, with a link to the search.</summary>
    [Range(1, 500)]
    public int MaxTasksPerMail { get; set; } = 50;
}
