using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Data.Mail;

namespace Registry.Data.Inquiries;

/// <summary>Checks <see cref="InquiryOptions"/> at start with messages naming the setting.</summary>
internal sealed class InquiryOptionsValidator : IValidateOptions<InquiryOptions>
{
    public ValidateOptionsResult Validate(string? name, InquiryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.FallbackAddress) && !MailAddresses.IsValid(options.FallbackAddress))
        {
            failures.Add($"{InquiryOptions.Section}:FallbackAddress must be one bare e-mail address (e.g. chuyengiao@sokhcn.phutho.gov.vn), not '{options.FallbackAddress}'");
        }
        if (options.PersonalDataRetentionDays is < 1 or > 3650)
        {
            failures.Add($"{InquiryOptions.Section}:PersonalDataRetentionDays must be between 1 and 3650 days (Decree 13/2023: keep personal data no longer than needed)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class InquiryServices
{
    public static IServiceCollection AddRegistryInquiries(this IServiceCollection services)
    {
        services.AddOptions<InquiryOptions>().BindConfiguration(InquiryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InquiryOptions>, InquiryOptionsValidator>();
        services.AddSingleton<IInquiryStore, InquiryStore>();
        return services;
    }
}
