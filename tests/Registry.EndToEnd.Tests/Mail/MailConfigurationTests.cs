using Registry.EndToEnd.Tests.Infrastructure;

namespace Registry.EndToEnd.Tests.Mail;

/// <summary>Bad Registry:Mail settings stop the start with a message naming the setting.</summary>
public sealed class MailConfigurationTests
{
    private sealed class Configured(IDictionary<string, string?> settings) : RegistryApiFactory
    {
        protected override IDictionary<string, string?> Settings => settings;
    }

    [Theory]
    [InlineData("Registry:Mail:Smtp:Host", null, "Registry:Mail:Smtp:Host")]
    [InlineData("Registry:Mail:Smtp:Port", "70000", "Registry:Mail:Smtp:Port")]
    [InlineData("Registry:Mail:FromAddress", "not an address", "Registry:Mail:FromAddress")]
    [InlineData("Registry:Mail:Smtp:Password", "secret-without-user", "Registry:Mail:Smtp:UserName and Registry:Mail:Smtp:Password")]
    [InlineData("Registry:PublicBaseUrl", null, "Registry:PublicBaseUrl")]
    public void A_bad_smtp_setting_stops_the_start_naming_the_setting(string key, string? value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Registry:Mail:Mode"] = "Smtp",
            ["Registry:Mail:Smtp:Host"] = "127.0.0.1",
            ["Registry:PublicBaseUrl"] = "http://localhost",
            [key] = value,
        };
        using var factory = new Configured(settings);
        var error = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(error);
        Assert.Contains(named, Flatten(error));
    }

    [Fact]
    public void An_unknown_mode_stops_the_start_naming_the_setting()
    {
        using var factory = new Configured(new Dictionary<string, string?> { ["Registry:Mail:Mode"] = "Carrier-pigeon" });
        var error = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(error);
        Assert.Contains("Registry:Mail:Mode", Flatten(error));
    }

    private static string Flatten(Exception error)
    {
        var text = error.ToString() + "\n";
        if (error is AggregateException aggregate) text += string.Join("\n", aggregate.InnerExceptions.Select(i => i.Message));
        return text;
    }
}
