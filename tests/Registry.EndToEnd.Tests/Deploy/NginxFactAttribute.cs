namespace Registry.EndToEnd.Tests.Deploy;

/// <summary>
/// A test that needs Debian's nginx (CI installs it: <c>.ci/run</c>). Without nginx it is reported as skipped with
/// the reason, unless <c>REGISTRY_REQUIRE_NGINX</c> is set (CI sets it), when it runs and fails instead, so a CI
/// machine that lost nginx cannot pass by skipping.
/// </summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public const string Binary = "/usr/sbin/nginx";

    public NginxFactAttribute()
    {
        if (!File.Exists(Binary) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("REGISTRY_REQUIRE_NGINX")))
            Skip = "nginx is not installed (apt-get install nginx-light; .ci/run does it)";
    }
}
