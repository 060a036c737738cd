using System.Security.Claims;
using Registry.Api.Auth;

namespace Registry.Api.Tests;

internal static class TestUsers
{
    public static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public static ClaimsPrincipal Curator(string name = "curator-test") =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, RegistryRoles.Curator)], "test"));

    public static HttpResponse NewResponse() => new DefaultHttpContext().Response;
}
